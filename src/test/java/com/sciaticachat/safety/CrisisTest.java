package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrisisTest {

    @Test
    void the_crisis_itself_is_recognised_and_its_words_in_other_senses_are_not() {
        assertEquals(Crisis.Kind.SELF_HARM, Crisis.assess("honestly I've been thinking about ending my life"));
        assertEquals(Crisis.Kind.SELF_HARM, Crisis.assess("my son says he doesn't want to live anymore"));
        assertEquals(Crisis.Kind.HEART_OR_STROKE, Crisis.assess("her face is drooping on one side and her speech is slurred"));
        assertEquals(Crisis.Kind.HEART_OR_STROKE, Crisis.assess("I can't breathe and my chest feels tight"));
        assertEquals(Crisis.Kind.HEART_OR_STROKE, Crisis.assess("my wife has a headache, the worst she's ever had, came on in seconds"));
        assertEquals(Crisis.Kind.HEART_OR_STROKE, Crisis.assess("a sudden, severe headache just hit me out of nowhere"));
        assertNull(Crisis.assess("my headache is the worst in the mornings, can neck massage help?"));
        assertNull(Crisis.assess("this pain is killing me"));
        assertNull(Crisis.assess("coach made us run suicides and now my back hurts"));
        assertNull(Crisis.assess("I don't have chest pain, only my lower back"));
        assertNull(Crisis.assess("what are the symptoms of a heart attack?"));
        assertNull(Crisis.assess("do you use long strokes for relaxation?"));
        assertEquals(Crisis.Kind.HEART_OR_STROKE, Crisis.assess("his arm won't lift and he's slurring his words"));
        assertEquals(Crisis.Kind.SELF_HARM, Crisis.assess("I've been saving up my pain pills for a while now"));
        assertEquals(Crisis.Kind.SELF_HARM, Crisis.assess("I won't be around much longer, please cancel my bookings"));
        assertEquals(Crisis.Kind.HEART_OR_STROKE, Crisis.assess("her words are all jumbled and her right arm went weak suddenly"));
        assertNull(Crisis.assess("my back is hurting again this week"));
        assertNull(Crisis.assess("had a heart attack last year, is massage ok now?"));
        assertNull(Crisis.assess("my left leg went weak all of a sudden this morning"));
        assertNull(Crisis.assess("can we end it with some stretching?"));
    }

    /**
     * Blind rounds, each run once before and once after the change it measured, held as floors so that nothing the
     * phrase floor catches is lost. Round 1 (before the crisis check: through the whole chat 1 of 48 thoughts of
     * self-harm and 8 of 24 heart or stroke signs got the emergency reply, by the back's red flags; none of 96 calm):
     * the check alone 13, 13 and 1 ("i want to die (of embarrassment)"). Round 2 (a learnt model tried and dropped):
     * 9, 8 and 0. Round 3, after the floor learnt from the training phrasings: 6 → 17, 12 → 17 and 2 → 0; rounds 1 and 2
     * then read 31, 21, 1 and 17, 14, 0.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"crisis-r1.tsv, 31, 21, 1", "crisis-r2.tsv, 17, 14, 0", "crisis-r3.tsv, 17, 17, 0",
            "crisis-training.tsv, 119, 76, 2"})
    void the_blind_rounds_keep_their_measured_figures(String file, int selfHarm, int heart, int calmAlarms) throws IOException {
        Map<String, Integer> caught = new HashMap<>(), total = new HashMap<>();
        try (InputStream in = CrisisTest.class.getResourceAsStream("/crisis/" + file)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                Crisis.Kind k = Crisis.assess(f[0]);
                total.merge(f[1], 1, Integer::sum);
                boolean alarmed = f[1].equals("self-harm") ? k == Crisis.Kind.SELF_HARM : f[1].equals("cardiac-stroke") ? k == Crisis.Kind.HEART_OR_STROKE : k != null;
                if (alarmed) caught.merge(f[1], 1, Integer::sum);
            }
        }
        assertTrue(total.get("self-harm") >= 48 && total.get("cardiac-stroke") >= 24 && total.get("calm") >= 96, total.toString());
        assertTrue(caught.getOrDefault("self-harm", 0) >= selfHarm, caught.toString());
        assertTrue(caught.getOrDefault("cardiac-stroke", 0) >= heart, caught.toString());
        assertTrue(caught.getOrDefault("calm", 0) <= calmAlarms, caught.toString());
    }
}
