package com.sciaticachat.search;

import com.sciaticachat.analysis.Words;
import java.util.HashMap;
import java.util.Map;

/**
 * The questions staff filed in {@code visitor-questions.txt} or wrote as a section's alternate, by their
 * wording: where each one belongs, and how many each section has. A visitor who asks exactly what staff
 * filed gets what staff decided.
 */
public final class FiledQuestions {
    private static final String AMBIGUOUS = "\u0000";

    /** Wording ({@link #asked}) → the section that answers it, or "" when filed as not covered. */
    private final Map<String, String> filed;
    /** Section id → how many questions answer it. */
    private final Map<String, Integer> counts;

    private FiledQuestions(Map<String, String> filed, Map<String, Integer> counts) {
        this.filed = Map.copyOf(filed);
        this.counts = Map.copyOf(counts);
    }

    /** Collects one generation's filed questions. */
    static final class Builder {
        private final Map<String, String> filed = new HashMap<>();
        private final Map<String, Integer> counts = new HashMap<>();

        /** A question answered by a section (an alternate, or a visitor's question filed under it). */
        void answers(String question, String sectionId) {
            file(question, sectionId);
            counts.merge(sectionId, 1, Integer::sum);
        }

        /** A question filed as not covered. */
        void notCovered(String question) {
            file(question, "");
        }

        /** Two wordings that read the same but were filed in different places decide nothing. */
        private void file(String question, String sectionId) {
            String wording = asked(question);
            if (!wording.isEmpty()) filed.merge(wording, sectionId, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
        }

        FiledQuestions build() {
            filed.values().removeIf(AMBIGUOUS::equals);
            return new FiledQuestions(filed, counts);
        }
    }

    /**
     * A question as visitors type it, for finding the very question staff filed: folded (case, accents,
     * curly quotes), contractions spelt out, and punctuation and spacing ignored, so "Should I tip my
     * therapist?" is the filed "should i tip my therapist".
     */
    public static String asked(String question) {
        return Words.asked(question);
    }

    /**
     * Where staff put this very question: the section's id, {@code ""} when filed as not covered, or null
     * when it is in neither (or in two places that disagree, such as a question filed as not covered that a
     * new section lists as its own).
     */
    public String sectionFor(String question) {
        String wording = asked(question);
        return wording.isEmpty() ? null : filed.get(wording);
    }

    /** How many questions staff wrote or filed for the section (alternates and visitors' questions). */
    public int count(String sectionId) {
        return counts.getOrDefault(sectionId, 0);
    }
}
