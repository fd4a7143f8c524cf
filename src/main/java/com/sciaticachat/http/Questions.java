package com.sciaticachat.http;

import java.util.regex.Pattern;

/** What a visitor's question is once the characters nobody sees are gone. */
final class Questions {
    /** Format characters (zero-width spaces and joiners, byte-order marks, direction marks) and unassigned or private code points. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Co}\\p{Cn}\\p{Cs}]");
    /**
     * Every kind of space and control character (non-breaking, ideographic, line separators, tabs), and the characters
     * that print as nothing though Unicode files them as letters or symbols: the Hangul fillers, the blank Braille
     * pattern, the object replacement character, and the replacement character a broken byte becomes.
     */
    private static final Pattern SPACE = Pattern.compile("[\\p{Z}\\p{Cc}\\u115F\\u1160\\u3164\\uFFA0\\u2800\\uFFFC\\uFFFD]+");
    /** Something a reader could take as a word: a letter, a digit or a symbol, not only combining marks. */
    private static final Pattern SOMETHING = Pattern.compile("[\\p{L}\\p{N}\\p{S}\\p{P}]");

    private Questions() {}

    /** The question with invisible characters removed and spaces collapsed; empty when nothing readable is left. */
    static String visible(String raw) {
        // a zero-width space parts words ("My name is\u200BJohn"): it becomes a space, where the other invisible characters go
        String s = SPACE.matcher(INVISIBLE.matcher(raw.replace('\u200B', ' ')).replaceAll("")).replaceAll(" ").strip();
        return SOMETHING.matcher(s).find() ? s : "";
    }
}
