package com.sciaticachat.safety;

import java.util.List;
import java.util.Set;

/**
 * A measurement told as a number in its normal range, read as what it is: a finding that denies the sign it measures.
 * "Temperature is 36.8", "checked with the thermometer, 98.4": no fever. One of the readings {@link Denials} sets aside.
 * A reading of 37.5 °C or 99.5 °F and above is left for the detector to read: a low-grade fever is still a fever.
 */
final class NormalFindings {
    /** Words that say a number is a body temperature. */
    private static final Set<String> TEMPERATURE = Set.of("temp", "temps", "temperature", "temperatures", "thermometer", "degrees",
            "degree", "deg", "\u00b0", "\u00b0c", "\u00b0f", "celsius", "fahrenheit");
    /** Words that join clauses: the clause a reading is told in starts after them ("I wet myself and my temp is 36.9"). */
    private static final Set<String> JOINS = Set.of("and", "but", "so", "because", "though", "although", "while", "whereas", "yet",
            "plus", "also", "however", "except");
    /** How many words may stand between the number and the word that says it is a temperature. */
    private static final int NEAR = 6;
    /** Normal body temperature: at least the first, below the second (°C, then °F). */
    private static final double[] CELSIUS = {35.0, 37.5};
    private static final double[] FAHRENHEIT = {95.0, 99.5};

    private NormalFindings() {}

    /** Marks in {@code drop} each clause that tells a body temperature in the normal range; whether any was marked. */
    static boolean mark(List<String> tokens, boolean[] drop) {
        boolean any = false;
        for (int i = 0; i < tokens.size(); i++) {
            int last = numberEnd(tokens, i);
            if (last < 0) continue;
            double value = value(tokens, i, last);
            boolean celsius = value >= CELSIUS[0] && value < CELSIUS[1], fahrenheit = value >= FAHRENHEIT[0] && value < FAHRENHEIT[1];
            int word = temperatureWord(tokens, i, last);
            if ((celsius || fahrenheit) && word >= 0) {
                int from = Math.min(word, i), to = Math.max(word, last);
                while (to + 1 < tokens.size() && TEMPERATURE.contains(tokens.get(to + 1))) to++;
                from = Tokens.clauseStart(tokens, from, JOINS);
                for (int k = from; k <= to; k++) drop[k] = true;
                any = true;
            }
            i = last;
        }
        return any;
    }

    /** Where a number that starts at {@code at} ends ("36", "36 . 8", "98f"), or -1 when no number starts there. */
    private static int numberEnd(List<String> tokens, int at) {
        if (!tokens.get(at).matches("\\d{2,3}(\u00b0?[cf])?")) return -1;
        if (at + 2 < tokens.size() && tokens.get(at + 1).equals(".") && tokens.get(at + 2).matches("\\d{1,2}(\u00b0?[cf])?")) return at + 2;
        return at;
    }

    private static double value(List<String> tokens, int from, int last) {
        String digits = tokens.get(from).replaceAll("[^0-9]", "");
        if (last > from) digits += "." + tokens.get(last).replaceAll("[^0-9]", "");
        return Double.parseDouble(digits);
    }

    /**
     * The word within {@link #NEAR} words of the number, in its sentence, that says it is a temperature ("temp", "the
     * thermometer", "°F"), the number's own unit included; -1 when none.
     */
    private static int temperatureWord(List<String> tokens, int from, int last) {
        if (tokens.get(from).matches(".*[cf]") || tokens.get(last).matches(".*[cf]")) return last;
        for (int k = from - 1, words = 0; k >= 0 && words < NEAR && !Tokens.isSentenceEnd(tokens.get(k)); k--, words++) {
            if (TEMPERATURE.contains(Tokens.bare(tokens.get(k)))) return k;
        }
        for (int k = last + 1, words = 0; k < tokens.size() && words < NEAR && !Tokens.isSentenceEnd(tokens.get(k)); k++, words++) {
            if (TEMPERATURE.contains(Tokens.bare(tokens.get(k)))) return k;
        }
        return -1;
    }
}
