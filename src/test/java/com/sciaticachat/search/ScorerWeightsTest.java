package com.sciaticachat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped weights ({@link Scorer#WEIGHTS}) fit the features the code computes: a feature added or
 * removed without refitting ({@code eval --fit-ranking}) fails here, as does a weights file with a name the
 * records do not have (Jackson refuses unknown properties).
 */
class ScorerWeightsTest {
    private static final Retriever.SectionHit HIT = new Retriever.SectionHit("doc/section", 0.7, 1, 3.0, 1, 0.5, 0.2,
            List.of("word"), 0.3, 0.1, 0, 0.6, 0.65);

    @Test
    void the_shipped_weights_match_the_features_the_code_computes() {
        Scorer.Weights w = Scorer.bundled();
        assertEquals(Scorer.features(HIT, 0.5).length, w.blend().asArray().length, "ranking features");
        assertEquals(Scorer.unfiledEvidence(HIT, 0.8, 0.1, 0.3, 0, 0, 0).length, w.unfiledCalibration().asArray().length,
                "confidence features of a section without filed questions");
        assertEquals(Scorer.filedEvidence(HIT, 0.8, 0.1, true, 0.2, 0, 0, 0).length, w.calibration().asArray().length,
                "confidence features of a section with filed questions");
        assertEquals(1.0, w.blend().shared().cosine(), 1e-9, "the blend is in units of cosine (ChatService's spreads read it so)");
        assertTrue(w.fitted().containsKey("how"), "the file says how it was fitted");
    }

    @Test
    void the_weights_file_round_trips_through_the_json_eval_fit_writes() throws Exception {
        Scorer.Weights shipped = Scorer.bundled();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String written = json.writerWithDefaultPrettyPrinter().writeValueAsString(shipped);
        assertEquals(shipped, json.readValue(written, Scorer.Weights.class));
    }

    @Test
    void a_section_nobody_filed_questions_for_gets_its_own_text_and_prior_and_one_with_filings_does_not() {
        double[] unfiled = Scorer.features(HIT, 0.5);
        Retriever.SectionHit filed = new Retriever.SectionHit("doc/section", 0.7, 1, 3.0, 1, 0.5, 0.2, List.of("word"), 0.3, 0.1,
                com.sciaticachat.index.IndexBuilder.FAIR_SHARE, 0.6, 0.65);
        double[] withFilings = Scorer.features(filed, 0.5);
        assertEquals(1.0, unfiled[unfiled.length - 1], "the prior's indicator");
        assertEquals(0.0, withFilings[withFilings.length - 1]);
        assertEquals(0.65, unfiled[7], 1e-9, "best-sentence cosine");
        assertEquals(0.0, withFilings[7], 1e-9);
    }
}
