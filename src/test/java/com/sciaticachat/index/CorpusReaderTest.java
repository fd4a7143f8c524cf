package com.sciaticachat.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.Application;
import com.sciaticachat.config.Config;
import com.sciaticachat.corpus.Corpus;
import com.sciaticachat.corpus.CorpusError;
import com.sciaticachat.corpus.CorpusException;
import com.sciaticachat.corpus.LastGood;
import com.sciaticachat.corpus.Section;
import com.sciaticachat.corpus.VisitorQuestionsFile;
import com.sciaticachat.support.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff's everyday edits, read as the service reads them: one mistake sets aside only its own file. */
class CorpusReaderTest {
    private static final CorpusReader READER = Application.corpusReader(Config.defaults());
    private Path corpus;
    private LastGood served;

    @BeforeEach
    void copy() throws Exception {
        corpus = TestFiles.copyOf(TestFiles.fixture("small-clinic"));
        TestFiles.addClinicSafetyFiles(corpus);
        served = serve(READER.read(corpus, LastGood.NONE));
    }

    /** What the service keeps after serving a read: each file's text, and the former names of renamed sections. */
    private static LastGood serve(CorpusReader.Reading r) {
        return new LastGood(r.corpus().sources(), r.corpus().aliases());
    }

    private CorpusReader.Reading read() throws CorpusException {
        return READER.read(corpus, served);
    }

    private static String sectionOf(Corpus c, String heading) {
        return VisitorQuestionsFile.sectionOf(VisitorQuestionsFile.sectionNames(c), heading);
    }

    private void edit(String file, String from, String to) throws Exception {
        Path p = corpus.resolve(file);
        String text = Files.readString(p);
        assertTrue(text.contains(from), from);
        Files.writeString(p, text.replace(from, to));
    }

    @Test
    void a_broken_document_serves_its_last_good_version_while_a_fix_elsewhere_goes_live() throws Exception {
        edit("back-care.md", "## Stretches", "##");
        Files.writeString(corpus.resolve("synonyms.txt"), "bum, buttock, behind\n");
        CorpusReader.Reading r = read();
        assertEquals(List.of("corpus/back-care.md:11"), r.errors().stream().map(e -> e.file() + ":" + e.line()).toList(),
                "one error, in its own file; none in the questions filed under its headings");
        assertTrue(r.errors().get(0).message().contains("last good version"), r.errors().get(0).message());
        assertTrue(r.corpus().sections().stream().anyMatch(s -> s.title().equals("Stretches")), "the last good version serves");
        assertEquals("bum, buttock, behind\n", r.corpus().settingsFile("synonyms.txt"), "the other file's edit is live");
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void a_new_broken_document_stays_out_and_the_rest_goes_live() throws Exception {
        Files.writeString(corpus.resolve("prices.md"), "---\ntitle: Prices\nprice: 90\n---\n## Prices\n\nAn hour is $90.\n");
        CorpusReader.Reading r = read();
        assertEquals(List.of("corpus/prices.md:3"), r.errors().stream().map(e -> e.file() + ":" + e.line()).toList());
        assertTrue(r.errors().get(0).message().contains("not served until it is fixed"), r.errors().get(0).message());
        assertEquals(1, r.corpus().documents().size());
    }

    @Test
    void a_broken_settings_file_serves_its_last_good_version_and_names_only_itself() throws Exception {
        Files.writeString(corpus.resolve("synonyms.txt"), "just one word\n");
        CorpusReader.Reading r = read();
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertEquals("corpus/synonyms.txt", r.errors().get(0).file());
        assertEquals("bum, buttock\n", r.corpus().settingsFile("synonyms.txt"));
    }

    @Test
    void a_renamed_heading_keeps_its_filed_questions_by_its_text_or_its_kept_id() throws Exception {
        edit("back-care.md", "## Heat and Ice", "## Ice or Heat?");
        edit("back-care.md", "## Causes", "## What Causes It {#causes}");
        CorpusReader.Reading r = read();
        assertEquals(List.of(), r.errors());
        assertEquals(List.of(), r.warnings(), "the filings follow both renames");
        assertEquals("back-care/ice-or-heat", sectionOf(r.corpus(), "Heat and Ice"));
        assertEquals("back-care/causes", sectionOf(r.corpus(), "Causes"));

        // and still after the next read, and a restart, which only know the renamed guide
        served = serve(r);
        edit("back-care.md", "Ice calms", "Cold calms");
        assertEquals("back-care/ice-or-heat", sectionOf(read().corpus(), "Heat and Ice"));
    }

    @Test
    void questions_under_a_deleted_section_wait_for_staff_and_block_nothing() throws Exception {
        String text = Files.readString(corpus.resolve("back-care.md"));
        Files.writeString(corpus.resolve("back-care.md"), text.substring(0, text.indexOf("## Heat and Ice")));
        CorpusReader.Reading r = read();
        assertEquals(List.of(), r.errors());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        CorpusError w = r.warnings().get(0);
        assertEquals("corpus/visitor-questions.txt", w.file());
        assertEquals(9, w.line());
        assertTrue(w.message().contains("'Heat and Ice', a heading the guide does not have (any more)"), w.message());
        assertNull(sectionOf(r.corpus(), "Heat and Ice"));
    }

    @Test
    void a_heading_two_documents_share_is_a_warning_for_the_filings_that_name_it() throws Exception {
        Files.writeString(corpus.resolve("neck-care.md"), "# Neck Care\n\n## Causes\n\nLong hours at a desk strain the neck.\n");
        CorpusReader.Reading r = read();
        assertEquals(List.of(), r.errors());
        assertEquals(2, r.corpus().documents().size());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).message().contains("more than one section has"), r.warnings().get(0).message());
        assertEquals("back-care/causes", sectionOf(r.corpus(), "back-care/causes"), "the id still names one");
    }

    @Test
    void a_copy_of_a_document_is_left_out_with_a_warning_naming_both_files() throws Exception {
        String original = Files.readString(corpus.resolve("back-care.md"));
        Files.writeString(corpus.resolve("back-care - Copy.md"), original);
        Files.createDirectories(corpus.resolve("old"));
        Files.writeString(corpus.resolve("old/back-care.md"), original.replaceFirst("\\.", ", as before."));
        CorpusReader.Reading r = read();
        assertEquals(List.of(), r.errors());
        assertEquals(List.of("corpus/back-care.md"), r.corpus().documents().stream().map(d -> d.file()).toList(), "the original is kept");
        assertEquals(List.of("corpus/back-care - Copy.md", "corpus/old/back-care.md"), r.warnings().stream().map(w -> w.file()).sorted().toList());
        assertTrue(r.warnings().get(0).message().contains("repeats corpus/back-care.md"), r.warnings().get(0).message());

        // a copy staff edited to try a change (one section of three) is still a copy; its changed section is not served beside the original's
        Files.delete(corpus.resolve("old/back-care.md"));
        Files.writeString(corpus.resolve("back-care - Copy.md"), original.replaceFirst("(?s)(## Heat and Ice\\s+).*", "$1Closed until further notice.\n"));
        r = read();
        assertEquals(List.of("corpus/back-care.md"), r.corpus().documents().stream().map(d -> d.file()).toList(), "an edited copy stays out");
        assertTrue(r.warnings().get(0).message().contains("repeats corpus/back-care.md (3 of its 4 sections"), r.warnings().get(0).message());

        Files.writeString(corpus.resolve("neck-care.md"), "# Neck Care\n\n## Desk Work\n\nLong hours at a desk strain the neck and shoulders.\n");
        assertEquals(2, read().corpus().documents().size(), "a document of its own is no copy");
    }

    @Test
    void text_pasted_from_a_word_processor_reads_as_staff_meant_it() throws Exception {
        Files.writeString(corpus.resolve("after-care.md"), "# After\u00A0Care\n\n##\u00A0Drink\u200B Water\n\n"
                + "\u2022\tSip water through the day.\n\u2022\tAvoid alcohol tonight.\n\n## Rest\n\n" + "Rest well. ".repeat(200) + "\n");
        Files.writeString(corpus.resolve("Price list.docx"), "PK");
        Files.writeString(corpus.resolve("back-care.md~"), "# old copy\n");
        CorpusReader.Reading r = read();
        assertEquals(List.of(), r.errors());
        Section drink = r.corpus().documents().stream().flatMap(d -> d.sections().stream())
                .filter(s -> s.id().equals("after-care/drink-water")).findFirst().orElseThrow();
        assertEquals("Drink Water", drink.title(), "a no-break space still makes a heading; invisible characters go");
        assertEquals(List.of("Sip water through the day.", "Avoid alcohol tonight."), drink.items().stream().map(b -> b.text()).toList());
        List<String> warned = r.warnings().stream().map(e -> e.file() + ":" + e.line()).toList();
        assertEquals(List.of("corpus/Price list.docx:0", "corpus/after-care.md:8", "corpus/back-care.md~:0"), warned.stream().sorted().toList());
        assertTrue(r.warnings().stream().anyMatch(w -> w.message().contains("Markdown (.md) documents only")), r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.message().contains("too long to read on a phone")), r.warnings().toString());
    }

    @Test
    void safety_rules_keep_their_hard_gate() throws Exception {
        Files.writeString(corpus.resolve("safety.yml"), "emergency: [not closed\n");
        CorpusReader.Reading r = read();
        assertEquals("corpus/safety.yml", r.errors().get(0).file());
        assertEquals(Files.readString(TestFiles.bundledCorpus().resolve("safety.yml")), r.corpus().settingsFile("safety.yml"),
                "the last good rules keep serving");
        // with no good version served before, the chat's own rules serve meanwhile, never the broken ones
        CorpusReader.Reading first = READER.read(corpus, LastGood.NONE);
        assertEquals(Files.readString(TestFiles.bundledCorpus().resolve("safety.yml")), first.corpus().settingsFile("safety.yml"));
        assertTrue(first.errors().get(0).message().endsWith(CorpusReader.SHIPPED_MEANWHILE), first.errors().toString());
        // and with none of its own either, nothing is served
        CorpusReader bare = Application.corpusReader(Config.defaults(), com.sciaticachat.embed.BackgroundEmbedder.miniLm(), java.util.Map.of());
        CorpusException e = assertThrows(CorpusException.class, () -> bare.read(corpus, LastGood.NONE));
        assertTrue(e.getMessage().contains("safety.yml"), "with no good rules to fall back on, nothing is served");
    }

    @Test
    void rules_of_an_earlier_version_that_lack_a_red_flag_give_way_to_the_chats_own_and_say_what_to_add() throws Exception {
        // a corpus volume from an earlier version, started by a newer jar: its rules lack a sign the chat now knows
        Path rules = corpus.resolve("safety.yml");
        String text = Files.readString(rules);
        int from = text.indexOf("  - id: weakness\n"), to = text.indexOf("  - id: ", from + 5);
        assertTrue(from > 0 && to > from, "the fixture has a weakness rule followed by another");
        Files.writeString(rules, text.substring(0, from) + text.substring(to));
        CorpusReader.Reading r = READER.read(corpus, LastGood.NONE);
        assertEquals(text, r.corpus().settingsFile("safety.yml"), "the shipped rules serve meanwhile");
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertTrue(r.errors().get(0).message().contains("'weakness' is missing"), r.errors().get(0).message());
        assertTrue(r.errors().get(0).message().endsWith(CorpusReader.SHIPPED_MEANWHILE), r.errors().get(0).message());
        assertEquals(text.substring(0, from) + text.substring(to), Files.readString(rules), "the clinic's file is left as it is");
    }

    @Test
    void a_mistake_in_the_safety_rules_with_nothing_to_fall_back_on_is_told_once_on_its_own_line() throws Exception {
        Path rules = corpus.resolve("safety.yml");
        Files.writeString(rules, Files.readString(rules).replaceFirst("\n    both_sides: yes", "\n    both_sides: maybe"));
        CorpusReader bare = Application.corpusReader(Config.defaults(), com.sciaticachat.embed.BackgroundEmbedder.miniLm(), java.util.Map.of());
        CorpusException e = assertThrows(CorpusException.class, () -> bare.read(corpus, LastGood.NONE));
        List<CorpusError> errors = e.errors();
        assertEquals(1, errors.size(), "no second message that the rules are missing: " + errors);
        assertTrue(errors.get(0).line() > 0 && errors.get(0).message().contains("both_sides"), errors.toString());
        assertTrue(errors.get(0).message().endsWith("(with no earlier good version of this file to fall back on, the chat does not go live until it is fixed)"), errors.get(0).message());
    }
}
