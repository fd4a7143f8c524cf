package com.sciaticachat.corpus;

/**
 * A mistake in a corpus file, said so that a non-programmer can find and fix it.
 *
 * @param file    path as staff see it, e.g. {@code corpus/sciatica.md}
 * @param line    1-based line, or 0 when the mistake is about the whole file
 * @param message what is wrong and how to fix it, in plain words
 */
public record CorpusError(String file, int line, String message) {

    /** {@code file:line: message}, the form editors and terminals link to. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
