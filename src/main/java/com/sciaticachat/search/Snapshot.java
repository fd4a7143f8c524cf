package com.sciaticachat.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sciaticachat.analysis.Analyzers;
import com.sciaticachat.analysis.EnglishWords;
import com.sciaticachat.analysis.QuestionAnalyzer;
import com.sciaticachat.analysis.SpellingCorrector;
import com.sciaticachat.analysis.SynonymsFile;
import com.sciaticachat.corpus.Block;
import com.sciaticachat.index.Fields;
import com.sciaticachat.index.SectionRecord;
import com.sciaticachat.index.UnitKind;
import com.sciaticachat.index.UnitVectors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

/**
 * One generation of the index, and the parts built from it once, each with one job: the sections
 * ({@link SectionCatalog}), their words ({@link Vocabulary}), the filed questions ({@link FiledQuestions}),
 * the model fitted to them ({@link SectionProbe}), the question analyser with this generation's synonyms
 * and spelling vocabulary, and the settings files it was built with. {@link org.apache.lucene.search.SearcherManager}
 * hands these out (through {@link SnapshotFactory}), so a request that acquired a snapshot reads one
 * consistent generation from start to end, whatever reload happens meanwhile. What other layers build from a
 * generation's settings (the safety rules, say) they build once through {@link #derived}, so that this
 * layer does not need to know them.
 */
public final class Snapshot extends IndexSearcher {

    /** What one Lucene document of this generation is. */
    public record Unit(String unitId, String sectionId, UnitKind kind, String text) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Unit[] units;
    /** The embeddings of the guide's own units and the topics listed as not covered, by doc (null for the others). */
    private final float[][] vectors;
    /** The docs of the guide's own units (sections, headings, items) and of the topics listed as not covered. */
    private final int[] guideDocs;
    private final SectionCatalog catalog;
    private final Vocabulary vocabulary;
    private final FiledQuestions filed;
    /** Which section a question's meaning points to, fitted to this generation's filed questions. */
    private final SectionProbe probe;
    private final QuestionAnalyzer questionAnalyzer;
    private final Map<String, String> settingsFiles;
    private final Map<String, String> commitData;
    private final Map<Class<?>, Object> derived = new ConcurrentHashMap<>();

    public Snapshot(IndexReader reader) throws IOException {
        super(reader);
        StoredFields stored = reader.storedFields();
        List<SectionRecord> records = new ArrayList<>();
        Map<String, String> settings = new HashMap<>();
        units = new Unit[reader.maxDoc()];
        List<String> vocabularyTexts = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        FiledQuestions.Builder filing = new FiledQuestions.Builder();
        Vocabulary.Builder words = new Vocabulary.Builder();
        try (Analyzer plain = Analyzers.plain(); Analyzer indexing = Analyzers.index()) {
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                org.apache.lucene.document.Document d = stored.document(doc);
                UnitKind kind = UnitKind.of(d.get(Fields.KIND));
                if (kind == UnitKind.META) {
                    settings.put(d.get(Fields.META_NAME), d.get(Fields.META_TEXT));
                    continue;
                }
                String text = d.get(Fields.TEXT);
                if (kind.notCovered()) {
                    units[doc] = new Unit(d.get(Fields.UNIT_ID), "", kind, text);
                    topics.add(text);
                    if (kind == UnitKind.NOT_COVERED) filing.notCovered(text);
                    continue;
                }
                String sectionId = d.get(Fields.SECTION_ID);
                units[doc] = new Unit(d.get(Fields.UNIT_ID), sectionId, kind, text);
                // staff's alternates say the same as a filing: this section answers this question
                if (kind == UnitKind.EXAMPLE || kind == UnitKind.QUESTION) filing.answers(text, sectionId);
                // a visitor's question is matched, but its words (and typos) are not the guide's: they say
                // nothing about what the guide covers, and the spelling corrector must not trust them
                if (kind == UnitKind.EXAMPLE || kind == UnitKind.PROXY || kind == UnitKind.SENTENCE) continue;
                // what a section "contains", for coverage: its headings, its own text (a parent's answer also
                // shows its children, but a question naming a child's words is about the child), its items
                // and its alternate questions
                String own = text;
                if (kind == UnitKind.SECTION) {
                    SectionRecord r = JSON.readValue(d.get(Fields.RECORD), SectionRecord.class);
                    records.add(r);
                    if (r.level() > 1) words.title(r.id(), Analyzers.terms(plain, r.title()));
                    String headings = String.join(" ", r.path().subList(1, r.path().size()));
                    words.add(indexing, headings, sectionId);
                    vocabularyTexts.add(headings);
                    own = ownText(r);
                }
                words.add(indexing, own, sectionId);
                vocabularyTexts.add(text);
            }
        }
        // kept: only the guide's own units and the topics listed as not covered (the questions are reached through the HNSW
        // graph); the questions' vectors and sections fit the probe
        vectors = new float[units.length][];
        List<Integer> guide = new ArrayList<>();
        List<float[]> questionVectors = new ArrayList<>();
        List<String> questionSections = new ArrayList<>();
        UnitVectors.forEach(reader, doc -> units[doc] != null, (vector, doc) -> {
            if (units[doc].kind().isQuestion()) {
                questionVectors.add(vector);
                questionSections.add(units[doc].sectionId());
            } else {
                vectors[doc] = vector;
                guide.add(doc);
            }
        });
        this.guideDocs = guide.stream().mapToInt(Integer::intValue).toArray();
        // fitted beside the rest of this constructor (a few hundred milliseconds on a cold start)
        CompletableFuture<SectionProbe> probeFit = CompletableFuture.supplyAsync(() -> SectionProbe.fit(questionVectors, questionSections));
        this.catalog = new SectionCatalog(records);
        this.filed = filing.build();
        this.settingsFiles = Map.copyOf(settings);
        this.commitData = reader instanceof DirectoryReader dr ? Map.copyOf(dr.getIndexCommit().getUserData()) : Map.of();
        String synonyms = settings.getOrDefault(SynonymsFile.FILE_NAME, "");
        this.vocabulary = words.build(topics, synonyms);
        vocabularyTexts.addAll(SynonymsFile.words(synonyms));
        SpellingCorrector corrector = new SpellingCorrector(SpellingCorrector.countWords(vocabularyTexts),
                SpellingCorrector.joinedPairs(vocabularyTexts), EnglishWords.get());
        this.questionAnalyzer = new QuestionAnalyzer(Analyzers.query(SynonymsFile.parse(synonyms)), corrector);
        this.probe = probeFit.join();
    }

    /** A section's own text and its children's headings, without the children's text. */
    private static String ownText(SectionRecord r) {
        StringBuilder sb = new StringBuilder();
        boolean inChild = false;
        for (Block b : r.blocks()) {
            if (b.kind() == Block.Kind.HEADING) {
                inChild = true;
                sb.append(b.text()).append('\n');
            } else if (!inChild) {
                sb.append(b.plainText()).append('\n');
            }
        }
        return sb.toString();
    }

    /** The sections of this generation. */
    public SectionCatalog catalog() {
        return catalog;
    }

    /** The words each section contains, and the topics not covered' words the guide never uses. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The questions staff filed or wrote as alternates, and where each belongs. */
    public FiledQuestions filed() {
        return filed;
    }

    public QuestionAnalyzer questionAnalyzer() {
        return questionAnalyzer;
    }

    /**
     * Something built from this generation once, on first use, and kept as long as the generation is: what a
     * layer above derives from it (the safety configuration from its settings files, say). {@code key} names
     * it; two calls with the same key get the same object.
     */
    public <T> T derived(Class<T> key, Function<Snapshot, T> build) {
        return key.cast(derived.computeIfAbsent(key, k -> build.apply(this)));
    }

    public Unit unit(int doc) {
        return units[doc];
    }

    SectionProbe probe() {
        return probe;
    }

    /** The embedding (unit length) of one of the {@link #guideDocs()}. Not to be modified. */
    float[] vector(int doc) {
        return vectors[doc];
    }

    /** The docs of the guide's own units and of the topics listed as not covered: compared exactly with every question. */
    int[] guideDocs() {
        return guideDocs;
    }

    /** What this generation was built from, for the next read to fall back on. */
    public com.sciaticachat.corpus.LastGood lastGood() {
        return lastGood(settingsFiles);
    }

    /**
     * What a commit was built from, read from its meta documents alone: for a start-up that needs it before
     * any snapshot is open (a whole snapshot also fits the probe and builds the spelling corrector).
     */
    static com.sciaticachat.corpus.LastGood lastGood(IndexReader reader) throws IOException {
        Map<String, String> metas = new HashMap<>();
        IndexSearcher searcher = new IndexSearcher(reader);
        StoredFields stored = reader.storedFields();
        org.apache.lucene.search.TermQuery meta = new org.apache.lucene.search.TermQuery(
                new org.apache.lucene.index.Term(Fields.KIND, UnitKind.META.value()));
        for (org.apache.lucene.search.ScoreDoc sd : searcher.search(meta, Math.max(1, reader.maxDoc())).scoreDocs) {
            org.apache.lucene.document.Document d = stored.document(sd.doc);
            metas.put(d.get(Fields.META_NAME), d.get(Fields.META_TEXT));
        }
        return lastGood(metas);
    }

    /** The files (by path in the folder) and the renamed sections' former names, from a commit's meta documents. */
    private static com.sciaticachat.corpus.LastGood lastGood(Map<String, String> metas) {
        Map<String, String> sources = new HashMap<>(metas);
        String aliases = sources.remove(Fields.META_ALIASES);
        try {
            Map<String, String> parsed = aliases == null ? Map.of()
                    : JSON.readValue(aliases, new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
            return new com.sciaticachat.corpus.LastGood(sources, parsed);
        } catch (IOException e) {
            return new com.sciaticachat.corpus.LastGood(sources, Map.of());
        }
    }

    public String settingsFile(String name) {
        return settingsFiles.getOrDefault(name, "");
    }

    /** What the generation was built from: fingerprint, schema, model, time. */
    public Map<String, String> commitData() {
        return commitData;
    }
}
