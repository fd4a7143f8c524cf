package com.sciaticachat.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.chat.ChatService;
import com.sciaticachat.config.Config;
import com.sciaticachat.search.FiledQuestions;
import com.sciaticachat.search.Snapshot;
import com.sciaticachat.support.TestFiles;
import com.sciaticachat.support.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
    /** Filed in the training questions shipped with the chat under Symptoms. */
    private static final String FILED = "sore bum after sitting all day";

    @Test
    void a_filed_question_is_answered_by_an_index_without_its_own_copy() throws Exception {
        ChatService.Candidate served = TestServer.bundled().app.chat().trace(FILED).candidates().get(0);
        assertEquals("example", served.closestUnitKind(), "the service matches the filed question itself");
        assertEquals(FILED, served.closestUnitText());

        Path corpus = TestFiles.copyOf(TestFiles.bundledCorpus());
        EvalSet set = new EvalSet("one", List.of(new EvalSet.Case("tune", "lay", Set.of("symptoms"), FILED.toUpperCase(), 1),
                new EvalSet.Case("tune", "lay", Set.of("causes"), "what causes sciatica, in a wording nobody filed", 2)));
        CrossValidation cv = new CrossValidation(Config.defaults().withDirs(corpus, corpus.resolveSibling("index")), 5);
        assertEquals(1, cv.filed(set), "filed questions are found whatever their case");
        List<String> seen = new ArrayList<>();
        cv.forEachFold(set, (chat, cases) -> {
            for (EvalSet.Case c : cases) {
                ChatService.Candidate best = chat.trace(c.question()).candidates().get(0);
                seen.add(c.question());
                assertNotEquals(FILED, best.closestUnitText().toLowerCase(), "a fold never holds its own questions");
            }
        });
        assertEquals(2, seen.size(), "every question is answered once: " + seen);

        Evaluator.Report report = cv.evaluate(set);
        assertEquals(set.cases(), report.outcomes().stream().map(Evaluator.Outcome::c).toList(), "outcomes keep the set's order");
    }

    @Test
    void removing_a_fold_removes_every_copy_of_its_questions_and_keeps_the_rest() {
        // the chat finds a filed question whatever its case and punctuation, so every such copy must go;
        // a heading that reads like a question of the fold stays
        String bank = "# note\n[Symptoms]\nSore bum,  after sitting all day?\nwhy does my leg tingle\n[not covered]\nsore bum after sitting all day\n";
        assertEquals("# note\n[Symptoms]\nwhy does my leg tingle\n[not covered]\n",
                CrossValidation.without(bank, Set.of(FiledQuestions.asked(FILED), FiledQuestions.asked("Symptoms?"))));
    }

    @Test
    void a_sections_alternate_question_in_the_fold_is_left_out_of_the_markdown_too() {
        String markdown = "# Guide\n\n## Causes\n\n<!-- questions\n- What causes it?\n- why me\n-->\n\nText.\n";
        java.util.Set<String> seen = new java.util.HashSet<>();
        String without = CrossValidation.withoutAlternates(markdown, Set.of(FiledQuestions.asked("what causes it")), seen);
        assertTrue(!without.contains("What causes it?") && without.contains("- why me") && without.contains("-->\n\nText."), without);
        assertEquals(Set.of(FiledQuestions.asked("What causes it?"), FiledQuestions.asked("why me")), seen);
        assertEquals(markdown, CrossValidation.withoutAlternates(markdown, Set.of(), new java.util.HashSet<>()));
    }
}
