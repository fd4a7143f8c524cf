package com.sciaticachat.corpus;

/**
 * A mistake in a corpus file, said so that a non-programmer can find and fix it.
 *
 * <p>An error keeps its file out of what is served (its last good version serves instead); a warning
 * is something staff should look at that blocks nothing, such as questions filed under a heading the
 * guide no longer has.
 *
 * @param file    path as staff see it, e.g. {@code corpus/sciatica.md}
 * @param line    1-based line, or 0 when the mistake is about the whole file
 * @param message what is wrong and how to fix it, in plain words
 * @param warning true when it blocks nothing
 */
public record CorpusError(String file, int line, String message, boolean warning) {

    public CorpusError(String file, int line, String message) {
        this(file, line, message, false);
    }

    public static CorpusError warning(String file, int line, String message) {
        return new CorpusError(file, line, message, true);
    }

    /** {@code file:line: message}, the form editors and terminals link to. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ": " : file + ": ";
        return where + (warning ? "warning: " : "") + message;
    }
}
