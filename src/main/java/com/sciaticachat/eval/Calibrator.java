package com.sciaticachat.eval;

import com.sciaticachat.chat.ChatService;
import com.sciaticachat.search.Features;
import com.sciaticachat.search.Scorer;
import com.sciaticachat.search.Weights;
import java.util.Map;
import com.sciaticachat.search.LiveIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits the confidence's logistic weights ({@link Weights#calibration}) to a question set: a question is a
 * positive example when the top-ranked section is the right one, a negative when it is wrong or the
 * question is off-topic. L2-regularised logistic regression by projected gradient descent (feature weights
 * kept non-negative, since each feature is evidence for an answer); used by
 * developers through {@code eval --fit}, never at run time.
 */
public final class Calibrator {
    private Calibrator() {}

    /**
     * Fits the weights on the set, each question answered as {@code cv} answers it (without its own copy in
     * the visitor questions). Feature rows: cosine, coverage, known share, margin, agreement, out-of-scope
     * gap, the not-covered-word penalty, the top section's votes, the share of votes for "not covered", and
     * the learnt scores ({@code SectionProbe}) of the top section and of "not covered".
     */
    public static Map<String, Double> fit(CrossValidation cv, EvalSet set) throws IOException, LiveIndex.StartupException {
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        cv.forEachFold(set, (chat, cases) -> rows(chat, cases, x, y));
        return fit(x, y);
    }

    private static void rows(ChatService chat, List<EvalSet.Case> cases, List<double[]> x, List<Integer> y) {
        for (EvalSet.Case c : cases) {
            if (!Evaluator.isRetrieval(c) && !c.category().equals("offtopic")) continue;
            ChatService.Trace t = chat.trace(c.question());
            Scorer.Scored s = t.scored();
            // no section, or closer to a topic the guide does not cover: decided by rule, not by these weights; a
            // section with few filed questions has its own calibration (RankingFit)
            if (s == null || s.top() == null || s.aboutNotCoveredTopic() || Features.unfiled(s.top().hit())) continue;
            x.add(Features.FiledConfidence.of(s.top().hit(), s.known(), s.margin(), s.agree(), s.notCoveredGap(), s.namesNotCovered(),
                    s.notCoveredVote(), s.notCoveredLearnt()).values());
            y.add(!c.expectsNoAnswer() && EvalSet.matches(c, s.top().sectionId()) ? 1 : 0);
        }
    }

    static Map<String, Double> fit(List<double[]> x, List<Integer> y) {
        double[] start = Weights.aligned(Map.ofEntries(Map.entry("bias", -5.0), Map.entry("cosine", 5.0), Map.entry("coverage", 2.0),
                Map.entry("known", 2.0), Map.entry("margin", 2.0), Map.entry("agree", 0.5), Map.entry("notCoveredGap", 2.0),
                Map.entry("namesNotCovered", -2.0), Map.entry("vote", 1.0), Map.entry("notCoveredVote", -1.0), Map.entry("learnt", 1.0),
                Map.entry("notCoveredLearnt", -1.0)), Features.FiledConfidence.class);
        return Weights.named(Features.FiledConfidence.class,
                logistic(x, y, start, penalties(Features.FiledConfidence.class)));
    }

    /** The positions of a kind's {@link Features#PENALTIES}: evidence against an answer. */
    static java.util.Set<Integer> penalties(Class<? extends Features.Vector> kind) {
        List<String> names = Features.names(kind);
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (int i = 0; i < names.size(); i++) if (Features.PENALTIES.contains(names.get(i))) out.add(i);
        return out;
    }

    /**
     * L2-regularised logistic regression by projected gradient descent from {@code start}; column 0 is the
     * bias. Every other weight keeps the sign its feature's meaning gives it: at least 0 for evidence for an
     * answer, at most 0 for the {@code penalties} (a weight of the other sign would only fit collinearity).
     */
    static double[] logistic(List<double[]> x, List<Integer> y, double[] start, java.util.Set<Integer> penalties) {
        double[] w = start.clone();
        double rate = 0.5, l2 = 0.001;
        for (int iter = 0; iter < 20000; iter++) {
            double[] grad = new double[w.length];
            for (int i = 0; i < x.size(); i++) {
                double z = 0;
                for (int j = 0; j < w.length; j++) z += w[j] * x.get(i)[j];
                double err = 1 / (1 + Math.exp(-z)) - y.get(i);
                for (int j = 0; j < w.length; j++) grad[j] += err * x.get(i)[j] / x.size();
            }
            for (int j = 0; j < w.length; j++) {
                w[j] -= rate * (grad[j] + (j == 0 ? 0 : l2 * w[j]));
                if (j > 0 && !penalties.contains(j) && w[j] < 0) w[j] = 0;
                if (penalties.contains(j) && w[j] > 0) w[j] = 0;
            }
        }
        return w;
    }
}
