package com.sciaticachat.index;

import java.util.Locale;

/** What a unit of the index is. */
public enum UnitKind {
    /** A whole section as a visitor reads it (a {@code ##} section includes its {@code ###} children). */
    SECTION,
    /** Only the section's headings: short questions like "causes?" match these best. */
    HEADING,
    /** One list item ("Piriformis Syndrome: ..."): the finest thing a question can be about. */
    ITEM,
    /** An alternate question staff wrote for the section. */
    QUESTION,
    /** A question a visitor asked, filed by staff under this section ({@code visitor-questions.txt}): matched, never shown. */
    EXAMPLE,
    /** A topic the guide does not cover (from the staff's out-of-scope list); belongs to no section. */
    OUT_OF_SCOPE,
    /** A visitor's question staff filed under {@code [not covered]}; belongs to no section. */
    NOT_COVERED,
    /**
     * A heading, item or sentence of a section that has few questions filed for it, standing in for them:
     * the votes and the learnt model then know the section from its own words, so a new document is not
     * pushed aside only because nobody has filed questions for it yet. Never counts as a filing.
     */
    PROXY,
    /**
     * One sentence of a section under its headings, for every section alike: how near a question comes to
     * what the section itself says, whether or not anyone has filed questions for it. Vector only (the
     * section's text already serves BM25).
     */
    SENTENCE,
    /** A settings file stored with the index. */
    META;

    /**
     * Whether the unit is a question (an alternate, a visitor's question, or one filed as not covered):
     * most of an index, reached by k-NN; the other units are compared with every question.
     */
    public boolean isQuestion() {
        return this == QUESTION || this == EXAMPLE || this == NOT_COVERED || this == PROXY;
    }

    /** Whether the unit is about something the guide does not cover. */
    public boolean notCovered() {
        return this == OUT_OF_SCOPE || this == NOT_COVERED;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UnitKind of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
