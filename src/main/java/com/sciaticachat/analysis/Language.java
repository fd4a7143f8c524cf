package com.sciaticachat.analysis;

/** The languages the chat speaks to a visitor: its own sentences and the safety file's, where it has them. */
public enum Language {
    ENGLISH("en"), SPANISH("es");

    /** As the API and the widget name it. */
    public final String code;

    Language(String code) {
        this.code = code;
    }

    /** The language with this code, or null. */
    public static Language of(String code) {
        for (Language l : values()) if (l.code.equals(code)) return l;
        return null;
    }
}
