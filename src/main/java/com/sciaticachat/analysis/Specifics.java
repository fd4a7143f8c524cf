package com.sciaticachat.analysis;

import java.util.regex.Pattern;

/**
 * Whether a question asks for a quantity (a dose, how long, how many, a rate) and whether a text gives one. A section
 * that names a medicine or an operation without an amount, a time or a number does not answer "how much gabapentin is
 * too much?" or "how long is recovery after a microdiscectomy?", however near its words are: the answer type, as
 * question-answering systems have long read it, not the topic.
 */
public final class Specifics {
    /**
     * The question forms that ask for an amount, a time, a count or a rate. "dose" alone is also how visitors
     * misspell "does" and "those" ("dose it help", "press on dose knots"), so it counts only as a noun.
     */
    private static final Pattern ASKS = Pattern.compile(
            "\\bhow (?:much|many|long|often|soon)\\b|\\bdos(?:es|age|ages|ing)\\b|\\bdose of\\b"
            + "|\\b(?:the|a|what|which|right|correct|max|maximum|safe|daily|usual|normal|recommended|starting|my|his|her) dose\\b"
            + "|\\b\\d+ ?(?:mg|milligrams?|mcg)\\b|\\bmg\\b|\\bmilligrams?\\b|\\bpercent(?:age)?\\b|%|\\bsuccess rates?\\b|\\bhow likely\\b");
    /** What an amount, a time or a count is written with. */
    private static final Pattern GIVES = Pattern.compile(
            "\\d|\\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|once|twice|several|few|couple|multiple|dozen"
            + "|daily|weekly|monthly|minutes?|hours?|days?|weeks?|months?|years?|percent)\\b");

    private Specifics() {}

    /** Whether a question (folded or not) asks for a quantity. */
    public static boolean asked(String question) {
        return ASKS.matcher(Words.fold(question)).find();
    }

    /** Whether a text gives any quantity at all. */
    public static boolean given(String text) {
        return GIVES.matcher(Words.fold(text)).find();
    }
}
