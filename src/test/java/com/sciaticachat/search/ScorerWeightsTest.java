package com.sciaticachat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sciaticachat.chat.ChatService;
import com.sciaticachat.index.IndexBuilder;
import com.sciaticachat.support.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped weights ({@link Weights#RESOURCE}) were fitted on the features the code computes: every weight
 * names a feature the code has and every feature has a weight, and the probe questions recorded when they
 * were fitted still get the same ranking features on the same corpus. A feature added, removed or computed
 * differently without a refit ({@code eval --fit}, {@code eval --fit-ranking}) fails here.
 */
class ScorerWeightsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Retriever.SectionHit HIT = new Retriever.SectionHit("doc/section", 0.7, 1, 3.0, 1, 0.5, 0.2,
            List.of("word"), 0.3, 0.1, 0, 0.6, 0.65);

    @Test
    void every_shipped_weight_names_a_feature_the_code_computes_and_says_what_it_was_fitted_on() {
        Weights w = Weights.bundled();
        assertEquals(Features.names(Features.Ranking.class), List.copyOf(w.blend().keySet()));
        assertEquals(Features.names(Features.FiledConfidence.class), List.copyOf(w.calibration().keySet()));
        assertEquals(Features.names(Features.UnfiledConfidence.class), List.copyOf(w.unfiledCalibration().keySet()));
        assertEquals(1.0, w.blend().get("cosine"), 1e-9, "the blend is in units of cosine (ChatService's spreads read it so)");
        for (String key : List.of("how", "commit", "data sha256")) assertTrue(w.fitted().containsKey(key), "the file records its " + key);
        assertFalse(w.probes().isEmpty(), "the file records the probes' features");
    }

    @Test
    void the_probe_questions_get_the_features_the_weights_were_fitted_on() {
        ChatService chat = TestServer.bundled().app.chat();
        for (Weights.Probe p : Weights.bundled().probes()) {
            List<Scorer.Ranked> ranked = chat.trace(p.question()).scored().ranked();
            Scorer.Ranked same = ranked.stream().filter(r -> r.sectionId().equals(p.section())).findFirst().orElseThrow(
                    () -> new AssertionError("'" + p.question() + "': " + p.section() + " is no longer ranked"));
            Map<String, Double> now = new java.util.HashMap<>(Weights.named(Features.Ranking.class, same.features().values()));
            Weights.Probe.ownText(same.hit()).forEach((k, v) -> now.put("own " + k, v));
            Map<String, Double> then = new java.util.HashMap<>(p.ranking());
            p.ownText().forEach((k, v) -> then.put("own " + k, v));
            assertEquals(then.keySet(), now.keySet());
            for (Map.Entry<String, Double> f : then.entrySet()) {
                assertEquals(f.getValue(), now.get(f.getKey()), tolerance(f.getKey()), () -> "'" + p.question() + "', " + p.section() + ": feature "
                        + f.getKey() + " is computed differently from when the weights were fitted; refit them");
            }
        }
    }

    /**
     * Features read from the embedding (cosines, the learnt probe, the vote of the nearest filed questions) differ a
     * little between processors: the quantized model's int8 kernels round differently with and without AVX-512 (0.0024
     * in a section's cosine between two machines). A feature computed differently moves more than that.
     */
    private static double tolerance(String feature) {
        String f = feature.toLowerCase(java.util.Locale.ROOT);
        return f.contains("cosine") || f.contains("learnt") || f.contains("vote") ? 1e-2 : 1e-3;
    }

    @Test
    void a_weights_file_that_misses_or_invents_a_feature_is_refused() throws Exception {
        ObjectNode file = JSON.valueToTree(Weights.bundled());
        ((ObjectNode) file.get("blend")).remove("prior");
        Exception missing = assertThrows(Exception.class, () -> JSON.treeToValue(file, Weights.class));
        assertTrue(missing.getMessage().contains("missing [prior]"), missing.getMessage());
        ((ObjectNode) file.get("blend")).put("prior", 0.5).put("loudness", 1.0);
        Exception unknown = assertThrows(Exception.class, () -> JSON.treeToValue(file, Weights.class));
        assertTrue(unknown.getMessage().contains("unknown [loudness]"), unknown.getMessage());
    }

    @Test
    void the_weights_file_round_trips_through_the_json_eval_fit_writes() throws Exception {
        Weights shipped = Weights.bundled();
        String written = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(shipped);
        assertEquals(shipped, JSON.readValue(written, Weights.class));
    }

    @Test
    void a_section_nobody_filed_questions_for_gets_its_own_text_and_prior_and_one_with_filings_does_not() {
        Features.Ranking unfiled = Features.Ranking.of(HIT, 0.5);
        Retriever.SectionHit filed = new Retriever.SectionHit("doc/section", 0.7, 1, 3.0, 1, 0.5, 0.2, List.of("word"), 0.3, 0.1,
                IndexBuilder.FAIR_SHARE, 0.6, 0.65);
        Features.Ranking withFilings = Features.Ranking.of(filed, 0.5);
        assertEquals(1.0, unfiled.prior());
        assertEquals(0.0, withFilings.prior());
        assertEquals(0.65, unfiled.sentenceCosine(), 1e-9);
        assertEquals(0.0, withFilings.sentenceCosine(), 1e-9);
    }

    @Test
    void each_kind_lists_its_values_in_the_order_of_its_feature_names() throws Exception {
        for (Class<? extends Features.Vector> kind : List.of(Features.Ranking.class, Features.FiledConfidence.class,
                Features.UnfiledConfidence.class)) {
            int n = Features.names(kind).size();
            Object[] distinct = new Object[n];
            Class<?>[] types = new Class<?>[n];
            for (int i = 0; i < n; i++) {
                distinct[i] = (double) (i + 1);
                types[i] = double.class;
            }
            Features.Vector v = kind.getDeclaredConstructor(types).newInstance(distinct);
            for (int i = 0; i < n; i++) assertEquals(i + 1.0, v.values()[i], kind.getSimpleName() + "." + Features.names(kind).get(i));
        }
    }
}
