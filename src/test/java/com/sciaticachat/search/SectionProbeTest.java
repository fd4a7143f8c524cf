package com.sciaticachat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SectionProbeTest {

    /** A unit vector near {@code axis} in 8 dimensions, with some noise. */
    private static float[] near(int axis, Random random) {
        float[] v = new float[8];
        for (int d = 0; d < v.length; d++) v[d] = (float) (random.nextGaussian() * 0.2);
        v[axis] += 1;
        double norm = 0;
        for (float x : v) norm += x * x;
        for (int d = 0; d < v.length; d++) v[d] /= (float) Math.sqrt(norm);
        return v;
    }

    private static String best(Map<String, Double> scores) {
        return scores.entrySet().stream().max(Comparator.comparingDouble(Map.Entry::getValue)).orElseThrow().getKey();
    }

    @Test
    void points_a_question_to_the_section_whose_filed_questions_it_resembles() {
        Random random = new Random(7);
        List<float[]> vectors = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            vectors.add(near(0, random));
            labels.add("causes");
            vectors.add(near(1, random));
            labels.add("symptoms");
            vectors.add(near(2, random));
            labels.add(""); // filed as not covered
        }
        SectionProbe probe = SectionProbe.fit(vectors, labels);
        Map<String, Double> causes = probe.scores(near(0, random));
        assertEquals("causes", best(causes), causes.toString());
        assertTrue(causes.get("causes") > 0.7 && causes.get("symptoms") < 0.3, causes.toString());
        assertEquals("symptoms", best(probe.scores(near(1, random))));
        assertEquals("", best(probe.scores(near(2, random))), "not covered is learnt like a section");
    }

    @Test
    void has_no_opinion_without_two_kinds_of_filed_question() {
        Random random = new Random(7);
        assertTrue(SectionProbe.fit(List.of(), List.of()).scores(near(0, random)).isEmpty());
        assertTrue(SectionProbe.fit(List.of(near(0, random), near(1, random)), List.of("causes", "causes"))
                .scores(near(0, random)).isEmpty());
    }

    @Test
    void ignores_a_vector_of_another_model() {
        Random random = new Random(7);
        SectionProbe probe = SectionProbe.fit(List.of(near(0, random), near(1, random)), List.of("causes", "symptoms"));
        assertTrue(probe.scores(new float[3]).isEmpty());
    }

    @Test
    void solves_a_symmetric_positive_definite_system() {
        double[][] a = {{4, 2, 0}, {2, 5, 1}, {0, 1, 3}};
        double[][] x = SectionProbe.solve(a, new double[][] {{2, 1}, {1, 0}, {4, 2}});
        double[][] want = {{2, 1}, {1, 0}, {4, 2}};
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 2; c++) {
                double ax = 0;
                for (int k = 0; k < 3; k++) ax += a[i][k] * x[k][c];
                assertEquals(want[i][c], ax, 1e-9);
            }
        }
    }
}
