package com.sciaticachat.search;

import com.sciaticachat.search.Retriever.Retrieval;
import com.sciaticachat.search.Retriever.SectionHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Ranks sections and says how sure the top one is.
 *
 * <p><b>Ranking</b> blends the retrievers: {@code cosine·wc + coverage·wv + (bm25 / best bm25)·wb +
 * heading coverage·wt + votes·wq + learnt·wl}. Dense similarity carries paraphrases and lay wording; coverage (the
 * IDF-weighted share of the question's concepts, synonyms included, that the section contains) keeps
 * specific words decisive; a question whose distinctive words name a section's own heading is about that
 * section rather than one that mentions them in passing (heading coverage counts the words' weight, capped
 * at one rare word, so generic words in a heading like "massage" or "sciatic" earn little); votes is the
 * share of the ten questions nearest in meaning (staff's alternates and the visitors' questions they filed)
 * that the section answers, so that one near question does not outweigh how visitors usually mean such
 * words; learnt is what a model fitted to all the filed questions at once says of the section
 * ({@link SectionProbe}: the directions in meaning that set one section's questions apart from its
 * neighbours'); BM25 breaks the remaining ties, in proportion to how much distinctive content the question
 * has (with only generic words, BM25's differences are length normalisation, not meaning).
 *
 * <p>A section with fewer than {@link com.sciaticachat.index.IndexBuilder#FAIR_SHARE} questions filed for it (a new document's, typically)
 * has little to show in votes, learnt scores and near questions, so the ranking adds what its own text says
 * (its whole-section and best-sentence cosines, coverage and heading coverage) and a prior: it wins the
 * questions it clearly answers without anyone filing questions for it. Its confidence has its own calibration
 * ({@link Features.UnfiledConfidence}), fitted like the ranking on the shipped guide with half its sections stripped
 * of their filings ({@code eval --fit-ranking}, {@code RankingFit}).
 *
 * <p><b>Confidence</b> is a logistic function of the top section's evidence: its cosine, coverage and votes,
 * the share of the question the corpus knows at all (low for "tennis elbow" or "the Mona Lisa"), the margin
 * to the best unrelated runner-up, whether both retrievers put a section of the same family first, and how
 * much closer the question is to that section than to the nearest thing the guide does not cover (a topic
 * in {@code out-of-scope.txt}, or a visitor's question filed as not covered), and the learnt model's score
 * for it; less the share of the nearest questions filed as not covered, less the learnt model's score for
 * "not covered", and less a penalty when the question names a word that the guide never
 * uses of one of the few topics nearest it in meaning, larger for rare words ("migraines") than everyday
 * ones ("hours"). A question closer to a topic listed in {@code out-of-scope.txt} than to the section it
 * would be answered with, both as asked and in the guide's own words, gets no answer whatever its other
 * evidence (confidence 0): that is the promise {@code out-of-scope.txt} makes to staff. Its weights were
 * fitted on the tuning split of the evaluation set, each question answered by an index without its own copy
 * among the visitors' questions ({@code eval --fit}, cross-validated); a question below the configured
 * threshold gets an honest "no match". The features are named vectors ({@link Features}); the weights live in
 * {@link Weights#RESOURCE}, with how and on what they were fitted.
 */
public final class Scorer {

    /** A section with its blended score. */
    public record Ranked(SectionHit hit, double score, Features.Ranking features) {
        public String sectionId() {
            return hit.sectionId();
        }
    }

    /**
     * The ranking and the measures that made the confidence (shown to staff). {@code filedUnder}: where staff
     * filed this very question ({@code ""}: as not covered), which then decides; null when it is not filed.
     */
    public record Scored(List<Ranked> ranked, double confidence, double margin, boolean agree, double known, double notCoveredVote,
                         double notCoveredLearnt, double notCoveredGap, String nearestNotCoveredTopic, List<String> notCoveredWords, double namesNotCovered,
                         boolean aboutNotCoveredTopic, String filedUnder) {
        public Ranked top() {
            return ranked.isEmpty() ? null : ranked.get(0);
        }

        /**
         * The question as staff filed it: a visitor asking exactly what staff filed under a section gets that
         * section, with full confidence, whatever its words suggest; one filed as not covered is declined.
         * The ranking's evidence is kept, for staff to see why the chat alone would have answered otherwise.
         */
        public Scored filed(String sectionId) {
            if (sectionId.isEmpty()) return decided(ranked, 0, sectionId);
            List<Ranked> reordered = new ArrayList<>(ranked);
            Ranked chosen = reordered.stream().filter(r -> r.sectionId().equals(sectionId)).findFirst().orElse(null);
            if (chosen == null) return this; // a section that is not in this index: the chat decides alone
            reordered.remove(chosen);
            reordered.add(0, chosen);
            return decided(List.copyOf(reordered), 1.0, sectionId);
        }

        /** The same evidence, with the ranking and confidence a second reading ({@link EncoderRanking}) gave. */
        public Scored reread(List<Ranked> ranking, double readConfidence) {
            return decided(ranking, readConfidence, filedUnder);
        }

        /** The same evidence, with the ranking and confidence a filing decided. */
        private Scored decided(List<Ranked> ranking, double decidedConfidence, String filedAt) {
            return new Scored(ranking, decidedConfidence, margin, agree, known, notCoveredVote, notCoveredLearnt, notCoveredGap,
                    nearestNotCoveredTopic, notCoveredWords, namesNotCovered, aboutNotCoveredTopic, filedAt);
        }
    }

    /** The weights in the order of the features each weighs. */
    private final double[] evidence, blend, calibration, unfiledCalibration;

    public Scorer(Weights weights) {
        this.evidence = Weights.aligned(weights.evidence(), Features.Ranking.class);
        this.blend = Weights.aligned(weights.blend(), Features.Ranking.class);
        this.calibration = Weights.aligned(weights.calibration(), Features.FiledConfidence.class);
        this.unfiledCalibration = Weights.aligned(weights.unfiledCalibration(), Features.UnfiledConfidence.class);
    }

    /** A weighted sum: weights aligned with a vector's features. */
    public static double dot(double[] weights, Features.Vector features) {
        return dot(weights, features.values());
    }

    /** The dot product of two arrays of the same length. */
    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    public Scored score(Snapshot snapshot, Retrieval retrieval) {
        List<Ranked> ranked = new ArrayList<>();
        for (SectionHit h : retrieval.hits()) {
            double bm25 = retrieval.maxBm25() > 0 ? retrieval.specificity() * h.bm25() / retrieval.maxBm25() : 0;
            Features.Ranking f = Features.Ranking.of(h, bm25);
            ranked.add(new Ranked(h, dot(blend, f), f));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(Ranked::sectionId));
        if (ranked.isEmpty()) {
            return new Scored(ranked, 0, 0, false, retrieval.knownShare(), retrieval.notCoveredVote(), retrieval.notCoveredLearnt(), 0, null, retrieval.notCoveredWords(), retrieval.namesNotCovered(), false, null);
        }
        Ranked top = ranked.get(0);
        boolean unfiled = Features.unfiled(top.hit());
        // the margin to the best unrelated runner-up, on the scale the top section's calibration was fitted on
        // (the filed evidence weighs only the features every section has; it gives the unfiled-only ones 0)
        ToDoubleFunction<Ranked> scale = unfiled ? Ranked::score : r -> dot(evidence, r.features());
        double runnerUp = ranked.stream().skip(1)
                .filter(r -> !snapshot.catalog().overlap(top.sectionId(), r.sectionId()))
                .mapToDouble(scale).max().orElse(0);
        double margin = scale.applyAsDouble(top) - runnerUp;
        boolean agree = retrieval.lexicalTop() != null && retrieval.denseTop() != null
                && snapshot.catalog().overlap(top.sectionId(), retrieval.lexicalTop())
                && snapshot.catalog().overlap(top.sectionId(), retrieval.denseTop());
        double gap = notCoveredGap(top, retrieval);
        double z = unfiled ? dot(unfiledCalibration, Features.UnfiledConfidence.of(top.hit(), retrieval.knownShare(), margin,
                retrieval.notCoveredCosine(), retrieval.namesNotCovered(), retrieval.notCoveredVote(), retrieval.notCoveredLearnt()))
                : dot(calibration, Features.FiledConfidence.of(top.hit(), retrieval.knownShare(), margin, agree, gap, retrieval.namesNotCovered(),
                retrieval.notCoveredVote(), retrieval.notCoveredLearnt()));
        // closer to a topic staff listed as not covered than to the section it would answer with, as asked and
        // in the guide's own words: about that topic, whatever else matches. A visitor's question filed as not
        // covered counts only through the gap: it is a whole question ("can you help with a pulled hamstring"),
        // and its wording, not only its topic, is near questions the guide does answer ("will you work on my
        // hamstrings")
        boolean aboutNotCovered = top.hit().cosine() < retrieval.notCoveredTopicCosine()
                && retrieval.inGuideWords().cosine(top.sectionId()) < retrieval.notCoveredTopicCosine();
        double confidence = retrieval.question().content().isEmpty() || aboutNotCovered ? 0 : 1 / (1 + Math.exp(-z));
        return new Scored(ranked, confidence, margin, agree, retrieval.knownShare(), retrieval.notCoveredVote(), retrieval.notCoveredLearnt(), gap, retrieval.nearestNotCoveredTopic(),
                retrieval.notCoveredWords(), retrieval.namesNotCovered(), aboutNotCovered, null);
    }

    /** How much closer the question is to the best section than to the nearest topic the guide does not cover. */
    static double notCoveredGap(Ranked top, Retrieval retrieval) {
        return top.hit().cosine() - retrieval.notCoveredCosine();
    }
}
