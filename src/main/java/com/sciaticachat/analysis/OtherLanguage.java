package com.sciaticachat.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the chat can read a message: it reads English and Spanish, and a message mostly in another language
 * (Tagalog, Vietnamese, Chinese...) may tell of an emergency in words it cannot see. A message is unread when it is
 * not Spanish by its small words and at least {@link #UNREAD_SHARE} of its words are in neither the English
 * dictionary ({@link EnglishWords}), one slip from a word of it ("masage"), nor the Spanish glossary
 * ({@link SpanishGloss}); a word in another script is never read.
 */
public final class OtherLanguage {
    /** The share of words the chat does not know from which it says it may not have understood. */
    static final double UNREAD_SHARE = 0.3;
    /** Fewer words than this are too few to judge ("hi po", a name). */
    static final int MIN_WORDS = 4;
    /** Words shorter than this are not read as a slip from an English word: too many short words of any language are. */
    private static final int MIN_MISSPELT = 6;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** A letter held down: three or more in a row. */
    private static final Pattern HELD = Pattern.compile("(\\p{L})\\1{2,}");
    /** A word one letter short of one of this many commonest English words is read as typed in a hurry. */
    private static final int COMMONEST = 300;
    /** Shorter words are not read as one letter short: too many two-letter words of any language are. */
    private static final int MIN_DROPPED = 3;
    private static final Pattern LATIN = Pattern.compile("[a-z]+");

    private OtherLanguage() {}

    /** A word long enough to tell that is one slip from an English word ("masage", "releese", "gentel"). */
    private static boolean misspelt(String w, EnglishWords english) {
        if (w.length() < MIN_MISSPELT) return false;
        String letters = "abcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i <= w.length(); i++) {
            String head = w.substring(0, i), tail = w.substring(i);
            if (i < w.length() && english.inDictionary(head + tail.substring(1))) return true;
            if (i + 1 < w.length() && english.inDictionary(head + tail.charAt(1) + tail.charAt(0) + tail.substring(2))) return true;
            for (int c = 0; c < letters.length(); c++) {
                char l = letters.charAt(c);
                if (i < w.length() && l != tail.charAt(0) && english.inDictionary(head + l + tail.substring(1))) return true;
                if (english.inDictionary(head + l + tail)) return true;
            }
        }
        return false;
    }

    /**
     * A short word typed the way phones and hurry type English: letters held down ("sooo", "pleeease") or one letter
     * dropped from one of the commonest English words ("wil", "nerv"; not "shud", two letters short of "should").
     * Short words of other languages are seldom one letter short of so common a word ("po", "ko", "sa", "ang").
     */
    private static boolean typed(String w, EnglishWords english) {
        String held = HELD.matcher(w).replaceAll("$1");
        if (!held.equals(w)) return english.inDictionary(held) || english.inDictionary(HELD.matcher(w).replaceAll("$1$1"));
        if (w.length() < MIN_DROPPED || w.length() >= MIN_MISSPELT) return false;
        for (int i = 0; i <= w.length(); i++) {
            for (char l = 'a'; l <= 'z'; l++) {
                if (english.among(w.substring(0, i) + l + w.substring(i), COMMONEST)) return true;
            }
        }
        return false;
    }

    /** Whether a message is mostly in words the chat cannot read: likely another language. */
    public static boolean likely(String message) {
        // texting shorthand ("rn", "u", "ppl") is English the chat reads
        String folded = Words.fold(Shorthand.get().forSearch(message));
        if (Language.guess(folded, Language.ENGLISH) == Language.SPANISH) return false;
        EnglishWords english = EnglishWords.get();
        SpanishGloss spanish = SpanishGloss.get();
        int words = 0, unknown = 0;
        Matcher m = WORD.matcher(folded);
        while (m.find()) {
            String w = m.group();
            if (!LATIN.matcher(w).matches()) {
                // another script: none of it is read, and one written without spaces ("我的腰很痛") counts by its letters
                words += w.length();
                unknown += w.length();
                continue;
            }
            if (w.length() < 2) continue;
            words++;
            if (!(english.inDictionary(w) || spanish.knows(w) || misspelt(w, english) || typed(w, english))) unknown++;
        }
        return words >= MIN_WORDS && unknown >= UNREAD_SHARE * words;
    }
}
