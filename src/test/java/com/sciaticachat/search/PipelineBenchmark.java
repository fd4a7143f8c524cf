package com.sciaticachat.search;

import com.sciaticachat.Application;
import com.sciaticachat.analysis.EnglishWords;
import com.sciaticachat.analysis.QuestionAnalyzer;
import com.sciaticachat.chat.ChatService;
import com.sciaticachat.chat.Messages;
import com.sciaticachat.config.Config;
import com.sciaticachat.embed.Embedder;
import com.sciaticachat.embed.MiniLmEmbedder;
import com.sciaticachat.index.SectionRecord;
import com.sciaticachat.support.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-question latency of each stage and of the whole pipeline, beside a baseline measured in the same
 * run: plain BM25 with StandardAnalyzer over the sections (the simplest retriever that could answer).
 * A benchmark, not a test: {@code mvn -q test-compile exec:exec@bench} (results in target/jmh-results.txt).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class PipelineBenchmark {
    static final String[] QUESTIONS = {"what causes sciatica?", "sore bum after sitting all day", "syatica stretchs",
            "are there tablets for nerve pain", "how do I keep it from flaring up", "can you help with tennis elbow?",
            "how many massage sessions will I need", "is deep tissue massage good for sciatica"};

    private Application app;
    private ChatService uncached;
    private Retriever retriever;
    private MiniLmEmbedder model;
    private IndexSearcher baseline;
    private StandardAnalyzer baselineAnalyzer;
    private float[][] vectors;
    private QuestionAnalyzer.AnalyzedQuestion[] analyzed;
    private int next;
    private com.sciaticachat.safety.RedFlagDetector detector;
    private float[][] safetyVectors;
    private com.sciaticachat.safety.SecondReader reader;
    private long unique;
    private ChatService withoutEncoder;

    @Setup(Level.Trial)
    public void open() throws Exception {
        Path root = Files.createTempDirectory("bench");
        Path corpus = TestFiles.copyOf(TestFiles.bundledCorpus());
        Config config = Config.defaults().withDirs(corpus, root.resolve("index"));
        app = Application.open(config);
        model = MiniLmEmbedder.shared();
        retriever = new Retriever(EnglishWords.get());
        // new to the cache, as a new visitor's question is: the first embedding of a text is computed, a
        // second request for the same text within the question (triage, then retrieval) is served, as the
        // service's cache serves it
        Embedder noCache = new Embedder() {
            private String lastText;
            private float[] lastVector;
            public synchronized float[] embed(String text) {
                if (!text.equals(lastText)) {
                    lastVector = model.embedUncached(text);
                    lastText = text;
                }
                return lastVector;
            }
            public int dimension() { return model.dimension(); }
            public String modelId() { return model.modelId(); }
        };
        uncached = new ChatService(app.index(), noCache, retriever, new Scorer(Weights.bundled()),
                new Messages(config), config.minConfidence());
        withoutEncoder = uncached.withoutEncoderRanking();
        detector = new com.sciaticachat.safety.RedFlagDetector(com.sciaticachat.safety.SafetyModel.bundled(), model);
        reader = com.sciaticachat.safety.SecondReader.bundled();
        safetyVectors = new float[QUESTIONS.length][];
        for (int i = 0; i < QUESTIONS.length; i++) {
            safetyVectors[i] = model.embed(com.sciaticachat.safety.RedFlagDetector.wholeView(QUESTIONS[i]));
        }
        vectors = new float[QUESTIONS.length][];
        analyzed = new QuestionAnalyzer.AnalyzedQuestion[QUESTIONS.length];
        app.index().withSnapshot(s -> {
            for (int i = 0; i < QUESTIONS.length; i++) {
                analyzed[i] = s.questionAnalyzer().analyze(QUESTIONS[i]);
                vectors[i] = model.embed(analyzed[i].corrected());
            }
            try {
                baseline = baseline(s);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
    }

    /** The baseline: BM25, StandardAnalyzer, one document per section (title and text). */
    private IndexSearcher baseline(Snapshot s) throws IOException {
        baselineAnalyzer = new StandardAnalyzer();
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(baselineAnalyzer))) {
            for (SectionRecord r : s.catalog().sections().values()) {
                Document d = new Document();
                d.add(new StoredField("id", r.id()));
                d.add(new TextField("text", r.title() + "\n" + r.text(), Field.Store.NO));
                w.addDocument(d);
            }
        }
        return new IndexSearcher(DirectoryReader.open(dir));
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        app.close();
    }

    private int pick() {
        next = (next + 1) % QUESTIONS.length;
        return next;
    }

    @Benchmark
    public Object baseline_bm25_standard_analyzer() throws IOException {
        Query q = new QueryBuilder(baselineAnalyzer).createBooleanQuery("text", QUESTIONS[pick()]);
        return q == null ? null : baseline.search(q, 1);
    }

    @Benchmark
    public Object analyze_question() {
        int i = pick();
        return app.index().withSnapshot(s -> s.questionAnalyzer().analyze(QUESTIONS[i]));
    }

    @Benchmark
    public Object embed_question() {
        return model.embedUncached(QUESTIONS[pick()] + " " + (unique++));
    }

    @Benchmark
    public Object lexical_retriever() {
        int i = pick();
        return app.index().withSnapshot(s -> {
            try {
                return retriever.lexical(s, analyzed[i].content());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Benchmark
    public Object dense_retriever() {
        int i = pick();
        return app.index().withSnapshot(s -> retriever.dense(s, vectors[i], new Retriever.Neighbours(), new Retriever.OwnText()));
    }

    /** The learnt red-flag detector alone, from the question's embedding (which retrieval needs anyway). */
    @Benchmark
    public Object red_flag_detector() {
        int i = pick();
        return detector.detect(java.util.List.of(QUESTIONS[i]), java.util.List.of(safetyVectors[i]));
    }

    /**
     * The second reader on one message. It reads only what the rules or the detector alarm or ask about, so this is
     * what such a message costs more, not the median question.
     */
    @Benchmark
    public Object second_reader() {
        return reader.opinion(QUESTIONS[pick()]);
    }

    /** The phrase rules alone. */
    @Benchmark
    public Object red_flag_rules() {
        int i = pick();
        return app.index().withSnapshot(s -> com.sciaticachat.chat.ChatService.safety(s).redFlags().check(QUESTIONS[i]));
    }

    /** The visitor question encoder alone: one more embedding of the question, by the fine-tuned model. */
    @Benchmark
    public Object visitor_encoder() {
        return com.sciaticachat.embed.VisitorEncoder.bundled().embed(QUESTIONS[pick()] + " " + (unique++));
    }

    @Benchmark
    public Object whole_pipeline_new_question() {
        return uncached.trace(QUESTIONS[pick()]);
    }

    /** The same without the encoder's last look (its cost is the difference). */
    @Benchmark
    public Object whole_pipeline_new_question_without_encoder() {
        return withoutEncoder.trace(QUESTIONS[pick()]);
    }

    @Benchmark
    public Object whole_pipeline_repeated_question() {
        return app.chat().trace(QUESTIONS[pick()]);
    }
}
