package com.sciaticachat.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sciaticachat.analysis.Analyzers;
import com.sciaticachat.analysis.EnglishWords;
import com.sciaticachat.analysis.QuestionAnalyzer;
import com.sciaticachat.analysis.SpellingCorrector;
import com.sciaticachat.analysis.SynonymsFile;
import com.sciaticachat.analysis.Words;
import com.sciaticachat.index.Fields;
import com.sciaticachat.index.SectionRecord;
import com.sciaticachat.index.UnitKind;
import com.sciaticachat.index.UnitVectors;
import com.sciaticachat.safety.RedFlagMatcher;
import com.sciaticachat.safety.SafetyRules;
import com.sciaticachat.safety.SmallTalk;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;

/**
 * One generation of the index with everything derived from it: the sections as visitors read them, each
 * section's terms, the question analyzer with that generation's synonyms and vocabulary, and its settings
 * files. {@link org.apache.lucene.search.SearcherManager} hands these out (through
 * {@link SnapshotFactory}), so a request that acquired a snapshot reads one consistent generation from
 * start to end, whatever reload happens meanwhile.
 */
public final class Snapshot extends IndexSearcher {

    /** What one Lucene document of this generation is. */
    public record Unit(String unitId, String sectionId, UnitKind kind, String text) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, SectionRecord> sections;
    private final Unit[] units;
    /** The embeddings of the guide's own units and the listed topics, by doc (null for the others). */
    private final float[][] vectors;
    /** The docs of the guide's own units (sections, headings, items) and of the topics listed as not covered. */
    private final int[] guideDocs;
    private final Map<String, Set<String>> sectionTerms;
    private final Map<String, Set<String>> sectionPairs;
    private final Map<String, Set<String>> titleTerms;
    private final Map<String, Integer> sectionFrequency;
    private final Map<String, String> settingsFiles;
    private final Map<String, String> commitData;
    private final QuestionAnalyzer questionAnalyzer;
    /** Each out-of-scope topic, as written → its terms that the corpus does not use. */
    private final Map<String, Set<String>> outOfScopeTerms;
    /** Each synonym-file entry's analyzed terms → the entry as staff wrote it. */
    private final Map<List<String>, String> synonymWording;
    /**
     * A question staff filed in visitor-questions.txt or wrote as a section's alternate, by its wording
     * ({@link #asked}) → the section that answers it, or "" when filed as not covered.
     */
    private final Map<String, String> filed;
    /** Section id → how many questions answer it (staff's alternates and the visitors' questions they filed). */
    private final Map<String, Integer> questionCounts;
    /** Which section a question's meaning points to, fitted to this generation's filed questions. */
    private final SectionProbe probe;
    private final SafetyRules safetyRules;
    private final RedFlagMatcher redFlags;
    private final SmallTalk smallTalk;

    public Snapshot(IndexReader reader) throws IOException {
        super(reader);
        StoredFields stored = reader.storedFields();
        Map<String, SectionRecord> records = new HashMap<>();
        Map<String, String> settings = new HashMap<>();
        units = new Unit[reader.maxDoc()];
        List<String> vocabularyTexts = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        Map<String, String> filedQuestions = new HashMap<>();
        Map<String, Integer> questionCounts = new HashMap<>();
        Map<String, Set<String>> terms = new HashMap<>();
        Map<String, Set<String>> pairs = new HashMap<>();
        Map<String, Set<String>> titles = new HashMap<>();
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
                    if (kind == UnitKind.NOT_COVERED) file(filedQuestions, text, "");
                    continue;
                }
                String sectionId = d.get(Fields.SECTION_ID);
                units[doc] = new Unit(d.get(Fields.UNIT_ID), sectionId, kind, text);
                // staff's alternates say the same as a filing: this section answers this question
                if (kind == UnitKind.EXAMPLE || kind == UnitKind.QUESTION) {
                    file(filedQuestions, text, sectionId);
                    questionCounts.merge(sectionId, 1, Integer::sum);
                }
                // a visitor's question is matched, but its words (and typos) are not the guide's: they say
                // nothing about what the guide covers, and the spelling corrector must not trust them
                if (kind == UnitKind.EXAMPLE || kind == UnitKind.PROXY || kind == UnitKind.SENTENCE) continue;
                // what a section "contains", for coverage: its headings, its own text (a parent's answer also
                // shows its children, but a question naming a child's words is about the child), its items
                // and its alternate questions
                String own = text;
                if (kind == UnitKind.SECTION) {
                    SectionRecord r = JSON.readValue(d.get(Fields.RECORD), SectionRecord.class);
                    records.put(r.id(), r);
                    if (r.level() > 1) titles.put(r.id(), Set.copyOf(Analyzers.terms(plain, r.title())));
                    String headings = String.join(" ", r.path().subList(1, r.path().size()));
                    addTerms(indexing, headings, sectionId, terms, pairs);
                    vocabularyTexts.add(headings);
                    own = ownText(r);
                }
                addTerms(indexing, own, sectionId, terms, pairs);
                vocabularyTexts.add(text);
            }
        }
        // kept: only the guide's own units and the listed topics (the questions are reached through the HNSW
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
        java.util.concurrent.CompletableFuture<SectionProbe> probeFit =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> SectionProbe.fit(questionVectors, questionSections));
        List<SectionRecord> ordered = new ArrayList<>(records.values());
        ordered.sort((a, b) -> Integer.compare(a.order(), b.order()));
        Map<String, SectionRecord> catalog = new LinkedHashMap<>();
        ordered.forEach(r -> catalog.put(r.id(), r));
        this.sections = Collections.unmodifiableMap(catalog);
        Map<String, Integer> freq = new HashMap<>();
        Map<String, Set<String>> frozen = new HashMap<>();
        terms.forEach((id, set) -> {
            frozen.put(id, Set.copyOf(set));
            set.forEach(t -> freq.merge(t, 1, Integer::sum));
        });
        this.sectionTerms = Map.copyOf(frozen);
        Map<String, Set<String>> frozenPairs = new HashMap<>();
        pairs.forEach((id, set) -> frozenPairs.put(id, Set.copyOf(set)));
        this.sectionPairs = Map.copyOf(frozenPairs);
        this.titleTerms = Map.copyOf(titles);
        this.sectionFrequency = Map.copyOf(freq);
        filedQuestions.values().removeIf(AMBIGUOUS::equals);
        this.filed = Map.copyOf(filedQuestions);
        this.questionCounts = Map.copyOf(questionCounts);
        this.settingsFiles = Map.copyOf(settings);
        this.commitData = reader instanceof DirectoryReader dr ? Map.copyOf(dr.getIndexCommit().getUserData()) : Map.of();

        // words of the out-of-scope topics that the corpus (its text and synonyms) does not use
        Set<String> known = new HashSet<>(freq.keySet());
        String synonymsText = settings.getOrDefault(SynonymsFile.FILE_NAME, "");
        try (Analyzer plain = Analyzers.plain()) {
            Map<List<String>, String> wording = new HashMap<>();
            for (String line : SynonymsFile.words(synonymsText)) {
                for (String entry : line.split(",")) {
                    List<String> entryTerms = Analyzers.terms(plain, entry);
                    known.addAll(entryTerms);
                    if (!entryTerms.isEmpty()) wording.putIfAbsent(entryTerms, entry.trim());
                }
            }
            this.synonymWording = Map.copyOf(wording);
            Map<String, Set<String>> oos = new HashMap<>();
            for (String topic : topics) {
                Set<String> topicTerms = new HashSet<>();
                for (String t : Analyzers.terms(plain, topic)) {
                    if (!known.contains(t) && !QuestionAnalyzer.STOP_WORDS.contains(t)) topicTerms.add(t);
                }
                oos.putIfAbsent(topic, Set.copyOf(topicTerms));
            }
            this.outOfScopeTerms = Map.copyOf(oos);
        }

        // the safety files were checked before this generation was written; a generation without them has none
        String safetyText = settings.get(SafetyRules.FILE_NAME);
        this.safetyRules = safetyText == null ? SafetyRules.none() : SafetyRules.parse(SafetyRules.FILE_NAME, safetyText).rules();
        this.redFlags = new RedFlagMatcher(safetyRules, EnglishWords.get());
        String smallTalkText = settings.get(SmallTalk.FILE_NAME);
        this.smallTalk = smallTalkText == null ? SmallTalk.none() : SmallTalk.parse(SmallTalk.FILE_NAME, smallTalkText).smallTalk();

        String synonyms = synonymsText;
        vocabularyTexts.addAll(SynonymsFile.words(synonyms));
        SpellingCorrector corrector = new SpellingCorrector(SpellingCorrector.countWords(vocabularyTexts),
                SpellingCorrector.joinedPairs(vocabularyTexts), EnglishWords.get());
        this.questionAnalyzer = new QuestionAnalyzer(Analyzers.query(SynonymsFile.parse(synonyms)), corrector);
        this.probe = probeFit.join();
    }

    /**
     * The question in the guide's own words: each phrase the guide never uses is replaced by the synonym the
     * guide uses most ("pins and needles in my toes" → "tingling in my foot"). The model knows little lay
     * vocabulary, so before a question is declined as being about a topic the guide does not cover, this
     * wording is compared too. The question itself when nothing needs replacing.
     */
    public String inGuideWords(QuestionAnalyzer.AnalyzedQuestion question) {
        String text = question.corrected();
        for (QuestionAnalyzer.Concept c : question.content()) {
            if (c.alternatives().stream().filter(a -> !a.synonym()).anyMatch(this::usedByGuide)) continue;
            String best = null;
            int bestFrequency = 0;
            for (QuestionAnalyzer.Alternative a : c.alternatives()) {
                String wording = synonymWording.get(a.terms());
                if (!a.synonym() || wording == null || !usedByGuide(a)) continue;
                int frequency = a.terms().stream().mapToInt(this::sectionFrequency).min().orElse(0);
                if (frequency > bestFrequency) {
                    best = wording;
                    bestFrequency = frequency;
                }
            }
            if (best != null) {
                text = text.replaceFirst("(?<![a-z])" + java.util.regex.Pattern.quote(c.surface()) + "(?![a-z])",
                        java.util.regex.Matcher.quoteReplacement(best));
            }
        }
        return text;
    }

    /** Whether the guide uses every word of an alternative (a word, or a phrase's words). */
    public boolean usedByGuide(QuestionAnalyzer.Alternative a) {
        return a.terms().stream().allMatch(t -> sectionFrequency(t) > 0);
    }

    /** A section's own text and its children's headings, without the children's text. */
    private static String ownText(SectionRecord r) {
        StringBuilder sb = new StringBuilder();
        boolean inChild = false;
        for (com.sciaticachat.corpus.Block b : r.blocks()) {
            if (b.kind() == com.sciaticachat.corpus.Block.Kind.HEADING) {
                inChild = true;
                sb.append(b.text()).append('\n');
            } else if (!inChild) {
                sb.append(b.plainText()).append('\n');
            }
        }
        return sb.toString();
    }

    /** Adds a text's terms, and its neighbouring term pairs (next word, and one word further), to a section. */
    private static void addTerms(Analyzer analyzer, String text, String sectionId, Map<String, Set<String>> terms,
                                 Map<String, Set<String>> pairs) {
        List<String> t = Analyzers.terms(analyzer, text);
        terms.computeIfAbsent(sectionId, k -> new HashSet<>()).addAll(t);
        Set<String> p = pairs.computeIfAbsent(sectionId, k -> new HashSet<>());
        for (int i = 0; i + 1 < t.size(); i++) {
            p.add(t.get(i) + " " + t.get(i + 1));
            if (i + 2 < t.size()) p.add(t.get(i) + " " + t.get(i + 2));
        }
    }

    private static final String AMBIGUOUS = "\u0000";

    /** Two wordings that read the same but were filed in different places decide nothing. */
    private static void file(Map<String, String> filed, String question, String sectionId) {
        String wording = asked(question);
        if (!wording.isEmpty()) filed.merge(wording, sectionId, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
    }

    /**
     * A question as visitors type it, for finding the very question staff filed: folded (case, accents,
     * curly quotes), contractions spelt out, and punctuation and spacing ignored, so "Should I tip my
     * therapist?" is the filed "should i tip my therapist".
     */
    public static String asked(String question) {
        return Words.asked(question);
    }

    /**
     * Where staff put this very question, filed in {@code visitor-questions.txt} or as a section's alternate:
     * the section's id, {@code ""} when filed as not covered, or null when it is in neither (or in two
     * places that disagree, such as a question filed as not covered that a new section lists as its own).
     */
    public String filedUnder(String question) {
        String wording = asked(question);
        return wording.isEmpty() ? null : filed.get(wording);
    }

    public SafetyRules safetyRules() {
        return safetyRules;
    }

    public RedFlagMatcher redFlags() {
        return redFlags;
    }

    public SmallTalk smallTalk() {
        return smallTalk;
    }

    /** Sections in reading order. */
    public Map<String, SectionRecord> sections() {
        return sections;
    }

    public SectionRecord section(String id) {
        return sections.get(id);
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

    /** The analyzed terms of all of a section's units. */
    public Set<String> termsOf(String sectionId) {
        return sectionTerms.getOrDefault(sectionId, Set.of());
    }

    /** True when the section contains these terms as a phrase (each next term within one word of the last). */
    public boolean containsPhrase(String sectionId, List<String> phrase) {
        Set<String> t = sectionTerms.getOrDefault(sectionId, Set.of());
        if (!t.containsAll(phrase)) return false;
        Set<String> p = sectionPairs.getOrDefault(sectionId, Set.of());
        for (int i = 0; i + 1 < phrase.size(); i++) {
            if (!p.contains(phrase.get(i) + " " + phrase.get(i + 1))) return false;
        }
        return true;
    }

    /** The analyzed terms of a section's own heading (none for a document's lead). */
    public Set<String> titleTermsOf(String sectionId) {
        return titleTerms.getOrDefault(sectionId, Set.of());
    }

    /** In how many sections a term occurs (0 when the corpus does not use it). */
    public int sectionFrequency(String term) {
        return sectionFrequency.getOrDefault(term, 0);
    }

    /** The terms of one of the staff's out-of-scope topics that the corpus does not use (elbow, diabetes, ...). */
    public Set<String> outOfScopeTerms(String topic) {
        return outOfScopeTerms.getOrDefault(topic, Set.of());
    }

    /** How many questions staff wrote or filed for the section (alternates and visitors' questions). */
    public int questionCount(String sectionId) {
        return questionCounts.getOrDefault(sectionId, 0);
    }

    public int sectionCount() {
        return sections.size();
    }

    public QuestionAnalyzer questionAnalyzer() {
        return questionAnalyzer;
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

    /** True when {@code ancestor} is {@code id} or encloses it. */
    public boolean isSameOrAncestor(String ancestor, String id) {
        for (SectionRecord r = sections.get(id); r != null; r = r.parentId() == null ? null : sections.get(r.parentId())) {
            if (r.id().equals(ancestor)) return true;
        }
        return false;
    }
}
