package com.sciaticachat.index;

/**
 * Field names of the index, in one place. Every Lucene document is one <em>unit</em>: something a
 * question can match (a section, its heading, one list item, an alternate question staff wrote, a
 * visitor's question staff filed under a section, or a topic the guide does not cover), or
 * one <em>meta</em> document carrying a settings file, so that an index generation is self-contained.
 */
public final class Fields {
    private Fields() {}

    /** Unique id of a unit. Stored (for explanations), a keyword, and doc values so ties sort the same way every time. */
    public static final String UNIT_ID = "unit_id";
    /** The section a unit belongs to. Stored and doc values: hits are grouped into sections by it. */
    public static final String SECTION_ID = "section_id";
    /** section | heading | item | sentence | question | example | proxy | out_of_scope | not_covered | meta. Stored keyword: what matched decides the highlights. */
    public static final String KIND = "kind";
    /** The unit's headings (its section's path without the document title, then an item's label). Tokenized, not stored; boosted. */
    public static final String TITLE = "title";
    /** The unit's text. Tokenized for BM25; not stored here (see {@link #TEXT}). */
    public static final String BODY = "body";
    /** An alternate or visitor question's words. Tokenized separately so its short length does not distort {@link #BODY}'s statistics. */
    public static final String QUESTION = "question";
    /** The unit's plain text, stored only: shown as the matched text and used for highlights. */
    public static final String TEXT = "text";
    /** all-MiniLM-L6-v2 embedding of the unit, unit length, compared by dot product (= cosine). Indexed for k-NN, not stored. */
    public static final String VECTOR = "vector";
    /**
     * SHA-256 of the exact text the unit's vector was computed from. Stored only: a rebuild reuses the
     * vectors of texts that did not change, so a staff edit does not re-embed the whole corpus.
     */
    public static final String EMBEDDED = "embedded";
    /** On section units only: the JSON of the answer a visitor reads ({@link SectionRecord}). Stored only. */
    public static final String RECORD = "record";
    /**
     * On meta documents: a corpus file's path in the folder (keyword) and its text as used (stored): the
     * settings files, and every file's last good version.
     */
    public static final String META_NAME = "meta_name";
    public static final String META_TEXT = "meta_text";
    /** The meta document holding renamed sections' former names (JSON); a name no corpus file can have. */
    public static final String META_ALIASES = ".aliases";

    /** Commit user data: what the index was built from and with. */
    public static final String COMMIT_SCHEMA = "schema";
    public static final String COMMIT_FINGERPRINT = "fingerprint";
    public static final String COMMIT_MODEL = "model";
    public static final String COMMIT_BUILT_AT = "built_at";
    public static final String COMMIT_DOCUMENTS = "documents";
    public static final String COMMIT_SECTIONS = "sections";
    /** The mistakes and warnings the read that made this commit reported (JSON), restored at a restart. */
    public static final String COMMIT_NOTES = "notes";

    /** Bumped whenever fields or units change: an index of another schema is rebuilt, never misread. */
    public static final String SCHEMA_VERSION = "10";

    /** The schema an index is written with: the fields' version and the analysis's. */
    public static String schema() {
        return SCHEMA_VERSION + "/" + com.sciaticachat.analysis.Analyzers.VERSION;
    }
}
