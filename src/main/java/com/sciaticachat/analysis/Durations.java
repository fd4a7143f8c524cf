package com.sciaticachat.analysis;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lengths of time a text names, in minutes, however it spells them: "an hour", "60-minute", "1 hr",
 * "ninety minutes", "an hour and a half", "half an hour". A price list or a timetable lists items that differ
 * only in their length, so a question's length picks the item that answers it ("how much is an hour massage"
 * is answered by "60-minute massage: $90", not by the first item).
 */
public final class Durations {
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("ten", 10), Map.entry("fifteen", 15), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("forty-five", 45), Map.entry("forty five", 45), Map.entry("fifty", 50),
            Map.entry("sixty", 60), Map.entry("seventy-five", 75), Map.entry("seventy five", 75), Map.entry("ninety", 90),
            Map.entry("a", 1), Map.entry("an", 1));
    private static final String NUMBER = "(\\d+(?:[.,]\\d+)?|(?:one|two|three|four|five|ten|fifteen|twenty|thirty|forty(?:[- ]five)?|fifty|sixty|"
            + "seventy(?:[- ]five)?|ninety|an?))";
    /** "an hour and a half", "1 hour 30 minutes", "1.5 hours", "90-minute", "half an hour", "half-hour", "hour-long". */
    private static final Pattern HOUR_AND_A_HALF = Pattern.compile("\\b(?:an?|one|1)\\s*(?:-\\s*)?(?:hour|hr)s?\\s+and\\s+(?:a\\s+)?half\\b"
            + "|\\b(?:1\\.5|1,5|one and a half|1 1/2|1½)\\s*-?\\s*(?:hours?|hrs?)\\b|\\b(?:an?|one|1)\\s*(?:hour|hr)s?\\s*(?:and\\s+)?30\\s*(?:minutes?|mins?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern HALF_HOUR = Pattern.compile("\\bhalf\\s*(?:an?\\s+|-\\s*)?(?:hour|hr)\\b", Pattern.CASE_INSENSITIVE);
    /** A bare "h" only after digits ("1h", "2 h"): "Ah kin" is no hour. */
    private static final Pattern AMOUNT = Pattern.compile("\\b" + NUMBER + "\\s*-?\\s*(minutes?|mins?|min|hours?|hrs?|hr|(?<=\\d\\s?)h)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_HOUR = Pattern.compile("\\b(?:full|whole|hour-long|hour long)\\s*(?:hour)?\\b|\\bhour[- ]long\\b");

    private Durations() {}

    /** The lengths named in {@code text}, in minutes, in the order they come. */
    public static Set<Integer> minutes(String text) {
        String s = text.toLowerCase(Locale.ROOT).replace('–', '-');
        Set<Integer> out = new LinkedHashSet<>();
        Matcher m = HOUR_AND_A_HALF.matcher(s);
        while (m.find()) out.add(90);
        s = m.replaceAll(" ");
        m = HALF_HOUR.matcher(s);
        while (m.find()) out.add(30);
        s = m.replaceAll(" ");
        m = AMOUNT.matcher(s);
        while (m.find()) {
            Double n = number(m.group(1));
            if (n == null) continue;
            boolean hours = m.group(2).startsWith("h");
            out.add((int) Math.round(hours ? n * 60 : n));
        }
        s = m.replaceAll(" ");
        if (BARE_HOUR.matcher(s).find()) out.add(60);
        return out;
    }

    /**
     * The text with each length of time told in hours spelt in minutes ("how much is an hour massage" → "how much is
     * 60 minutes massage", "half an hour" → "30 minutes"), the unit price lists and timetables use ("60-minute massage"),
     * so that the question finds the item by its length and not by the word "hours" of "Opening Hours". Lengths in
     * minutes, "hours" with no amount ("how many hours are you open") and more than two hours ("I drive ten hours a day")
     * stay as they are.
     */
    public static String inMinutes(String text) {
        String s = text.replace('–', '-');
        s = HOUR_AND_A_HALF.matcher(s).replaceAll("90 minutes");
        s = HALF_HOUR.matcher(s).replaceAll("30 minutes");
        Matcher m = AMOUNT.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            Double n = number(m.group(1).toLowerCase(Locale.ROOT));
            boolean hours = unit.startsWith("h");
            // a session's length, not a day's sitting ("I drive ten hours a day" stays)
            String spelt = !hours || n == null || n > 2 ? m.group() : Math.round(n * 60) + " minutes";
            m.appendReplacement(out, Matcher.quoteReplacement(spelt));
        }
        m.appendTail(out);
        s = FULL_HOUR.matcher(out.toString()).replaceAll("60 minutes");
        return s.equals(text) ? text : s.replaceAll(" {2,}", " ").strip();
    }

    /** "hour-long", "full hour" (not "full" alone, which {@link #BARE_HOUR} also counts when no other length is named). */
    private static final Pattern FULL_HOUR = Pattern.compile("\\b(?:full|whole)\\s+hour\\b|\\bhour[- ]long\\b", Pattern.CASE_INSENSITIVE);

    private static Double number(String word) {
        Integer n = NUMBER_WORDS.get(word);
        if (n != null) return n.doubleValue();
        try {
            return Double.parseDouble(word.replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
