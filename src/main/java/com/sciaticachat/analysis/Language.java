package com.sciaticachat.analysis;

import java.util.Set;

/** The languages the chat speaks to a visitor: its own sentences and the safety file's, where it has them. */
public enum Language {
    ENGLISH("en"), SPANISH("es");

    /** As the API and the widget name it. */
    public final String code;

    Language(String code) {
        this.code = code;
    }

    private static final Set<String> SPANISH_WORDS = Set.of("de", "la", "el", "que", "y", "en", "los", "las", "por", "con", "para", "una",
            "un", "mi", "se", "lo", "le", "es", "esta", "tengo", "pero", "muy", "mas", "ya", "del", "al", "como", "porque", "cuando",
            "desde", "hace", "puedo", "tiene", "duele", "estoy", "yo", "su", "sin", "nada");
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "to", "of", "my", "is", "i", "it", "in", "for", "have", "with",
            "but", "that", "this", "was", "on", "at", "be", "are", "you", "can", "do", "not", "has", "had", "am", "been", "since");

    /** The language a folded text is written in, as far as its small words tell: Spanish when it has more of Spanish's. */
    public static Language guess(String folded, Language otherwise) {
        int es = count(folded, SPANISH_WORDS), en = count(folded, ENGLISH_WORDS);
        return es > en ? SPANISH : en > es ? ENGLISH : otherwise;
    }

    private static int count(String folded, Set<String> words) {
        int n = 0;
        for (String w : folded.split("[^a-z]+")) if (words.contains(w)) n++;
        return n;
    }

    /**
     * Whether a folded text is clearly Spanish: at least two of Spanish's small words and more than twice English's, and
     * more of its words Spanish than English (a word both languages have counts for neither), so that a name ("Maria de
     * la Cruz here, what causes sciatica?") does not turn an English message.
     */
    public static boolean clearlySpanish(String folded) {
        int es = count(folded, SPANISH_WORDS), en = count(folded, ENGLISH_WORDS);
        if (es < 2 || es <= 2 * en) return false;
        EnglishWords english = EnglishWords.get();
        SpanishGloss spanish = SpanishGloss.get();
        int spanishWords = 0, englishWords = 0;
        for (String w : folded.split("[^a-z]+")) {
            if (w.isEmpty()) continue;
            boolean isSpanish = SPANISH_WORDS.contains(w) || spanish.knows(w), isEnglish = ENGLISH_WORDS.contains(w) || english.inDictionary(w);
            if (isSpanish && !isEnglish) spanishWords++;
            if (isEnglish && !isSpanish) englishWords++;
        }
        return spanishWords > englishWords;
    }

    /** The language with this code, or null. */
    public static Language of(String code) {
        for (Language l : values()) if (l.code.equals(code)) return l;
        return null;
    }
}
