package com.sciaticachat.eval;

import com.sciaticachat.chat.ChatService;
import com.sciaticachat.config.Config;
import com.sciaticachat.corpus.VisitorQuestionsFile;
import com.sciaticachat.search.LiveIndex;
import com.sciaticachat.search.Features;
import com.sciaticachat.search.Scorer;
import com.sciaticachat.search.Weights;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fits how sections nobody has filed questions for are ranked and trusted ({@link Weights#blend},
 * {@link Weights#unfiledCalibration}), from the shipped guide alone: its tune questions are answered three
 * ways, each by cross-validation (no question answers itself): as shipped, and twice with half of the guide's
 * sections (every other heading, then the rest) stripped of their filed questions and alternates. In the
 * last two, sections without filings compete with sections that have them, as a new document's do; the
 * fit learns what a section's own words are worth against filings, and how sure to be of such a section.
 * Never used at run time: {@code eval --fit-ranking} writes them to {@link Weights#RESOURCE}.
 */
public final class RankingFit {
    private RankingFit() {}

    /** One question: each section's ranking features, which sections are right, and what the confidence reads. */
    record Case(double[][] features, boolean[] right, boolean[][] related, double known, double notCoveredCosine,
                double namesNotCovered, double notCoveredVote, double notCoveredLearnt, List<Scorer.Ranked> ranked, boolean offTopic) {}

    /** Fits both and returns them with the filed-question weights of {@code current} kept. */
    public static Weights fit(Config config, EvalSet tune, Weights current) throws IOException, LiveIndex.StartupException {
        List<Case> cases = new ArrayList<>();
        collect(config, tune, cases);
        for (int half = 0; half < 2; half++) {
            Path root = Files.createTempDirectory("sciatica-fit");
            try {
                Path corpus = root.resolve("corpus");
                Set<String> stripped = new HashSet<>();
                int strippedHalf = half;
                CrossValidation.copyTree(config.corpusDir(), corpus, markdown -> strip(markdown, strippedHalf, stripped));
                Path bank = corpus.resolve(VisitorQuestionsFile.FILE_NAME);
                if (Files.exists(bank)) {
                    Files.writeString(bank, withoutHeadings(Files.readString(bank, StandardCharsets.UTF_8), stripped), StandardCharsets.UTF_8);
                }
                Path training = root.resolve("training.txt");
                Files.writeString(training, withoutHeadings(VisitorQuestionsFile.training(config.trainingFile()), stripped), StandardCharsets.UTF_8);
                collect(config.withDirs(corpus, root.resolve("index")).withTrainingFile(training), tune, cases);
            } finally {
                CrossValidation.deleteTree(root);
            }
        }
        // in units of cosine, as the filed evidence's scores are: the thresholds that read scores stay meaningful
        double[] blend = fitBlend(cases, Features.names(Features.Ranking.class).size());
        double unit = blend[0];
        for (int j = 0; j < blend.length; j++) blend[j] /= unit;
        double[] unfiled = fitUnfiled(cases, blend);
        return current.withBlend(Weights.named(Features.Ranking.class, blend), Weights.named(Features.UnfiledConfidence.class, unfiled));
    }

    private static void collect(Config config, EvalSet tune, List<Case> out) throws IOException, LiveIndex.StartupException {
        new CrossValidation(config, CrossValidation.DEFAULT_FOLDS).forEachFold(tune, (chat, cases) -> {
            for (EvalSet.Case c : cases) {
                boolean offTopic = c.category().equals("offtopic");
                if (!Evaluator.isRetrieval(c) && !offTopic) continue;
                Case row = row(chat, c, offTopic);
                if (row != null) out.add(row);
            }
        });
    }

    private static Case row(ChatService chat, EvalSet.Case c, boolean offTopic) {
        Scorer.Scored s = chat.trace(c.question()).scored();
        // decided by a filing or by the out-of-scope rule, not by these weights
        if (s == null || s.top() == null || s.filedUnder() != null || s.aboutNotCoveredTopic()) return null;
        List<Scorer.Ranked> ranked = s.ranked();
        int n = ranked.size();
        double[][] f = new double[n][];
        boolean[] right = new boolean[n];
        boolean[][] related = new boolean[n][n];
        chat.index().withSnapshot(snapshot -> {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    String a = ranked.get(i).sectionId(), b = ranked.get(j).sectionId();
                    related[i][j] = snapshot.catalog().overlap(a, b);
                }
            }
            return null;
        });
        for (int i = 0; i < n; i++) {
            f[i] = ranked.get(i).features().values();
            right[i] = !offTopic && EvalSet.matches(c, ranked.get(i).sectionId());
        }
        double notCoveredCosine = s.top().hit().cosine() - s.notCoveredGap();
        return new Case(f, right, related, s.known(), notCoveredCosine, s.namesNotCovered(), s.notCoveredVote(), s.notCoveredLearnt(),
                ranked, offTopic);
    }

    /** Softmax regression over each question's sections (the right ones share the target), by gradient descent. */
    static double[] fitBlend(List<Case> cases, int k) {
        double[] w = new double[k];
        double rate = 2.0, l2 = 1e-3;
        for (int iter = 0; iter < 3000; iter++) {
            double[] grad = new double[k];
            int used = 0;
            for (Case c : cases) {
                int rights = 0;
                for (boolean r : c.right()) if (r) rights++;
                if (rights == 0) continue;
                used++;
                double[] s = new double[c.features().length];
                double max = Double.NEGATIVE_INFINITY, z = 0;
                for (int i = 0; i < s.length; i++) max = Math.max(max, s[i] = Scorer.dot(w, c.features()[i]));
                for (int i = 0; i < s.length; i++) z += s[i] = Math.exp(s[i] - max);
                for (int i = 0; i < s.length; i++) {
                    double g = s[i] / z - (c.right()[i] ? 1.0 / rights : 0);
                    for (int j = 0; j < k; j++) grad[j] += g * c.features()[i][j];
                }
            }
            for (int j = 0; j < k; j++) w[j] -= rate * (grad[j] / used + l2 * w[j]);
        }
        return w;
    }

    /** Logistic regression of "the top section is right" over questions whose top section has few filings. */
    static double[] fitUnfiled(List<Case> cases, double[] blend) {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (Case c : cases) {
            int top = 0;
            double[] s = new double[c.features().length];
            for (int i = 0; i < s.length; i++) {
                s[i] = Scorer.dot(blend, c.features()[i]);
                if (s[i] > s[top]) top = i;
            }
            if (!Features.unfiled(c.ranked().get(top).hit())) continue;
            double runnerUp = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < s.length; i++) if (!c.related()[top][i]) runnerUp = Math.max(runnerUp, s[i]);
            double margin = s[top] - (runnerUp == Double.NEGATIVE_INFINITY ? 0 : runnerUp);
            x.add(Features.UnfiledConfidence.of(c.ranked().get(top).hit(), c.known(), margin, c.notCoveredCosine(), c.namesNotCovered(),
                    c.notCoveredVote(), c.notCoveredLearnt()).values());
            y.add(c.right()[top] ? 1 : 0);
        }
        return Calibrator.logistic(x, y, new double[x.get(0).length], Calibrator.penalties(Features.UnfiledConfidence.class));
    }

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*(\\{#[^}]*\\})?\\s*$");

    /** The Markdown with every other heading's (from {@code half}) alternate questions left out; those headings go to {@code stripped}. */
    static String strip(String markdown, int half, Set<String> stripped) {
        StringBuilder out = new StringBuilder();
        int heading = -1;
        boolean strip = false, skipping = false;
        for (String line : markdown.split("\n", -1)) {
            Matcher m = HEADING.matcher(line);
            if (!skipping && m.matches()) {
                heading++;
                strip = heading % 2 == half;
                if (strip) stripped.add(m.group(1));
            }
            if (!skipping && strip && line.startsWith("<!-- questions")) skipping = true;
            if (skipping) {
                if (line.trim().endsWith("-->")) skipping = false;
                continue;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** The training questions without the blocks filed under these headings. */
    static String withoutHeadings(String training, Set<String> headings) {
        StringBuilder out = new StringBuilder();
        boolean keep = true;
        for (String line : training.split("\n", -1)) {
            String t = line.trim();
            if (t.startsWith("[") && t.endsWith("]")) keep = !headings.contains(t.substring(1, t.length() - 1));
            if (keep) out.append(line).append('\n');
        }
        return out.toString();
    }
}
