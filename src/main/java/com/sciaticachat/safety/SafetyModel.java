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
 *   <li>a softmax model over a message's embedding with one class per sign and one for none: which sign
 *       does the message tell of? Each sign has the probability at which it counts ({@code alarm}) and at
 *       which the chat may ask ({@code check});</li>
 *   <li>the framing model: a logistic model over the message's word n-grams (tf-idf) and the
 *       {@link Framing} cues: is what it tells happening now, to the writer or someone they speak for,
 *       rather than asked about, over, denied, imagined or someone's history?</li>
 * </ul>
 * {@code phrasings} and {@code embedding} say what it was fitted on; a test fails when they no longer
 * match the jar.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SafetyModel(String about, String embedding, String phrasings, String commit, String fittedAt, List<String> cues,
                          List<Sign> signs, double[] noSign, FramingModel framing, Gates gates, Measured measured) {

    public static final String RESOURCE = "/model/safety-model.json";

    /**
     * A sign's class: {@code weights} over the embedding, the last one the bias.
     *
     * @param alarm at or above this probability the sign counts as told
     * @param check at or above this (and below {@code alarm}) the chat may ask
     */
    public record Sign(String id, double alarm, double check, double[] weights) {}

    /** Each sign's probability for an embedding, in the order of {@link #signs}. */
    public double[] signProbabilities(float[] v) {
        int k = signs.size();
        double[] z = new double[k + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c <= k; c++) {
            double[] w = c < k ? signs.get(c).weights() : noSign;
            double s = w[v.length];
            for (int d = 0; d < v.length; d++) s += w[d] * v[d];
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
     * The framing model: {@code ngrams[i]} has inverse document frequency {@code idf[i]} and weight
     * {@code weights[i]}; then one weight per cue, then one per dimension of the message's embedding; the
     * last is the bias.
     */
    public record FramingModel(List<String> ngrams, double[] idf, double[] weights) {

        /** The probability that the message tells of something happening now. */
        public double current(Map<String, Integer> index, String message, double[] cues, float[] embedding) {
            Map<Integer, Double> x = NGrams.tfidf(NGrams.of(message), index, idf);
            double s = weights[weights.length - 1];
            for (Map.Entry<Integer, Double> e : x.entrySet()) s += weights[e.getKey()] * e.getValue();
            int at = ngrams.size();
            for (int k = 0; k < cues.length; k++) s += weights[at + k] * cues[k];
            at += cues.length;
            for (int d = 0; d < embedding.length; d++) s += weights[at + d] * embedding[d];
            return 1 / (1 + Math.exp(-s));
        }

        public Map<String, Integer> index() {
            Map<String, Integer> out = new HashMap<>(ngrams.size() * 2);
            for (int i = 0; i < ngrams.size(); i++) out.put(ngrams.get(i), i);
            return out;
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
     */
    public record Gates(double ruleCurrent, double detectorCurrent, double checkCurrent, double caution, boolean framingOnSign) {}

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
