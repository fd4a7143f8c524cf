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
        assertNull(Crisis.assess("this pain is killing me"));
        assertNull(Crisis.assess("coach made us run suicides and now my back hurts"));
        assertNull(Crisis.assess("I don't have chest pain, only my lower back"));
        assertNull(Crisis.assess("what are the symptoms of a heart attack?"));
        assertNull(Crisis.assess("do you use long strokes for relaxation?"));
        assertEquals(Crisis.Kind.HEART_OR_STROKE, Crisis.assess("his arm won't lift and he's slurring his words"));
    }

    /**
     * Round 1 (written blind, run once before the crisis check: on main 1 of 48 thoughts of self-harm and 8 of 24 heart
     * or stroke signs got the emergency reply, through the back's red flags; no calm message did). With it: 13 of 48,
     * 12 of 24 and 1 of 96 calm ("i want to die (of embarrassment)"); 13 of 24 once a negation's reach ended at its
     * clause. A floor, so that nothing it catches is lost.
     */
    @Test
    void round_one_keeps_its_measured_figures() throws IOException {
        Map<String, Integer> caught = new HashMap<>(), total = new HashMap<>();
        try (InputStream in = CrisisTest.class.getResourceAsStream("/crisis/crisis-r1.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                Crisis.Kind k = Crisis.assess(f[0]);
                total.merge(f[1], 1, Integer::sum);
                boolean alarmed = f[1].equals("self-harm") ? k == Crisis.Kind.SELF_HARM : f[1].equals("cardiac-stroke") ? k == Crisis.Kind.HEART_OR_STROKE : k != null;
                if (alarmed) caught.merge(f[1], 1, Integer::sum);
            }
        }
        assertEquals(Map.of("self-harm", 48, "cardiac-stroke", 24, "calm", 96), total);
        assertTrue(caught.getOrDefault("self-harm", 0) >= 13, caught.toString());
        assertTrue(caught.getOrDefault("cardiac-stroke", 0) >= 13, caught.toString());
        assertTrue(caught.getOrDefault("calm", 0) <= 1, caught.toString());
    }
}
