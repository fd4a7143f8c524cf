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
        int es = 0, en = 0;
        for (String w : folded.split("[^a-z]+")) {
            if (SPANISH_WORDS.contains(w)) es++;
            if (ENGLISH_WORDS.contains(w)) en++;
        }
        return es > en ? SPANISH : en > es ? ENGLISH : otherwise;
    }

    /** The language with this code, or null. */
    public static Language of(String code) {
        for (Language l : values()) if (l.code.equals(code)) return l;
        return null;
    }
}
