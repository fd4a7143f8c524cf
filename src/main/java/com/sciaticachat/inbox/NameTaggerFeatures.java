package com.sciaticachat.inbox;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * For {@code src/fit/name_tagger.py}: each line of the privacy sets as {@link Names} reads it and as the rules alone
 * scrub it ({@code L, file, line, kind, text, scrubbed}), then each word the tagger is asked about with where it stands and what
 * {@link NameTagger} reads of it ({@code W, file, line, start, end, word, features}; tabs between, U+001F between
 * features), so the fit and the service read words the same way.
 */
public final class NameTaggerFeatures {
    private NameTaggerFeatures() {}

    public static void main(String[] files) throws IOException {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        for (String file : files) {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] cols = line.split("\t");
                String text = Pii.beforeNames(cols[1]);
                out.println("L\t" + Path.of(file).getFileName() + "\t" + (n + 1) + "\t" + cols[0] + "\t" + text + "\t" + Pii.scrub(cols[1], false));
                List<NameTagger.Word> words = NameTagger.words(text);
                for (int i = 0; i < words.size(); i++) {
                    NameTagger.Word w = words.get(i);
                    if (!NameTagger.candidate(w)) continue;
                    out.println("W\t" + Path.of(file).getFileName() + "\t" + (n + 1) + "\t" + w.start() + "\t" + w.end() + "\t" + w.text() + "\t"
                            + String.join("\u001f", NameTagger.features(text, NameTagger.textCase(text), words, i)));
                }
            }
        }
        out.flush();
    }
}
