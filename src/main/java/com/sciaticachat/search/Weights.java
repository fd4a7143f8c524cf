package com.sciaticachat.search;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the scorer learnt, as stored in {@link #RESOURCE}: each weight named after the feature it
 * weighs ({@link Features}), with how, on what data and at which commit it was fitted, and the features a
 * few probe questions had then, so that a change to how a feature is computed without refitting is caught
 * ({@code ScorerWeightsTest}). {@code eval --fit} and {@code eval --fit-ranking} write this file.
 *
 * @param evidence           the filed evidence: the ranking features of a section with filed questions as one
 *                           score, the scale the filed confidence reads its margin on (0 for the features
 *                           only sections without filings have)
 * @param blend              the ranking
 * @param calibration        the confidence in a top section with filed questions
 * @param unfiledCalibration the confidence in a top section with few or none
 * @param fitted             how, on what data (and its SHA-256), at which commit and when
 * @param probes             questions answered on the fitting corpus right after fitting, with the top section's
 *                           ranking features then
 */
@JsonPropertyOrder({"fitted", "evidence", "blend", "calibration", "unfiledCalibration", "probes"})
public record Weights(Map<String, Double> evidence, Map<String, Double> blend, Map<String, Double> calibration,
                      Map<String, Double> unfiledCalibration, Map<String, String> fitted, List<Probe> probes) {

    /** Where the shipped weights live in the jar. */
    public static final String RESOURCE = "/model/scorer-weights.json";

    /**
     * A question, the section it was answered with on the fitting corpus, that section's ranking features, and
     * what its own text says (its whole-section and best-sentence cosines), which the ranking weighs only for
     * sections with few filed questions.
     */
    public record Probe(String question, String section, Map<String, Double> ranking, Map<String, Double> ownText) {

        /** What a section's own text says, as a probe records it. */
        public static Map<String, Double> ownText(Retriever.SectionHit h) {
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("sectionCosine", h.sectionCosine());
            out.put("sentenceCosine", h.sentenceCosine());
            return out;
        }
    }

    public Weights {
        check("evidence", evidence, Features.Ranking.class);
        check("blend", blend, Features.Ranking.class);
        check("calibration", calibration, Features.FiledConfidence.class);
        check("unfiledCalibration", unfiledCalibration, Features.UnfiledConfidence.class);
        evidence = ordered(evidence, Features.Ranking.class);
        blend = ordered(blend, Features.Ranking.class);
        calibration = ordered(calibration, Features.FiledConfidence.class);
        unfiledCalibration = ordered(unfiledCalibration, Features.UnfiledConfidence.class);
        fitted = fitted == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fitted));
        probes = probes == null ? List.of() : List.copyOf(probes);
    }

    /** A weights file names exactly the features the code computes: a missing or unknown name is a mistake. */
    private static void check(String part, Map<String, Double> weights, Class<? extends Features.Vector> kind) {
        if (weights == null) throw new IllegalArgumentException(RESOURCE + ": '" + part + "' is missing");
        Set<String> expected = new TreeSet<>(Features.names(kind));
        if (!expected.equals(new TreeSet<>(weights.keySet()))) {
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(weights.keySet());
            Set<String> unknown = new TreeSet<>(weights.keySet());
            unknown.removeAll(expected);
            throw new IllegalArgumentException(RESOURCE + ": '" + part + "' does not weigh the features the code computes ("
                    + kind.getSimpleName() + "): missing " + missing + ", unknown " + unknown + "; refit with eval --fit or --fit-ranking");
        }
    }

    private static Map<String, Double> ordered(Map<String, Double> weights, Class<? extends Features.Vector> kind) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : Features.names(kind)) out.put(name, weights.get(name));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Weights by name, from values in the order of {@code kind}'s features. */
    public static Map<String, Double> named(Class<? extends Features.Vector> kind, double[] values) {
        List<String> names = Features.names(kind);
        if (names.size() != values.length) throw new IllegalArgumentException(names.size() + " features, " + values.length + " weights");
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) out.put(names.get(i), values[i]);
        return out;
    }

    /** Weights in the order of {@code kind}'s features, for a dot product with its {@link Features.Vector#values}. */
    public static double[] aligned(Map<String, Double> weights, Class<? extends Features.Vector> kind) {
        return Features.names(kind).stream().mapToDouble(weights::get).toArray();
    }

    public Weights withBlend(Map<String, Double> blend, Map<String, Double> unfiledCalibration) {
        return new Weights(evidence, blend, calibration, unfiledCalibration, fitted, probes);
    }

    public Weights withCalibration(Map<String, Double> calibration) {
        return new Weights(evidence, blend, calibration, unfiledCalibration, fitted, probes);
    }

    public Weights withFitted(Map<String, String> fitted, List<Probe> probes) {
        return new Weights(evidence, blend, calibration, unfiledCalibration, fitted, probes);
    }

    /** The weights in the jar. */
    public static Weights bundled() {
        try (InputStream in = Weights.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the jar has no " + RESOURCE);
            return new ObjectMapper().readValue(in, Weights.class);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }
}
