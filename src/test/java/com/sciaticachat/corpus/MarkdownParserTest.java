package com.sciaticachat.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownParserTest {
    private final MarkdownParser parser = new MarkdownParser("Default Clinic");

    private MarkdownParser.Result parse(String text) {
        return parser.parse("corpus/test.md", "test", text.getBytes(StandardCharsets.UTF_8));
    }

    private Document doc(String text) {
        MarkdownParser.Result r = parse(text);
        assertTrue(r.ok(), () -> "unexpected errors: " + r.errors());
        return r.document();
    }

    private CorpusError onlyError(String text) {
        MarkdownParser.Result r = parse(text);
        assertEquals(1, r.errors().size(), () -> "errors: " + r.errors());
        assertNull(r.document());
        return r.errors().get(0);
    }

    @Test
    void reads_front_matter_title_and_source() {
        Document d = doc("---\ntitle: Guide\nsource: \"Raleigh Massage\"\nurl: https://example.com/guide\n---\n# Guide\n\nLead text.\n");
        assertEquals("Guide", d.title());
        assertEquals("Raleigh Massage", d.publisher());
        assertEquals("https://example.com/guide", d.url());
        assertEquals("corpus/test.md", d.file());
    }

    @Test
    void without_front_matter_the_hash_title_names_the_document_and_the_default_publisher_applies() {
        Document d = doc("# Only A Title\n\nSome lead.\n\n## Part\n\nText.\n");
        assertEquals("Only A Title", d.title());
        assertEquals("Default Clinic", d.publisher());
    }

    @Test
    void lead_text_becomes_an_intro_section_titled_by_the_document() {
        Document d = doc("# Guide\n\nLead paragraph.\n\n## Part\n\nText.\n");
        Section intro = d.sections().get(0);
        assertEquals("test/intro", intro.id());
        assertEquals("Guide", intro.title());
        assertEquals(List.of("Guide"), intro.path());
        assertEquals("Lead paragraph.", intro.blocks().get(0).text());
    }

    @Test
    void list_items_keep_their_bold_labels_and_markup_is_removed() {
        Document d = doc("# G\n\n## Causes\n\n- **Herniated Disc:** A *slipped* disc.\n- **Trauma**: Injuries [to the spine](http://x).\n- plain item\n  continued here\n");
        List<Block> items = d.sections().get(0).items();
        assertEquals(3, items.size());
        assertEquals("Herniated Disc", items.get(0).label());
        assertEquals("A slipped disc.", items.get(0).text());
        assertEquals("Trauma", items.get(1).label());
        assertEquals("Injuries to the spine.", items.get(1).text());
        assertNull(items.get(2).label());
        assertEquals("plain item continued here", items.get(2).text());
        assertEquals("Herniated Disc: A slipped disc.", items.get(0).plainText());
    }

    @Test
    void h3_sections_belong_to_their_h2_whose_answer_includes_them() {
        Document d = doc("# G\n\n## Techniques\n\n### Deep Tissue\n\n**Purpose:** Release.\n\n### Swedish\n\nRelax.\n\n## Next\n\nOther.\n");
        Section parent = d.section("test/techniques").orElseThrow();
        Section child = d.section("test/deep-tissue").orElseThrow();
        assertEquals("test/techniques", child.parentId());
        assertEquals(List.of("G", "Techniques", "Deep Tissue"), child.path());
        assertEquals("Purpose", child.blocks().get(0).label());
        assertEquals("Deep Tissue\nPurpose: Release.\nSwedish\nRelax.", d.answerText(parent));
        assertEquals("Purpose: Release.", d.answerText(child));
    }

    @Test
    void alternate_questions_are_read_from_comments_and_never_become_text() {
        Document d = doc("# G\n\n## Causes\n\n<!-- questions\n- Why do I have sciatica?\nWhat brings it on?\n-->\n\nText.\n<!-- a staff note -->\n");
        Section s = d.sections().get(0);
        assertEquals(List.of("Why do I have sciatica?", "What brings it on?"), s.questions());
        assertEquals("Text.", d.answerText(s));
    }

    @Test
    void a_heading_can_pin_its_id() {
        Document d = doc("# G\n\n## Causes of Pain {#causes}\n\nText.\n");
        assertEquals("test/causes", d.sections().get(0).id());
        assertEquals("Causes of Pain", d.sections().get(0).title());
    }

    @Test
    void html_in_staff_text_stays_text() {
        Document d = doc("# G\n\n## Part\n\nSee <img src=x onerror=alert(1)> here.\n");
        assertEquals("See <img src=x onerror=alert(1)> here.", d.sections().get(0).blocks().get(0).text());
    }

    @Test
    void crlf_line_endings_and_a_byte_order_mark_are_fine() {
        Document d = doc("\uFEFF---\r\ntitle: T\r\n---\r\n# T\r\n\r\n## Part\r\n\r\nText.\r\n");
        assertEquals("T", d.title());
        assertEquals(1, d.sections().size());
    }

    @Test
    void malformed_front_matter_is_reported_with_its_line() {
        CorpusError e = onlyError("---\ntitle: T\nthis line has no colon\n---\n# T\n\n## A\n\nText.\n");
        assertEquals(3, e.line());
        assertTrue(e.message().contains("no ':'"), e.message());
        assertEquals("corpus/test.md:3: " + e.message(), e.toString());
    }

    @Test
    void unknown_front_matter_key_is_reported() {
        CorpusError e = onlyError("---\ntitel: T\n---\n# T\n\n## A\n\nText.\n");
        assertEquals(2, e.line());
        assertTrue(e.message().contains("unknown front matter key 'titel'"), e.message());
    }

    @Test
    void unclosed_front_matter_is_reported_on_line_one() {
        CorpusError e = onlyError("---\ntitle: T\n# T\n\n## A\n\nText.\n");
        assertEquals(1, e.line());
        assertTrue(e.message().contains("never closed"), e.message());
    }

    @Test
    void a_document_without_a_title_is_reported() {
        CorpusError e = onlyError("## A\n\nText.\n");
        assertTrue(e.message().contains("no title"), e.message());
    }

    @Test
    void a_heading_with_no_text_under_it_is_reported_with_its_line() {
        CorpusError e = onlyError("# T\n\n## A\n\nText.\n\n## Empty\n\n## C\n\nMore.\n");
        assertEquals(7, e.line());
        assertTrue(e.message().contains("'Empty' has no text under it"), e.message());
    }

    @Test
    void an_empty_file_is_said_to_be_empty() {
        CorpusError e = onlyError(" \n\u200b\n");
        assertEquals(1, e.line());
        assertTrue(e.message().startsWith("this file is empty"), e.message());
    }

    @Test
    void a_heading_typed_without_its_space_is_read_as_one_and_said_so() {
        MarkdownParser.Result r = parse("# T\n\n## Prices\n\nSixty minutes, $95.\n\n##Parking\n\nBehind the building.\n\n#hashtag stays text.\n");
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(java.util.List.of("Prices", "Parking"), r.document().sections().stream().map(Section::title).toList());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertEquals(7, r.warnings().get(0).line());
        assertTrue(r.warnings().get(0).message().contains("put a space after the '##'"), r.warnings().get(0).message());
    }

    @Test
    void two_sections_with_the_same_id_are_reported() {
        CorpusError e = onlyError("# T\n\n## Causes\n\nText.\n\n## Causes\n\nAgain.\n");
        assertEquals(7, e.line());
        assertTrue(e.message().contains("two sections have the id 'test/causes' (lines 3 and 7)"), e.message());
    }

    @Test
    void headings_deeper_than_three_and_orphan_h3_are_reported() {
        assertEquals(5, onlyError("# T\n\n## A\n\n#### Deep\n\nText.\n").line());
        assertTrue(onlyError("# T\n\n### Orphan\n\nText.\n").message().contains("must be inside a '## ' section"));
    }

    @Test
    void text_that_is_not_utf8_is_reported_with_the_line_of_the_bad_byte() {
        byte[] latin1 = "# T\n\n## A\n\nCaf\u00e9 text.\n".getBytes(StandardCharsets.ISO_8859_1);
        MarkdownParser.Result r = parser.parse("corpus/test.md", "test", latin1);
        assertFalse(r.ok());
        assertEquals(5, r.errors().get(0).line());
        assertTrue(r.errors().get(0).message().contains("not valid UTF-8"));
    }

    @Test
    void an_unclosed_comment_is_reported() {
        CorpusError e = onlyError("# T\n\n## A\n\n<!-- questions\n- why\n\nText.\n");
        assertEquals(5, e.line());
    }

    @Test
    void tablesAndLinksAreShownAsTextAndSaySo() {
        MarkdownParser.Result r = parse("# Clinic\n\n## Prices\n\n| Massage | Price |\n|---|---|\n| 60 min | $90 |\n\n"
                + "Book on [our booking page](https://example.org/book) or call.\n\n- See [the map](https://example.org/map)\n");
        List<String> warnings = r.warnings().stream().map(w -> w.line() + ": " + w.message()).toList();
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("5: tables are shown"), warnings.toString());
        assertTrue(warnings.get(1).startsWith("9: visitors see the link 'our booking page'") && warnings.get(1).contains("https://example.org/book"),
                warnings.toString());
        assertTrue(warnings.get(2).startsWith("11: visitors see the link 'the map'"), warnings.toString());
        assertTrue(r.errors().isEmpty());
    }

    @Test
    void a_quote_left_open_in_the_front_matter_is_a_mistake_on_its_line() {
        MarkdownParser.Result r = parse("---\ntitle: \"Parking\nsource: 'Raleigh Massage'\n---\n# Parking\n\n## Where\n\nBehind the clinic.\n");
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertEquals(2, r.errors().get(0).line());
        assertTrue(r.errors().get(0).message().contains("not closed"), r.errors().get(0).message());
    }

    @Test
    void a_front_matter_value_with_a_bracket_left_open_is_a_warning() {
        // a staff trial typed "source: [Raleigh Massage" and visitors saw "[Raleigh Massage · ..."
        MarkdownParser.Result r = parse("---\ntitle: Prices\nsource: [Raleigh Massage\n---\n\n## Our Prices\n\nA 60 minute massage is $85.\n");
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertEquals(3, r.warnings().get(0).line());
        assertTrue(r.warnings().get(0).message().contains("bracket that is not closed"), r.warnings().get(0).message());
        assertTrue(parse("---\ntitle: Prices (2026)\nsource: Raleigh Massage\n---\n\n## Our Prices\n\nText.\n").warnings().isEmpty());
    }
}
