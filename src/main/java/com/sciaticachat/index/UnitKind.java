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
    /** A topic the guide does not cover (from the staff's out-of-scope list); belongs to no section. */
    OUT_OF_SCOPE,
    /** A settings file stored with the index. */
    META;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UnitKind of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
