package com.sciaticachat.safety;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The learnt half of the safety check, as data (written by {@code eval --fit-safety}, never by hand):
 * <ul>
 *   <li>a softmax model over a message's word n-grams (tf-idf) and its embedding, with one class per sign
 *       and one for none: which sign does the message tell of? The n-grams tell "numb" from "sore" where
 *       the embedding puts them close. Each sign has the probability at which it counts ({@code alarm})
 *       and at which the chat may ask ({@code check});</li>
 *   <li>the framing model: a logistic model over the message's word n-grams (tf-idf) and the
 *       {@link Framing} cues: is what it tells happening now, to the writer or someone they speak for,
 *       rather than asked about, over, denied, imagined or someone's history?</li>
 * </ul>
 * {@code phrasings} and {@code embedding} say what it was fitted on; a test fails when they no longer
 * match the jar.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SafetyModel(String about, String embedding, String phrasings, String commit, String fittedAt, List<String> cues,
                          Vocabulary vocabulary, List<Sign> signs, double[] noSign, FramingModel framing, Gates gates, Measured measured,
                          List<LevelThresholds> levels, NeighbourVote neighbours) {

    public static final String RESOURCE = "/model/safety-model.json";

    /** The word n-grams both models read, each with its inverse document frequency. */
    public record Vocabulary(List<String> ngrams, double[] idf) {
        public Map<String, Integer> index() {
            Map<String, Integer> out = new HashMap<>(ngrams.size() * 2);
            for (int i = 0; i < ngrams.size(); i++) out.put(ngrams.get(i), i);
            return out;
        }

        public int size() {
            return ngrams.size();
        }
    }

    /**
     * A sign's class: {@code weights} over the vocabulary, then the embedding; the last one the bias.
     *
     * @param alarm at or above this probability the sign counts as told
     * @param check at or above this (and below {@code alarm}) the chat may ask
     */
    public record Sign(String id, double alarm, double check, double[] weights) {}

    /**
     * A level's thresholds on the summed probability of its signs. Signs of one level are often told in
     * the same words ("can't feel anything down there" is half saddle numbness, half sexual dysfunction),
     * so the model splits its belief between them; what the visitor needs is the level, and the sum keeps
     * a message both signs claim from falling under each one's own threshold.
     *
     * @param level as in {@code safety.yml}
     * @param alarm at or above this summed probability the level's likeliest sign counts as told
     * @param check from this the chat may ask
     */
    public record LevelThresholds(String level, double alarm, double check) {}

    /** Each sign's probability for a text's n-grams (tf-idf, by vocabulary index) and embedding, in the order of {@link #signs}. */
    public double[] signProbabilities(Map<Integer, Double> ngrams, float[] v) {
        int k = signs.size(), at = vocabulary.size();
        double[] z = new double[k + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c <= k; c++) {
            double[] w = c < k ? signs.get(c).weights() : noSign;
            double s = w[at + v.length];
            for (Map.Entry<Integer, Double> e : ngrams.entrySet()) s += w[e.getKey()] * e.getValue();
            for (int d = 0; d < v.length; d++) s += w[at + d] * v[d];
            z[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c <= k; c++) sum += z[c] = Math.exp(z[c] - max);
        double[] out = new double[k];
        for (int c = 0; c < k; c++) out[c] = z[c] / sum;
        return out;
    }

    /**
     * The framing model: one weight per n-gram of the vocabulary, then one per cue, then one per dimension
     * of the message's embedding; the last is the bias.
     */
    public record FramingModel(double[] weights) {
        /** The probability that the text tells of something happening now. */
        public double current(Map<Integer, Double> ngrams, int vocabularySize, double[] cues, float[] embedding) {
            double s = weights[weights.length - 1];
            for (Map.Entry<Integer, Double> e : ngrams.entrySet()) s += weights[e.getKey()] * e.getValue();
            int at = vocabularySize;
            for (int k = 0; k < cues.length; k++) s += weights[at + k] * cues[k];
            at += cues.length;
            for (int d = 0; d < embedding.length; d++) s += weights[at + d] * embedding[d];
            return 1 / (1 + Math.exp(-s));
        }
    }

    /**
     * How the parts combine.
     *
     * @param ruleCurrent     a phrase rule's match alarms when the message reads as current at least this
     * @param detectorCurrent a detected sign alarms when the message reads as current at least this
     * @param checkCurrent    a sign in doubt makes the chat ask when the message reads as current at least this
     * @param caution         a question whose strongest sign reaches this gets the calm caution
     * @param framingOnSign   in a message of several sentences, the framing is read on the sentence that
     *                        tells of the strongest sign rather than on the whole message
     * @param nameCurrent     the same as {@code ruleCurrent} for a rule that matches a condition's name ({@code listed:
     *                        no}, "cauda equina"): calm messages name a condition far more often than they tell of a
     *                        symptom, so the name has its own gate; null (a model fitted before it) means
     *                        {@code ruleCurrent}
     */
    public record Gates(double ruleCurrent, double detectorCurrent, double checkCurrent, double caution, boolean framingOnSign, Double nameCurrent) {

        public Gates(double ruleCurrent, double detectorCurrent, double checkCurrent, double caution, boolean framingOnSign) {
            this(ruleCurrent, detectorCurrent, checkCurrent, caution, framingOnSign, null);
        }

        /** The gate of a rule's match: its own for a rule that names a condition. */
        public double ruleGate(SafetyRules.Rule rule) {
            return rule.listed() || nameCurrent == null ? ruleCurrent : nameCurrent;
        }
    }

    /**
     * When the detector is unsure (a check question), the nearest bundled phrasings decide instead: at least
     * {@code redShare} of the {@code k} nearest (weighed by how near) being red flags makes it an alarm (0: never), or
     * {@code emergencyShare} when the check asks about emergency signs (a missed emergency costs more; 0: the
     * same share). The other way round, when at most {@code quietShare} of the {@code k} nearest phrasings and
     * ordinary visitor questions together are red flags, the message is asked like those questions and gets
     * no check question (0: never). Chosen on development sets the model never learnt from (see
     * {@code docs/safety.md}); null: not used.
     */
    public record NeighbourVote(int k, double redShare, double emergencyShare, double quietShare) {
        /** The share that makes a check at this level an alarm. */
        public double share(boolean emergency) {
            return emergency && emergencyShare > 0 ? emergencyShare : redShare;
        }
    }

    /** Cross-validated figures of the fit on its own phrasings, for the record (not evidence: see the held-out sets). */
    public record Measured(double recall, double rightLevel, double emergencyRecall, double falseAlarms, double checkedRedFlags,
                           double checkedCalm, double questionsAlarmed, double questionsAsked, int folds) {}

    private static volatile SafetyModel bundled;

    /** The model in the jar, read once. */
    public static SafetyModel bundled() {
        SafetyModel m = bundled;
        if (m == null) bundled = m = read();
        return m;
    }

    private static SafetyModel read() {
        try (InputStream in = SafetyModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IOException("the jar has no " + RESOURCE);
            return new ObjectMapper().readValue(in, SafetyModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the safety model is part of the jar", e);
        }
    }
}
