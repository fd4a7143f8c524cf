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
 * @param fix     what the staff console can do about it in one click, or null
 */
public record CorpusError(String file, int line, String message, boolean warning, Fix fix) {

    /**
     * A change that settles a warning: {@code action} is {@code drop-topic} (delete the topic line),
     * {@code move-filing} (file the question on the line under the section) or {@code refile-heading} (file
     * the questions under the heading on the line under a section staff pick).
     *
     * @param text      the line's topic, question or heading, as written
     * @param sectionId the section to file under, when known
     * @param title     that section's heading
     */
    public record Fix(String action, String text, String sectionId, String title) {}

    public CorpusError(String file, int line, String message) {
        this(file, line, message, false, null);
    }

    public static CorpusError warning(String file, int line, String message) {
        return new CorpusError(file, line, message, true, null);
    }

    public static CorpusError warning(String file, int line, String message, Fix fix) {
        return new CorpusError(file, line, message, true, fix);
    }

    /** {@code file:line: message}, the form editors and terminals link to. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ": " : file + ": ";
        return where + (warning ? "warning: " : "") + message;
    }
}
