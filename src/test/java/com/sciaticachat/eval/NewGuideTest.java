package com.sciaticachat.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.Application;
import com.sciaticachat.config.Config;
import com.sciaticachat.search.Scorer;
import com.sciaticachat.support.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Guides nobody filed questions for, added to the clinic's corpus with nothing else touched, answer their
 * visitors' questions. The questions are round 1 of each guide's blind set (already seen while building the
 * change, so a regression guard, not a measurement: round 2 is the measurement, in docs/new-guides.md).
 */
class NewGuideTest {
    static final List<String> GUIDES = List.of("neck-pain", "pregnancy-massage", "first-visit", "after-care");
    /**
     * With the four guides added together, 51 of round 1's 80 questions (63.8%) are answered right first
     * (54 before the ranking was fitted on development guides, which answers each guide added alone better);
     * scoring on filings alone answered 22 (27.5%), even with each guide added alone. Three questions below
     * (60%) fails: sections without filings are being pushed aside again.
     */
    static final double MIN_TOP1 = 0.60;
    /** 75 of them (93.8%) have the right section in the top 3; seven questions fewer (85%) fails. */
    static final double MIN_TOP3 = 0.85;

    @Test
    void four_guides_nobody_filed_questions_for_answer_their_visitors() throws Exception {
        Path corpus = TestFiles.copyOf(TestFiles.bundledCorpus());
        StringBuilder questions = new StringBuilder();
        for (String g : GUIDES) {
            Path guide = Path.of(NewGuideTest.class.getResource("/guides/" + g + ".md").toURI());
            Files.copy(guide, corpus.resolve(g + ".md"));
            for (String line : Files.readAllLines(guide.resolveSibling(g + ".questions.tsv"), StandardCharsets.UTF_8)) {
                if (!line.startsWith("#") && !line.isBlank() && !line.contains("\tofftopic\t")) questions.append(line).append('\n');
            }
        }
        Path file = corpus.resolveSibling("questions.tsv");
        Files.writeString(file, questions, StandardCharsets.UTF_8);
        EvalSet set = EvalSet.read(file);
        assertEquals(80, set.cases().size(), "20 questions per guide");
        CrossValidation cv = new CrossValidation(Config.defaults().withDirs(corpus, corpus.resolveSibling("index")), CrossValidation.DEFAULT_FOLDS);
        Evaluator.Report report = cv.evaluate(set);
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        Evaluator.print(report, "four new guides", new PrintStream(table, true, StandardCharsets.UTF_8));
        String shown = table.toString(StandardCharsets.UTF_8);
        System.out.println(shown);
        assertTrue(report.inDomainTop1() >= MIN_TOP1, "right first " + report.inDomainTop1() + "\n" + shown);
        assertTrue(report.inDomainTop3() >= MIN_TOP3, "top 3 " + report.inDomainTop3() + "\n" + shown);
    }

    @Test
    void a_question_naming_a_new_guides_subject_leans_to_that_guide_over_a_filed_question_of_the_same_shape() throws Exception {
        Path corpus = TestFiles.copyOf(TestFiles.bundledCorpus());
        Files.copy(Path.of(NewGuideTest.class.getResource("/guides/neck-pain.md").toURI()), corpus.resolve("neck-pain.md"));
        try (Application app = Application.open(Config.defaults().withDirs(corpus, corpus.resolveSibling("index")))) {
            // the sciatica guide has a filed "should i put ice or heat on my back"; only the neck guide says "neck"
            List<Scorer.Ranked> ranked = app.chat().trace("ice or heat for a sore neck, which one?").scored().ranked();
            Scorer.Ranked neck = ranked.stream().filter(r -> r.sectionId().equals("neck-pain/self-care-between-visits")).findFirst().orElseThrow();
            Scorer.Ranked sciatica = ranked.stream().filter(r -> r.sectionId().startsWith("massage-for-sciatic-pain/")).findFirst().orElseThrow();
            assertTrue(neck.features().documentCoverage() > sciatica.features().documentCoverage(),
                    neck.features() + " against " + sciatica.features());
            assertEquals(1.0, neck.features().documentCoverage(), 1e-9, "every word of the question is in the neck guide");
            assertEquals("neck-pain/self-care-between-visits", ranked.get(0).sectionId());
        }
    }

    @Test
    void development_guides_question_files_are_paired_with_the_guide_beside_them() throws Exception {
        Path guides = Path.of(NewGuideTest.class.getResource("/guides/neck-pain.md").toURI()).getParent();
        var byGuide = RankingFit.byGuide(List.of(guides.resolve("neck-pain.questions.tsv"), guides.resolve("neck-pain.questions-r2.tsv"),
                guides.resolve("after-care.questions.tsv")));
        assertEquals(List.of(guides.resolve("after-care.md"), guides.resolve("neck-pain.md")), List.copyOf(byGuide.keySet()));
        assertEquals(2, byGuide.get(guides.resolve("neck-pain.md")).size());
        IOException unpaired = assertThrows(IOException.class, () -> RankingFit.byGuide(List.of(guides.resolve("nowhere.questions.tsv"))));
        assertTrue(unpaired.getMessage().contains("no guide"), unpaired.getMessage());
        assertThrows(IOException.class, () -> RankingFit.byGuide(List.of(guides.resolve("neck-pain.md"))));
    }

    @Test
    void the_fit_strips_every_other_heading_of_its_alternates_and_filings() {
        String markdown = """
                # Guide

                <!-- questions
                - what is it?
                -->

                Intro.

                ## Causes {#causes}

                <!-- questions
                - why?
                -->

                Text.
                """;
        Set<String> stripped = new HashSet<>();
        String first = RankingFit.strip(markdown, 0, stripped);
        assertFalse(first.contains("what is it?"), first);
        assertTrue(first.contains("why?") && first.contains("Intro.") && first.contains("## Causes {#causes}"), first);
        assertEquals(Set.of("Guide"), stripped);
        Set<String> other = new HashSet<>();
        String second = RankingFit.strip(markdown, 1, other);
        assertTrue(second.contains("what is it?") && !second.contains("why?"), second);
        assertEquals(Set.of("Causes"), other);

        String training = "[Guide]\nwhat is it really\n[Causes]\nwhy though\n[not covered]\nprices\n";
        String kept = RankingFit.withoutHeadings(training, Set.of("Causes"));
        assertTrue(kept.contains("what is it really") && kept.contains("prices"), kept);
        assertFalse(kept.contains("why though"), kept);
    }
}
