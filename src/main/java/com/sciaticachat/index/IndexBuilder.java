package com.sciaticachat.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sciaticachat.analysis.Analyzers;
import com.sciaticachat.analysis.OutOfScopeFile;
import com.sciaticachat.corpus.Block;
import com.sciaticachat.corpus.Corpus;
import com.sciaticachat.corpus.CorpusError;
import com.sciaticachat.corpus.Document;
import com.sciaticachat.corpus.Section;
import com.sciaticachat.corpus.Slugs;
import com.sciaticachat.corpus.VisitorQuestionsFile;
import com.sciaticachat.embed.Embedder;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * Writes a validated corpus into a Lucene directory as one new commit.
 *
 * <p>The writer opens with {@code CREATE} and never commits on close: until {@link IndexWriter#commit()}
 * returns, readers (and a service restarted after a crash) see the previous commit, complete. A failed
 * build rolls back and leaves it untouched.
 */
public final class IndexBuilder {

    /** What a build wrote. */
    /**
     * What a build wrote; {@code conflicts} are the settings files' lines that a section answers, left out
     * so that the section answers.
     */
    public record Summary(int documents, int sections, int units, long millis, List<NewContent.Conflict> conflicts) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Embedder embedder;

    public IndexBuilder(Embedder embedder) {
        this.embedder = embedder;
    }

    public Summary build(Corpus corpus, Directory dir) throws IOException {
        return build(corpus, dir, List.of());
    }

    /**
     * Writes the corpus as one commit. Every file's text as used is kept with it (a later read falls back
     * to it for a file that has a mistake by then), and so are {@code notes}, what the read reported.
     */
    public Summary build(Corpus corpus, Directory dir, List<CorpusError> notes) throws IOException {
        long start = System.nanoTime();
        int units = 0;
        int sections = 0;
        List<NewContent.Conflict> conflicts;
        try (Analyzer analyzer = Analyzers.index()) {
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setCommitOnClose(false);
            Map<String, float[]> previous = previousVectors(dir);
            try (IndexWriter writer = new IndexWriter(dir, config)) {
                Vectors vectors = new Vectors(embedder, previous);
                List<org.apache.lucene.document.Document> docs = new ArrayList<>();
                Map<String, Integer> asked = VisitorQuestionsFile.questionsPerSection(corpus);
                int order = 0;
                for (Document doc : corpus.documents()) {
                    for (Section section : doc.sections()) {
                        docs.addAll(units(doc, section, order++, vectors));
                        if (asked.getOrDefault(section.id(), 0) < FAIR_SHARE) docs.addAll(proxies(doc, section, vectors));
                        sections++;
                    }
                }
                // the topics and not-covered filings, by file and line: those a section answers are left out below
                Map<org.apache.lucene.document.Document, String> lineOf = new HashMap<>();
                Map<String, String> names = VisitorQuestionsFile.sectionNames(corpus);
                Map<String, Integer> perSection = new HashMap<>();
                int topic = 0;
                for (VisitorQuestionsFile.Filing f : VisitorQuestionsFile.filings(corpus)) {
                    VisitorQuestionsFile.Entry e = f.entry();
                    if (VisitorQuestionsFile.isNotCovered(e.heading())) {
                        org.apache.lucene.document.Document d = topicUnit("not-covered:" + (++topic), UnitKind.NOT_COVERED, e.question(), vectors);
                        lineOf.put(d, f.file() + ":" + e.line());
                        docs.add(d);
                        continue;
                    }
                    String sectionId = VisitorQuestionsFile.sectionOf(names, e.heading());
                    if (sectionId == null) continue; // reported by the corpus check; never indexed under a guess
                    docs.add(questionUnit(sectionId + "?visitor-" + perSection.merge(sectionId, 1, Integer::sum), sectionId,
                            UnitKind.EXAMPLE, e.question(), vectors));
                }
                topic = 0;
                for (OutOfScopeFile.Topic t : OutOfScopeFile.lines(corpus.settingsFile(OutOfScopeFile.FILE_NAME))) {
                    org.apache.lucene.document.Document d = topicUnit("out-of-scope:" + (++topic), UnitKind.OUT_OF_SCOPE, t.text(), vectors);
                    lineOf.put(d, OutOfScopeFile.FILE_NAME + ":" + t.line());
                    docs.add(d);
                }
                vectors.compute();
                conflicts = NewContent.find(corpus, vectors::of);
                java.util.Set<String> setAside = new java.util.HashSet<>();
                conflicts.forEach(c -> setAside.add(c.file() + ":" + c.line()));
                for (org.apache.lucene.document.Document d : docs) {
                    if (setAside.contains(lineOf.get(d))) continue;
                    writer.addDocument(d);
                    units++;
                }
                Map<String, String> metas = new java.util.TreeMap<>(corpus.sources());
                metas.put(Fields.META_ALIASES, JSON.writeValueAsString(new java.util.TreeMap<>(corpus.aliases())));
                for (Map.Entry<String, String> file : metas.entrySet()) {
                    org.apache.lucene.document.Document meta = new org.apache.lucene.document.Document();
                    addId(meta, "meta:" + file.getKey(), "meta:" + file.getKey(), UnitKind.META);
                    meta.add(new StringField(Fields.META_NAME, file.getKey(), Field.Store.YES));
                    meta.add(new StoredField(Fields.META_TEXT, file.getValue()));
                    writer.addDocument(meta);
                }
                Map<String, String> commit = new HashMap<>();
                commit.put(Fields.COMMIT_SCHEMA, Fields.schema());
                commit.put(Fields.COMMIT_FINGERPRINT, corpus.fingerprint());
                commit.put(Fields.COMMIT_MODEL, embedder.modelId());
                commit.put(Fields.COMMIT_BUILT_AT, Instant.now().toString());
                commit.put(Fields.COMMIT_DOCUMENTS, Integer.toString(corpus.documents().size()));
                commit.put(Fields.COMMIT_SECTIONS, Integer.toString(sections));
                List<CorpusError> allNotes = new ArrayList<>(notes);
                allNotes.addAll(NewContent.warnings(conflicts, corpus.folder()));
                commit.put(Fields.COMMIT_NOTES, JSON.writeValueAsString(allNotes));
                writer.setLiveCommitData(commit.entrySet());
                writer.commit();
            }
        }
        return new Summary(corpus.documents().size(), sections, units, (System.nanoTime() - start) / 1_000_000, conflicts);
    }

    /**
     * The vectors of the commit in {@code dir}, by {@link Fields#EMBEDDED}, when it was written with this
     * model and schema; none otherwise (no index yet, another model, or an index that cannot be read: then
     * everything is embedded again, which is only slower).
     */
    private Map<String, float[]> previousVectors(Directory dir) {
        Map<String, float[]> out = new HashMap<>();
        try {
            if (!DirectoryReader.indexExists(dir)) return out;
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                Map<String, String> commit = reader.getIndexCommit().getUserData();
                if (!embedder.modelId().equals(commit.get(Fields.COMMIT_MODEL)) || !Fields.schema().equals(commit.get(Fields.COMMIT_SCHEMA))) {
                    return out;
                }
                StoredFields stored = reader.storedFields();
                UnitVectors.forEach(reader, doc -> true, (vector, doc) -> {
                    try {
                        String key = stored.document(doc, Set.of(Fields.EMBEDDED)).get(Fields.EMBEDDED);
                        if (key != null) out.put(key, vector);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            out.clear();
        }
        return out;
    }

    /**
     * The headings a unit sits under, without the document title: every unit of a document shares it, and
     * a document's lead section has no heading of its own (its title describes the whole document, so
     * matching on it would pull every question about the document towards the lead).
     */
    static List<String> headings(Document doc, Section section) {
        List<String> path = section.path();
        return path.subList(1, path.size());
    }

    private List<org.apache.lucene.document.Document> units(Document doc, Section section, int order, Vectors vectors)
            throws IOException {
        List<org.apache.lucene.document.Document> out = new ArrayList<>();
        List<Block> answer = doc.answerBlocks(section);
        String headings = String.join(" - ", headings(doc, section));
        String text = Document.plainText(answer);

        SectionRecord record = new SectionRecord(section.id(), section.title(), section.path(), section.level(),
                section.parentId(), order, answer, doc.title(), doc.publisher(), doc.url(), doc.file(), section.line(),
                section.questions());
        org.apache.lucene.document.Document whole = unit(section.id(), section.id(), UnitKind.SECTION, headings, text,
                headings.isEmpty() ? text : headings + ". " + text, vectors);
        whole.add(new StoredField(Fields.RECORD, JSON.writeValueAsString(record)));
        out.add(whole);

        if (!headings.isEmpty()) {
            out.add(unit(section.id() + "^heading", section.id(), UnitKind.HEADING, headings, "", headings, vectors));
        }

        int n = 0;
        for (Block item : section.items()) {
            String label = item.label() == null ? Integer.toString(++n) : Slugs.slug(item.label());
            String itemTitle = item.label() == null ? headings : headings.isEmpty() ? item.label() : headings + " - " + item.label();
            out.add(unit(section.id() + "#" + label, section.id(), UnitKind.ITEM, itemTitle, item.plainText(),
                    headings + " - " + item.plainText(), vectors));
        }
        // a long section's meaning is too diluted in one vector (and the model reads only its first 256 word
        // pieces): each of its paragraphs is a unit too, so what it says further down can still be found
        if (Document.plainText(section.blocks()).length() > com.sciaticachat.corpus.MarkdownParser.LONG_SECTION) {
            int p = 0;
            for (Block b : section.blocks()) {
                if (b.kind() != Block.Kind.PARAGRAPH || b.plainText().length() < 40) continue;
                out.add(unit(section.id() + "#p" + (++p), section.id(), UnitKind.ITEM, headings, b.plainText(),
                        headings + " - " + b.plainText(), vectors));
            }
        }
        for (String sentence : sentences(section)) {
            org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
            addId(d, section.id() + "." + (out.size()), section.id(), UnitKind.SENTENCE);
            String embedded = headings.isEmpty() ? sentence : headings + " - " + sentence;
            d.add(new StoredField(Fields.TEXT, embedded));
            vectors.add(d, embedded);
            out.add(d);
        }
        int q = 0;
        for (String question : section.questions()) {
            out.add(questionUnit(section.id() + "?" + (++q), section.id(), UnitKind.QUESTION, question, vectors));
        }
        return out;
    }

    /**
     * A section with fewer questions than this (alternates and filings) gets its own heading, items and
     * sentences as {@link UnitKind#PROXY} units: the votes and the learnt model then know it from its words.
     * The scorer also ranks and trusts such a section on its own text ({@code Features.unfiled}).
     */
    public static final int FAIR_SHARE = 8;

    /** The section's own sentences and list items (of its own text, not its children's), each once. */
    static List<String> sentences(Section section) {
        List<String> out = new ArrayList<>();
        for (Block b : section.blocks()) {
            if (b.kind() == Block.Kind.ITEM) {
                out.add(b.plainText());
            } else {
                for (String sentence : b.plainText().split("(?<=[.!?])\\s+(?=[A-Z])")) {
                    if (sentence.length() >= 20) out.add(sentence);
                }
            }
        }
        return out.stream().distinct().toList();
    }

    /** The section's own words as stand-ins for questions: its headings under the document's title, each item, each sentence. */
    private static List<org.apache.lucene.document.Document> proxies(Document doc, Section section, Vectors vectors) {
        List<String> texts = new ArrayList<>();
        texts.add(String.join(": ", section.path()));
        texts.addAll(sentences(section));
        List<org.apache.lucene.document.Document> out = new ArrayList<>();
        int n = 0;
        for (String t : texts.stream().distinct().toList()) {
            org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
            addId(d, section.id() + "?proxy-" + (++n), section.id(), UnitKind.PROXY);
            d.add(new StoredField(Fields.TEXT, t));
            vectors.add(d, t);
            out.add(d);
        }
        return out;
    }

    /** Something the guide does not cover: a topic staff listed, or a visitor's question they filed as such. */
    private static org.apache.lucene.document.Document topicUnit(String unitId, UnitKind kind, String text, Vectors vectors) {
        org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
        addId(d, unitId, "", kind);
        d.add(new StoredField(Fields.TEXT, text));
        vectors.add(d, text);
        return d;
    }

    /** A question a section answers: an alternate staff wrote, or a visitor's question staff filed. */
    private static org.apache.lucene.document.Document questionUnit(String unitId, String sectionId, UnitKind kind,
                                                                    String question, Vectors vectors) {
        org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
        addId(d, unitId, sectionId, kind);
        d.add(new TextField(Fields.QUESTION, question, Field.Store.NO));
        d.add(new StoredField(Fields.TEXT, question));
        vectors.add(d, question);
        return d;
    }

    private org.apache.lucene.document.Document unit(String unitId, String sectionId, UnitKind kind, String title,
                                                     String body, String embedText, Vectors vectors) {
        org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
        addId(d, unitId, sectionId, kind);
        if (!title.isEmpty()) d.add(new TextField(Fields.TITLE, title, Field.Store.NO));
        if (!body.isEmpty()) d.add(new TextField(Fields.BODY, body, Field.Store.NO));
        d.add(new StoredField(Fields.TEXT, body.isEmpty() ? title : body));
        vectors.add(d, embedText);
        return d;
    }

    private static void addId(org.apache.lucene.document.Document d, String unitId, String sectionId, UnitKind kind) {
        d.add(new StringField(Fields.UNIT_ID, unitId, Field.Store.YES));
        d.add(new SortedDocValuesField(Fields.UNIT_ID, new BytesRef(unitId)));
        d.add(new StringField(Fields.SECTION_ID, sectionId, Field.Store.YES));
        d.add(new SortedDocValuesField(Fields.SECTION_ID, new BytesRef(sectionId)));
        d.add(new StringField(Fields.KIND, kind.value(), Field.Store.YES));
    }

    /**
     * The vectors a build needs, computed together once every unit is known: on all cores (the model is
     * thread-safe and each run is small), each distinct text once, and none that the previous commit
     * already holds for the same text. Most of a full build's time is here.
     */
    private static final class Vectors {
        private final Embedder embedder;
        private final Map<String, float[]> previous;
        private final List<org.apache.lucene.document.Document> docs = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();
        private final Map<String, Future<float[]>> pending = new HashMap<>();

        Vectors(Embedder embedder, Map<String, float[]> previous) {
            this.embedder = embedder;
            this.previous = previous;
        }

        void add(org.apache.lucene.document.Document doc, String text) {
            doc.add(new StoredField(Fields.EMBEDDED, key(text)));
            docs.add(doc);
            texts.add(text);
        }

        /** The vector of a text that was added, once computed. */
        float[] of(String text) {
            try {
                return pending.get(text).get();
            } catch (InterruptedException | ExecutionException | NullPointerException e) {
                throw new IllegalStateException("no vector was computed for a text of this build", e);
            }
        }

        static String key(String text) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }

        void compute() throws IOException {
            List<String> distinct = texts.stream().distinct().toList();
            int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), distinct.size()));
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "index-embed");
                t.setDaemon(true);
                return t;
            });
            try {
                for (String text : distinct) {
                    float[] known = previous.get(key(text));
                    pending.put(text, known != null ? CompletableFuture.completedFuture(known) : pool.submit(() -> embedder.embed(text)));
                }
                for (int i = 0; i < docs.size(); i++) {
                    docs.get(i).add(new KnnFloatVectorField(Fields.VECTOR, pending.get(texts.get(i)).get(),
                            VectorSimilarityFunction.DOT_PRODUCT));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while embedding the corpus");
            } catch (ExecutionException e) {
                // the embedder's own failure, as if it had been called on this thread
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw new IOException("could not embed the corpus: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
