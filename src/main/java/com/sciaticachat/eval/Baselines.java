package com.sciaticachat.eval;

import com.sciaticachat.Application;
import com.sciaticachat.analysis.OutOfScopeFile;
import com.sciaticachat.analysis.SynonymsFile;
import com.sciaticachat.config.Config;
import com.sciaticachat.corpus.VisitorQuestionsFile;
import com.sciaticachat.embed.Embedder;
import com.sciaticachat.embed.MiniLmEmbedder;
import com.sciaticachat.index.SectionRecord;
import com.sciaticachat.search.LiveIndex;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Where simpler approaches stand on the same questions, measured in the same run (developers:
 * {@code eval --baselines}): plain BM25, BM25 with English analysis and a title boost, dense retrieval
 * alone, and this pipeline without the staff's knowledge (synonyms, alternate questions, out-of-scope
 * topics, visitors' questions). The simple retrievers have no threshold: they always answer, so they
 * decline nothing.
 */
public final class Baselines {
    private Baselines() {}

    /** One approach's results: right first and in the top 3 among in-domain questions, off-topic declined. */
    record Result(String name, double top1, double top3, double declined) {}

    public static void run(Config config, EvalSet set, PrintStream out) throws IOException, LiveIndex.StartupException {
        List<EvalSet.Case> inDomain = set.cases().stream().filter(Evaluator::isRetrieval).toList();
        List<Result> results = new ArrayList<>();
        try (Application full = Application.open(config)) {
            List<SectionRecord> sections = full.index().withSnapshot(s -> List.copyOf(s.catalog().sections().values()));
            results.add(lexical("BM25, StandardAnalyzer", new StandardAnalyzer(), 1f, sections, inDomain));
            results.add(lexical("BM25, EnglishAnalyzer, title boost", new EnglishAnalyzer(), 2f, sections, inDomain));
            results.add(dense(sections, inDomain));
            results.add(pipeline("this pipeline without staff knowledge", stripped(config), set));
            // cross-validated, like eval: a question filed among the visitors' questions must not answer itself
            Evaluator.Report report = new CrossValidation(config, CrossValidation.DEFAULT_FOLDS).evaluate(set);
            results.add(new Result("this pipeline", report.inDomainTop1(), report.inDomainTop3(), report.offTopicDeclined()));
        }
        out.println("Baselines on " + set.name() + ": " + inDomain.size() + " in-domain questions, "
                + set.cases().stream().filter(c -> c.category().equals("offtopic")).count() + " off-topic");
        out.printf(Locale.ROOT, "  %-40s %10s %10s %10s%n", "approach", "right 1st", "in top 3", "declined");
        for (Result r : results) {
            out.printf(Locale.ROOT, "  %-40s %9.1f%% %9.1f%% %9s%n", r.name(), 100 * r.top1(), 100 * r.top3(),
                    Double.isNaN(r.declined()) ? "never" : String.format(Locale.ROOT, "%.1f%%", 100 * r.declined()));
        }
    }

    private static Result lexical(String name, Analyzer analyzer, float titleBoost, List<SectionRecord> sections,
                                  List<EvalSet.Case> cases) throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (SectionRecord r : sections) {
                Document d = new Document();
                d.add(new StoredField("id", r.id()));
                d.add(new TextField("title", String.join(" ", r.path().subList(1, r.path().size())), Field.Store.NO));
                d.add(new TextField("text", r.text(), Field.Store.NO));
                w.addDocument(d);
            }
        }
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            QueryBuilder qb = new QueryBuilder(analyzer);
            return score(name, cases, q -> {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                Query title = qb.createBooleanQuery("title", q), text = qb.createBooleanQuery("text", q);
                if (title != null) b.add(new BoostQuery(title, titleBoost), BooleanClause.Occur.SHOULD);
                if (text != null) b.add(text, BooleanClause.Occur.SHOULD);
                try {
                    List<String> ids = new ArrayList<>();
                    for (ScoreDoc sd : searcher.search(b.build(), 3).scoreDocs) ids.add(reader.storedFields().document(sd.doc).get("id"));
                    return ids;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, Double.NaN);
        }
    }

    /** Dense alone: one vector per section (its headings and text), ranked by cosine. */
    private static Result dense(List<SectionRecord> sections, List<EvalSet.Case> cases) {
        Embedder model = MiniLmEmbedder.shared();
        List<float[]> vectors = new ArrayList<>();
        for (SectionRecord r : sections) {
            String headings = String.join(" - ", r.path().subList(1, r.path().size()));
            vectors.add(model.embed(headings.isEmpty() ? r.text() : headings + ". " + r.text()));
        }
        return score("dense MiniLM alone", cases, q -> {
            float[] v = model.embed(q);
            Integer[] order = new Integer[sections.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            java.util.Arrays.sort(order, (a, b) -> Float.compare(Embedder.cosine(v, vectors.get(b)), Embedder.cosine(v, vectors.get(a))));
            return Stream.of(order).limit(3).map(i -> sections.get(i).id()).toList();
        }, Double.NaN);
    }

    private static Result pipeline(String name, Config stripped, EvalSet set) throws IOException, LiveIndex.StartupException {
        try (Application app = Application.open(stripped)) {
            Evaluator.Report report = new Evaluator(app.chat()).run(set);
            return new Result(name, report.inDomainTop1(), report.inDomainTop3(), report.offTopicDeclined());
        }
    }

    private static Result score(String name, List<EvalSet.Case> cases, Function<String, List<String>> top3, double declined) {
        int first = 0, three = 0;
        for (EvalSet.Case c : cases) {
            List<String> ids = top3.apply(c.question());
            if (!ids.isEmpty() && EvalSet.matches(c, ids.get(0))) first++;
            if (ids.stream().anyMatch(id -> EvalSet.matches(c, id))) three++;
        }
        return new Result(name, first / (double) cases.size(), three / (double) cases.size(), declined);
    }

    /** A copy of the corpus without alternate questions, synonyms, topics not covered or visitors' questions, in a temporary folder. */
    private static Config stripped(Config config) throws IOException {
        Path root = Files.createTempDirectory("baseline");
        Path corpus = root.resolve("corpus");
        Files.createDirectories(corpus);
        try (Stream<Path> files = Files.list(config.corpusDir())) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                String text = Files.readString(p);
                if (name.endsWith(".md")) text = text.replaceAll("(?s)<!--\\s*questions.*?-->", "");
                if (name.equals(SynonymsFile.FILE_NAME) || name.equals(OutOfScopeFile.FILE_NAME)
                        || name.equals(VisitorQuestionsFile.FILE_NAME)) {
                    text = "";
                }
                Files.writeString(corpus.resolve(name), text);
            }
        }
        Path noTraining = root.resolve("training.txt");
        Files.writeString(noTraining, "");
        return config.withDirs(corpus, root.resolve("index")).withTrainingFile(noTraining);
    }
}
