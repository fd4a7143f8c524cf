package com.sciaticachat.search;

import com.sciaticachat.index.IndexBuilder;
import com.sciaticachat.search.Retriever.SectionHit;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * The feature vectors the scorer weighs and {@code eval} fits, one record per kind: its components are the
 * features, by name and in order. A weights file names its weights after these components
 * ({@link Weights}); adding a feature is adding a component here (and its value in {@link Vector#values})
 * and a weight in the file.
 */
public final class Features {
    private Features() {}

    /** A feature vector: a record whose components are the features. */
    public interface Vector {
        /** The components' values, in the order of {@link Features#names}. */
        double[] values();
    }

    private static final ClassValue<List<String>> NAMES = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> kind) {
            return Arrays.stream(kind.getRecordComponents()).map(RecordComponent::getName).toList();
        }
    };

    /** The names of a kind's features, in order. */
    public static List<String> names(Class<? extends Vector> kind) {
        return NAMES.get(kind);
    }

    /** Whether a section is scored as one nobody has filed (enough) questions for. */
    public static boolean unfiled(SectionHit h) {
        return h.questions() < IndexBuilder.FAIR_SHARE;
    }

    /**
     * What the ranking weighs of one section: its nearest unit's cosine, coverage, BM25 scaled by the
     * question's specificity and the best section's BM25, heading coverage, votes, the learnt score; then, for
     * a section with fewer than {@link IndexBuilder#FAIR_SHARE} filed questions only (0 for the others), what
     * its own text says (its whole-section and best-sentence cosines, coverage and heading coverage again) and
     * 1 for the prior.
     */
    public record Ranking(double cosine, double coverage, double bm25, double title, double vote, double learnt,
                          double sectionCosine, double sentenceCosine, double ownCoverage, double ownTitle, double prior)
            implements Vector {

        public static Ranking of(SectionHit h, double bm25) {
            double u = unfiled(h) ? 1 : 0;
            return new Ranking(h.cosine(), h.coverage(), bm25, h.titleCoverage(), h.vote(), h.learnt(), u * h.sectionCosine(),
                    u * h.sentenceCosine(), u * h.coverage(), u * h.titleCoverage(), u);
        }

        @Override
        public double[] values() {
            return new double[] {cosine, coverage, bm25, title, vote, learnt, sectionCosine, sentenceCosine, ownCoverage, ownTitle, prior};
        }
    }

    /**
     * What the confidence in a top section with filed questions weighs: a bias, its cosine, coverage, the
     * share of the question the corpus knows, the margin to the best unrelated runner-up (on the filed-evidence
     * scale), whether both retrievers agree, how much closer it is than the nearest topic the guide does not
     * cover, the not-covered-word penalty, its votes, the votes for "not covered", its learnt score and the
     * learnt score for "not covered".
     */
    public record FiledConfidence(double bias, double cosine, double coverage, double known, double margin, double agree,
                                  double notCoveredGap, double namesNotCovered, double vote, double notCoveredVote, double learnt,
                                  double notCoveredLearnt) implements Vector {

        public static FiledConfidence of(SectionHit top, double known, double margin, boolean agree, double gap, double namesNotCovered,
                                         double notCoveredVote, double notCoveredLearnt) {
            return new FiledConfidence(1, top.cosine(), top.coverage(), known, margin, agree ? 1 : 0, gap, namesNotCovered, top.vote(),
                    notCoveredVote, top.learnt(), notCoveredLearnt);
        }

        @Override
        public double[] values() {
            return new double[] {bias, cosine, coverage, known, margin, agree, notCoveredGap, namesNotCovered, vote, notCoveredVote, learnt,
                    notCoveredLearnt};
        }
    }

    /**
     * What the confidence in a top section with few filed questions weighs. Such a section is known by its own
     * sentences, so the out-of-scope gap is measured from its best sentence, and the margin on the blend's scale.
     */
    public record UnfiledConfidence(double bias, double sentenceCosine, double sectionCosine, double coverage, double known,
                                    double margin, double notCoveredGap, double namesNotCovered, double notCoveredVote,
                                    double notCoveredLearnt, double vote, double learnt, double title) implements Vector {

        public static UnfiledConfidence of(SectionHit top, double known, double margin, double notCoveredCosine, double namesNotCovered,
                                           double notCoveredVote, double notCoveredLearnt) {
            return new UnfiledConfidence(1, top.sentenceCosine(), top.sectionCosine(), top.coverage(), known, margin,
                    top.sentenceCosine() - notCoveredCosine, namesNotCovered, notCoveredVote, notCoveredLearnt, top.vote(), top.learnt(),
                    top.titleCoverage());
        }

        @Override
        public double[] values() {
            return new double[] {bias, sentenceCosine, sectionCosine, coverage, known, margin, notCoveredGap, namesNotCovered, notCoveredVote,
                    notCoveredLearnt, vote, learnt, title};
        }
    }

    /** The confidence features that weigh against an answer: their weights are never positive. */
    public static final java.util.Set<String> PENALTIES = java.util.Set.of("namesNotCovered", "notCoveredVote", "notCoveredLearnt");
}
