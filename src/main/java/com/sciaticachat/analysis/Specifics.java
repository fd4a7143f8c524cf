package com.sciaticachat.analysis;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What kind of answer a question asks for, and whether a text can give it. A section that names a medicine or an
 * operation does not answer "how much gabapentin is too much?", "is a microdiscectomy or a laminectomy better?" or
 * "what are the risks of a laminectomy?" unless it gives an amount, a comparison or a risk, however near its words
 * are: the answer type, as question-answering systems have long read it, not the topic. Each type is told by the
 * question's form (closed-class words such as "how much", "versus", "side effects"), never by what it is about.
 */
public final class Specifics {

    /** The kinds of answer a question can ask for beyond "what is said about it". */
    public enum Kind {
        /**
         * An amount, a time, a count or a rate; not "how many kinds of massage are there", which a list answers. "dose"
         * alone is also how visitors misspell "does" and "those" ("dose it help", "press on dose knots"), so it counts only
         * as a noun.
         */
        QUANTITY("\\bhow (?:much|long|often|soon)\\b|\\bhow many\\b(?! (?:diff\\w*|kinds?|types?|sorts?|ways?|techniques?|methods?|styles?|options?|forms?|varieties|approaches|choices)\\b)|\\bdos(?:es|age|ages|ing)\\b|\\bdose of\\b"
                + "|\\b(?:the|a|what|which|right|correct|max|maximum|safe|daily|usual|normal|recommended|starting|my|his|her) dose\\b"
                + "|\\b(?:the|what'?s the|whats the) max(?:imum)?\\b|\\b\\d+ ?(?:mg|milligrams?|mcg)\\b|\\bmg\\b|\\bmilligrams?\\b|\\bpercent(?:age)?\\b|%|\\bsuccess rates?\\b|\\bhow likely\\b",
                "\\d|\\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|once|twice|several|few|couple|multiple|dozen"
                + "|daily|weekly|monthly|minutes?|hours?|days?|weeks?|months?|years?|percent)\\b"),
        /**
         * Which of two is better: a choice ("vs", "compared to", "than", "or") with a word that weighs it ("better",
         * "more effective", "prefer"; not "worse": "does it help or make it worse" asks whether, not which), in one
         * sentence. Two things named side by side without one ("MRI vs CT, what shows sciatica?", "ice vs heat, what
         * can I do at home?") ask for what is said about them; "better" after an article or in a list ("a better
         * chair or desk", "mobility or better sleep") is not a comparison either, nor a choice and a "better" in
         * different sentences ("a stick or a ball? And does it give better movement?").
         */
        COMPARISON("(?=[^.?!]*\\b(?:vs|versus|compared? (?:to|with)|than|or)\\b)"
                + "(?=[^.?!]*(?<!\\b(?:a|an|the|my|your|his|her|our|their|or|and|had|d) )(?<!\\bhad (?:i|we|you|they|he|she) )\\b(?:better|best|safer|more effective|more helpful|less painful"
                + "|works? more|do more|does more|prefer)\\b(?! or (?:is (?:it|that|this)|not)\\b))",
                "\\b(?:than|compared|versus|instead|rather|prefer\\w*|better|best|worse|whereas|unlike|alternatively)\\b"),
        /** Side effects, risks, complications or dangers of something. */
        RISK("\\bside ?effects?\\b|\\brisks?\\b|\\brisky\\b|\\bcomplications?\\b|\\bdangers?\\b|\\bdangerous\\b|\\bharmful\\b"
                + "|\\baddict(?:ed|ive|ion)\\b|\\bunsafe\\b",
                "\\b(?:risks?|risky|side ?effects?|safe|safely|unsafe|safety|dangers?|dangerous|harm\\w*|complications?|caution\\w*|careful"
                + "|avoid\\w*|aggravat\\w*|worsen\\w*|injur\\w*|bruis\\w*|sore\\w*|damag\\w*|precaution\\w*|contraindicat\\w*|addict\\w*"
                + "|drows\\w*|should not|do not|never)\\b"),
        /** A brand, or where to buy something ("if I buy a foam roller, how do I use it" asks how, not where). */
        PRODUCT("\\bbrands?\\b|\\bwhere (?:\\w+ ){0,3}(?:buy|purchase|order)\\b",
                "\\b(?:brands?|buy|bought|store|stores|shop|shops|pharmacy|pharmacies|purchase\\w*|online|sold|sells?)\\b"),
        /** A price, a fee, or whether insurance or an insurer pays ("I can't afford weekly sessions, can I do it myself?" asks how). */
        COST("\\bcosts?\\b|\\bcosting\\b|\\bprices?\\b|\\bpricing\\b|\\bpriced\\b|\\binsurance\\b|\\binsured\\b|\\bcovered by\\b|\\bcopay\\b"
                // "does Blue Cross cover massage?", "do y'all take Aetna?": an insurer named
                + "|\\b(?:blue ?cross|bcbs|aetna|cigna|humana|united ?health ?care|uhc|kaiser|anthem|ambetter|wellcare|molina)\\b"
                + "|\\bexpensive\\b|\\bcheap\\w*|\\$|\\bfees?\\b|\\bpay for\\b|\\b(?:medicare|medicaid|tricare|hsa|fsa)\\b",
                "\\$|\\d|\\b(?:costs?|prices?|pricing|fees?|insurance|insurer\\w*|covered|free|pay|paid|payment|dollars?|rates?|expensive|cheap\\w*"
                + "|afford\\w*)\\b");

        private final Pattern asks;
        private final Pattern gives;

        Kind(String asks, String gives) {
            this.asks = Pattern.compile(asks);
            this.gives = Pattern.compile(gives);
        }
    }

    private Specifics() {}

    /** What a price is weighed against, not asked for: "justify the cost", "worth the money". */
    private static final Pattern WEIGHED_COST = Pattern.compile(
            "\\b(?:justify(?:ing)?|justifies|worth)\\s+(?:the\\s+|its\\s+|my\\s+|all\\s+the\\s+)?(?:costs?|price|money|expense|\\$+)(?=\\W|$)");

    /**
     * The kinds of answer a question (folded or not) asks for; empty for "what is said about it". In a message of
     * several sentences only the ones that ask count ("I always thought of massage as an expensive treat. Does it help
     * sciatica?" asks whether it helps, not a price), and a cost weighed ("trying to justify the cost") is not a price asked.
     */
    public static Set<Kind> asked(String question) {
        String folded = WEIGHED_COST.matcher(AskingPart.asking(Words.fold(question))).replaceAll(" ");
        Set<Kind> out = EnumSet.noneOf(Kind.class);
        for (Kind k : Kind.values()) if (k.asks.matcher(folded).find()) out.add(k);
        return out;
    }

    /** Whether a text can give that kind of answer at all. */
    public static boolean gives(Kind kind, String text) {
        return kind.gives.matcher(Words.fold(text)).find();
    }

    /** The first kind of answer the question asks for that the text cannot give, or null when it can give them all. */
    public static Kind missing(String question, String text) {
        for (Kind k : asked(question)) if (!gives(k, text)) return k;
        return null;
    }
}
