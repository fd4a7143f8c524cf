package com.sciaticachat.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VisitorQuestionsFileTest {
    private static final String GUIDE = """
            # Clinic Guide

            What the clinic offers.

            ## Parking

            Leave your car in the lot behind the building.

            ## Gift Cards

            Gift cards are sold at the front desk.

            ### How Gift Cards Work

            One card, any treatment.
            """;

    private static Corpus corpus() throws CorpusException {
        MarkdownParser.Result r = new MarkdownParser("Clinic").parse("corpus/guide.md", "guide", GUIDE.getBytes());
        assertTrue(r.ok(), r.errors().toString());
        return new Corpus(List.of(r.document()), Map.of(), "", "corpus");
    }

    @Test
    void questions_are_filed_under_the_heading_above_them_and_notes_are_skipped() {
        List<VisitorQuestionsFile.Entry> entries = VisitorQuestionsFile.entries("""
                # where visitors' questions go
                where do i leave my car
                [Parking]
                  where do i leave my car  

                [not covered]
                do you sell vitamins
                """);
        assertEquals(List.of(new VisitorQuestionsFile.Entry("Parking", "where do i leave my car", 4),
                new VisitorQuestionsFile.Entry("not covered", "do you sell vitamins", 7)), entries);
        assertTrue(VisitorQuestionsFile.isNotCovered(entries.get(1).heading()));
        assertTrue(VisitorQuestionsFile.isNotCovered("Not  Covered"));
    }

    @Test
    void a_heading_names_a_section_by_its_text_its_id_or_for_the_opening_section_the_guide_title() throws Exception {
        Map<String, String> names = VisitorQuestionsFile.sectionNames(corpus());
        assertEquals("guide/parking", VisitorQuestionsFile.sectionOf(names, "Parking"));
        assertEquals("guide/parking", VisitorQuestionsFile.sectionOf(names, "guide/parking"));
        assertEquals("guide/how-gift-cards-work", VisitorQuestionsFile.sectionOf(names, "how gift cards work"));
        assertEquals("guide/intro", VisitorQuestionsFile.sectionOf(names, "Clinic Guide"));
        assertNull(VisitorQuestionsFile.sectionOf(names, "Opening Hours"));
    }

    @Test
    void every_mistake_is_named_with_its_line_and_what_to_do() throws Exception {
        List<CorpusError> errors = VisitorQuestionsFile.validate("corpus/visitor-questions.txt", """
                where do i leave my car
                [Parking]
                where do i leave my car
                [Opening Hours]
                when do you open
                []
                [Gift Cards] what do they cost
                [Parking]
                Where do I  leave my car
                """, corpus());
        assertEquals(List.of(1, 4, 6, 7, 9), errors.stream().map(CorpusError::line).toList(), errors.toString());
        assertTrue(errors.stream().allMatch(e -> e.file().equals("corpus/visitor-questions.txt")));
        assertTrue(errors.get(0).message().contains("no heading above it"), errors.get(0).message());
        assertTrue(errors.get(1).message().contains("1 question filed under 'Opening Hours', a heading the guide does not have (any more)"),
                errors.get(1).message());
        assertEquals(List.of(false, true, false, false, true), errors.stream().map(CorpusError::warning).toList(),
                "a heading the guide lacks and a repeated question block nothing");
        assertTrue(errors.get(2).message().contains("empty"), errors.get(2).message());
        assertTrue(errors.get(3).message().contains("line of its own"), errors.get(3).message());
        assertTrue(errors.get(4).message().contains("already on line 3"), errors.get(4).message());
    }

    @Test
    void a_heading_missing_one_bracket_is_told_which_one_and_how_to_write_it() throws Exception {
        List<CorpusError> errors = VisitorQuestionsFile.validate("corpus/visitor-questions.txt", "[Parking\nwhere do i park\n", corpus());
        assertTrue(errors.get(0).message().contains("closing ] is missing: write it as [Parking]"), errors.toString());
        errors = VisitorQuestionsFile.validate("corpus/visitor-questions.txt", "Parking]\nwhere do i park\n", corpus());
        assertTrue(errors.get(0).message().contains("opening [ is missing: write it as [Parking]"), errors.toString());
    }

    @Test
    void a_question_filed_while_a_later_heading_is_written_wrong_stays_under_its_own_heading() {
        // the console files under [Our Prices] while staff are half-way through typing "[Opening Hours" below it
        String text = "[Our Prices]\ndo you accept cash\n\n[Opening Hours\nwhen do you open on monday\n";
        String filed = VisitorQuestionsFile.withQuestion(text, "Our Prices", "do you take visa");
        assertEquals("[Our Prices]\ndo you accept cash\ndo you take visa\n\n[Opening Hours\nwhen do you open on monday\n", filed);
    }

    @Test
    void taking_out_the_only_question_of_a_heading_takes_the_heading_too() {
        String filed = VisitorQuestionsFile.withQuestion("[Parking]\nwhere do i leave my car\n", "Gift Cards", "what do they cost");
        assertEquals("[Parking]\nwhere do i leave my car\n", VisitorQuestionsFile.withoutQuestion(filed, "Gift Cards", "what do they cost"));
        // a heading that still files a question stays
        String two = "[Parking]\nwhere do i leave my car\nis parking free\n";
        assertEquals("[Parking]\nis parking free\n", VisitorQuestionsFile.withoutQuestion(two, "Parking", "where do i leave my car"));
    }

    @Test
    void a_mistyped_heading_suggests_the_one_it_most_likely_means() throws Exception {
        List<CorpusError> errors = VisitorQuestionsFile.validate("corpus/visitor-questions.txt", "[Parkng]\nwhere do i leave my car\n", corpus());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("did you mean 'Parking'?"), errors.get(0).message());
        assertTrue(errors.get(0).fix().sectionId().endsWith("/parking"), "the console's picker starts on it: " + errors.get(0).fix());
        // nothing close: no guess
        errors = VisitorQuestionsFile.validate("corpus/visitor-questions.txt", "[Opening Hours]\nwhen do you open\n", corpus());
        assertFalse(errors.get(0).message().contains("did you mean"), errors.get(0).message());
        assertEquals(null, errors.get(0).fix().sectionId());
    }

    @Test
    void the_training_questions_shipped_with_the_chat_are_valid_and_file_questions_under_every_section() throws Exception {
        java.nio.file.Path dir = com.sciaticachat.support.TestFiles.bundledCorpus();
        Corpus corpus = new CorpusLoader("Raleigh Massage", Set.of(VisitorQuestionsFile.FILE_NAME)).load(dir);
        assertEquals(List.of(), VisitorQuestionsFile.entries(corpus.settingsFile(VisitorQuestionsFile.FILE_NAME)),
                "the clinic's own file starts empty: the shipped questions live in the jar, apart from the clinic's files");
        String text = VisitorQuestionsFile.training(null);
        assertEquals(List.of(), VisitorQuestionsFile.validate("training", text, corpus));
        Map<String, String> names = VisitorQuestionsFile.sectionNames(corpus);
        long sections = VisitorQuestionsFile.entries(text).stream().filter(e -> !VisitorQuestionsFile.isNotCovered(e.heading()))
                .map(e -> VisitorQuestionsFile.sectionOf(names, e.heading())).distinct().count();
        assertEquals(corpus.sections().size(), sections, "every section has visitors' questions filed under it");
    }

    @Test
    void a_question_filed_from_the_console_lands_under_its_heading_on_one_line() {
        assertEquals("my leg hurts", VisitorQuestionsFile.fileable("  # [my leg\n hurts] "), "never a note or a heading");
        assertEquals("", VisitorQuestionsFile.fileable("#  "));
        assertEquals("", VisitorQuestionsFile.fileable("a".repeat(VisitorQuestionsFile.MAX_LENGTH + 1)));

        String text = VisitorQuestionsFile.withQuestion("# notes\n[Parking]\nwhere do i leave my car", "Gift Cards", "do cards expire");
        assertEquals("# notes\n[Parking]\nwhere do i leave my car\n\n[Gift Cards]\ndo cards expire\n", text);
        assertEquals("[not covered]\nvitamins?\n", VisitorQuestionsFile.withQuestion("", "not covered", "vitamins?"));
        assertTrue(VisitorQuestionsFile.holds(text, "Do  cards expire"));
        assertTrue(!VisitorQuestionsFile.holds(text, "do gift cards expire"));
        assertEquals(List.of(new VisitorQuestionsFile.Entry("Parking", "where do i leave my car", 3),
                new VisitorQuestionsFile.Entry("Gift Cards", "do cards expire", 6)), VisitorQuestionsFile.entries(text));
    }
}
