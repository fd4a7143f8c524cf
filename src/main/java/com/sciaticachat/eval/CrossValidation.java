package com.sciaticachat.eval;

import com.sciaticachat.Application;
import com.sciaticachat.chat.ChatService;
import com.sciaticachat.config.Config;
import com.sciaticachat.corpus.VisitorQuestionsFile;
import com.sciaticachat.search.LiveIndex;
import com.sciaticachat.search.FiledQuestions;
import com.sciaticachat.search.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Evaluation that never lets a question answer itself. A question of the set that is also filed (in the
 * training questions shipped with the chat, or in the clinic's {@code visitor-questions.txt}) would match its own copy; k-fold cross-validation answers each such
 * question with an index built from a copy of the corpus without the questions of its fold (every copy
 * of them), so its figure is what a new visitor asking it would get. Questions that are not filed there
 * are answered by the corpus as it is.
 */
public final class CrossValidation {
    /** Folds used unless told otherwise: each index then holds four fifths of the filed questions. */
    public static final int DEFAULT_FOLDS = 5;

    /** Work done with one index on the questions it may answer. */
    @FunctionalInterface
    public interface FoldWork {
        void run(ChatService chat, List<EvalSet.Case> cases) throws IOException;
    }

    /** How a set splits: the questions filed in the corpus, by fold, and the rest. */
    record Plan(List<List<EvalSet.Case>> folds, List<EvalSet.Case> unfiled) {
        int filed() {
            return folds.stream().mapToInt(List::size).sum();
        }
    }

    private final Config config;
    private final int folds;

    public CrossValidation(Config config, int folds) {
        if (folds < 2) throw new IllegalArgumentException("cross-validation needs at least 2 folds");
        this.config = config;
        this.folds = folds;
    }

    /** Runs the set, each filed question on an index without its fold; outcomes come back in the set's order. */
    public Evaluator.Report evaluate(EvalSet set) throws IOException, LiveIndex.StartupException {
        Map<EvalSet.Case, Evaluator.Outcome> byCase = new HashMap<>();
        forEachFold(set, (chat, cases) -> {
            for (Evaluator.Outcome o : new Evaluator(chat).run(new EvalSet(set.name(), cases)).outcomes()) byCase.put(o.c(), o);
        });
        return new Evaluator.Report(set.cases().stream().map(byCase::get).toList());
    }

    /** How many of the set's questions are filed in the corpus's visitor questions. */
    public int filed(EvalSet set) throws IOException {
        return plan(set).filed();
    }

    /** Calls {@code work} once per fold with a chat over the corpus without that fold, then once for the rest. */
    public void forEachFold(EvalSet set, FoldWork work) throws IOException, LiveIndex.StartupException {
        Plan plan = plan(set);
        String bank = readBank();
        String training = VisitorQuestionsFile.training(config.trainingFile());
        for (List<EvalSet.Case> fold : plan.folds()) {
            if (fold.isEmpty()) continue;
            Set<String> left = new HashSet<>();
            fold.forEach(c -> left.add(FiledQuestions.asked(c.question())));
            Path root = Files.createTempDirectory("sciatica-fold");
            try {
                Path corpus = root.resolve("corpus");
                copyTree(config.corpusDir(), corpus, markdown -> withoutAlternates(markdown, left, new HashSet<>()));
                Files.writeString(corpus.resolve(VisitorQuestionsFile.FILE_NAME), without(bank, left), StandardCharsets.UTF_8);
                Path trainingFile = root.resolve("training.txt");
                Files.writeString(trainingFile, without(training, left), StandardCharsets.UTF_8);
                try (Application app = Application.open(config.withDirs(corpus, root.resolve("index")).withTrainingFile(trainingFile))) {
                    work.run(app.chat(), fold);
                }
            } finally {
                deleteTree(root);
            }
        }
        if (!plan.unfiled().isEmpty()) {
            try (Application app = Application.open(config)) {
                work.run(app.chat(), plan.unfiled());
            }
        }
    }

    Plan plan(EvalSet set) throws IOException {
        Set<String> filed = new HashSet<>();
        // the same reading of a question as the chat's own lookup, so that every question the chat would find
        // filed is counted as filed, and left out of its fold's index
        for (VisitorQuestionsFile.Entry e : VisitorQuestionsFile.entries(readBank())) filed.add(FiledQuestions.asked(e.question()));
        for (VisitorQuestionsFile.Entry e : VisitorQuestionsFile.entries(VisitorQuestionsFile.training(config.trainingFile()))) {
            filed.add(FiledQuestions.asked(e.question()));
        }
        // a section's alternate questions are filings too: one asked as written would match its own copy
        try (Stream<Path> walk = Files.walk(config.corpusDir())) {
            for (Path md : walk.filter(p -> p.toString().endsWith(".md")).toList()) {
                withoutAlternates(Files.readString(md, StandardCharsets.UTF_8), Set.of(), filed);
            }
        }
        List<List<EvalSet.Case>> out = new ArrayList<>();
        for (int i = 0; i < folds; i++) out.add(new ArrayList<>());
        List<EvalSet.Case> unfiled = new ArrayList<>();
        int n = 0;
        for (EvalSet.Case c : set.cases()) {
            // round robin in the set's order: each fold gets a share of every section and category
            if (filed.contains(FiledQuestions.asked(c.question()))) out.get(n++ % folds).add(c);
            else unfiled.add(c);
        }
        return new Plan(out, unfiled);
    }

    private String readBank() throws IOException {
        Path file = config.corpusDir().resolve(VisitorQuestionsFile.FILE_NAME);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /**
     * The file without the lines that are one of these questions ({@link Snapshot#asked} wordings: the chat
     * finds a filed question however it is capitalised or punctuated, so every such copy must go).
     */
    static String without(String bank, Set<String> questions) {
        Set<Integer> dropped = new HashSet<>();
        for (VisitorQuestionsFile.Entry e : VisitorQuestionsFile.entries(bank)) {
            if (questions.contains(FiledQuestions.asked(e.question()))) dropped.add(e.line());
        }
        String[] lines = bank.split("\r\n|\r|\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!dropped.contains(i + 1)) kept.add(lines[i]);
        }
        return String.join("\n", kept);
    }

    /** Copies the corpus, each Markdown file's text through {@code markdown}. */
    static void copyTree(Path from, Path to, java.util.function.UnaryOperator<String> markdown) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else if (p.toString().endsWith(".md")) {
                    Files.writeString(target, markdown.apply(Files.readString(p, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
                } else if (Files.isRegularFile(p)) Files.copy(p, target);
            }
        }
    }

    private static final java.util.regex.Pattern BULLET = java.util.regex.Pattern.compile("^\\s*(?:[-*+]|\\d{1,3}[.)])\\s+(.+?)\\s*$");

    /**
     * The Markdown without the alternate questions (bulleted lines of a {@code <!-- questions} comment) whose
     * {@link Snapshot#asked} wording is in {@code left}; every alternate's wording is added to {@code seen}.
     */
    static String withoutAlternates(String markdown, Set<String> left, Set<String> seen) {
        StringBuilder out = new StringBuilder();
        boolean inside = false;
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.trim();
            if (!inside && t.toLowerCase(java.util.Locale.ROOT).startsWith("<!--") && t.substring(4).trim().toLowerCase(java.util.Locale.ROOT).startsWith("questions")) {
                inside = !t.endsWith("-->");
            } else if (inside) {
                if (t.endsWith("-->")) inside = false;
                java.util.regex.Matcher m = BULLET.matcher(t.endsWith("-->") ? t.substring(0, t.length() - 3) : t);
                if (m.matches()) {
                    String asked = FiledQuestions.asked(m.group(1));
                    seen.add(asked);
                    if (left.contains(asked)) {
                        if (t.endsWith("-->")) out.append("-->").append(i + 1 < lines.length ? "\n" : "");
                        continue;
                    }
                }
            }
            out.append(line).append(i + 1 < lines.length ? "\n" : "");
        }
        return out.toString();
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
