package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.Application;
import com.sciaticachat.config.Config;
import com.sciaticachat.corpus.CorpusError;
import com.sciaticachat.corpus.CorpusException;
import com.sciaticachat.support.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A clinic's edit to safety.yml that would let known red flags through, or alarm on calm messages, is refused. */
class SafetyGateTest {

    private static List<CorpusError> check(String from, String to) throws Exception {
        Path corpus = TestFiles.copyOf(TestFiles.bundledCorpus());
        Path file = corpus.resolve(SafetyRules.FILE_NAME);
        String text = Files.readString(file);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to));
        try {
            Application.corpusReader(Config.defaults()).read(corpus);
            return List.of();
        } catch (CorpusException e) {
            return e.errors();
        }
    }

    @Test
    void the_shipped_rules_pass() throws Exception {
        assertTrue(check("red_flags:", "red_flags:").isEmpty());
    }

    @Test
    void deleting_a_sign_the_chat_knows_is_refused_with_its_name() throws Exception {
        List<CorpusError> errors = check("  - id: saddle-numbness", "  - id: saddle-numbness-old");
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("'saddle-numbness' is missing")), errors.toString());
        // told at the list it belongs in, and every finding at a line staff can open
        assertEquals(lineOf("  - id: bladder-bowel-control"), errors.stream().filter(e -> e.message().contains("is missing")).findFirst().orElseThrow().line());
        assertTrue(errors.stream().allMatch(e -> e.line() > 0), errors.toString());
    }

    @Test
    void a_rule_that_alarms_on_everyday_words_is_refused() throws Exception {
        List<CorpusError> errors = check("      - cauda equina\n", "      - cauda equina\n      - sciatica\n      - massage\n      - pain\n");
        // everyday words under an emergency sign either alarm calm messages or pull other signs' red flags to the wrong level
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("calm messages would raise the alarm")
                || e.message().contains("red flags would alarm at their level")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.message().contains("the change was refused")), errors.toString());
        assertTrue(errors.stream().allMatch(e -> e.line() > 0), errors.toString());
        // what it breaks is told at the rule that was edited, not at the rules whose phrasings it pulls to its level
        int rule = lineOf("  - id: cauda-equina");
        errors.forEach(e -> {
            assertEquals(rule, e.line(), e.toString());
            assertTrue(e.message().contains("look first at the red flag 'cauda-equina'"), e.toString());
        });
    }

    /** The line of the shipped file's first line starting with this text, counted from 1. */
    private static int lineOf(String start) throws Exception {
        List<String> lines = Files.readAllLines(TestFiles.bundledCorpus().resolve(SafetyRules.FILE_NAME));
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(start)) return i + 1;
        throw new AssertionError(start);
    }
}
