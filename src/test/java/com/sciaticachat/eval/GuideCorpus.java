package com.sciaticachat.eval;

import com.sciaticachat.support.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A copy of the clinic's fixture corpus with guides of {@code src/test/resources/guides} added, nothing else touched, and
 * one round of those guides' questions in a file beside it.
 */
record GuideCorpus(Path corpus, Path questions) {

    /**
     * @param round    the question files' ending, e.g. {@code .questions-r11.tsv}
     * @param offTopic whether the off-topic questions are kept
     */
    static GuideCorpus of(List<String> guides, String round, boolean offTopic) throws Exception {
        Path corpus = TestFiles.copyOf(TestFiles.bundledCorpus());
        StringBuilder questions = new StringBuilder();
        for (String g : guides) {
            Path guide = Path.of(GuideCorpus.class.getResource("/guides/" + g + ".md").toURI());
            Files.copy(guide, corpus.resolve(g + ".md"));
            for (String line : Files.readAllLines(guide.resolveSibling(g + round), StandardCharsets.UTF_8)) {
                if (!line.startsWith("#") && !line.isBlank() && (offTopic || !line.contains("\tofftopic\t"))) {
                    questions.append(line).append('\n');
                }
            }
        }
        Path file = corpus.resolveSibling("questions.tsv");
        Files.writeString(file, questions, StandardCharsets.UTF_8);
        return new GuideCorpus(corpus, file);
    }
}
