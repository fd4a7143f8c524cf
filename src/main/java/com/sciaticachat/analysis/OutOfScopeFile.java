package com.sciaticachat.analysis;

import com.sciaticachat.corpus.CorpusError;
import java.util.ArrayList;
import java.util.List;

/**
 * The staff's list of topics the guide does not cover ({@code corpus/out-of-scope.txt}): one topic per
 * line, in plain words; {@code #} starts a note. Each topic is embedded like a section, and its words the
 * corpus does not use count as clearly off-topic words in a question.
 */
public final class OutOfScopeFile {
    public static final String FILE_NAME = "out-of-scope.txt";
    static final int MAX_LENGTH = 200;

    private OutOfScopeFile() {}

    /** One topic as written, and its line (1-based). */
    public record Topic(String text, int line) {}

    public static List<String> topics(String text) {
        return lines(text).stream().map(Topic::text).toList();
    }

    /** The topics with their lines: blank lines and notes are not topics. */
    public static List<Topic> lines(String text) {
        List<Topic> out = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (!t.isEmpty() && !t.startsWith("#")) out.add(new Topic(t, i + 1));
        }
        return out;
    }

    public static List<CorpusError> validate(String shownPath, String text) {
        List<CorpusError> errors = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            if (t.length() > MAX_LENGTH) {
                errors.add(new CorpusError(shownPath, i + 1, "a topic is a short phrase (at most " + MAX_LENGTH + " characters)"));
            } else if (Words.split(t).isEmpty()) {
                errors.add(new CorpusError(shownPath, i + 1, "this topic has no words"));
            }
        }
        return errors;
    }
}
