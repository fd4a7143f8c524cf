package com.sciaticachat.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.support.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusLoaderTest {
    private final CorpusLoader loader = new CorpusLoader("Raleigh Massage", Set.of("synonyms.txt"));

    @Test
    void bundled_corpus_restores_the_headings_the_web_copy_lost() throws Exception {
        Corpus corpus = loader.load(TestFiles.bundledCorpus());
        Document doc = corpus.documents().get(0);
        assertEquals("Massage For Sciatic Pain", doc.title());
        assertEquals("Raleigh Massage", doc.publisher());
        assertEquals("clinic/massage-for-sciatic-pain.md", doc.file(), "named by its folder, as staff see it");
        for (String id : List.of("causes", "symptoms", "diagnosis", "treatment", "lifestyle-and-home-remedies", "prevention",
                "massage-techniques", "strategies-for-effective-massage-therapy", "safety-and-precautions",
                "self-massage-techniques")) {
            Section s = doc.section("massage-for-sciatic-pain/" + id).orElseThrow(() -> new AssertionError("missing " + id));
            assertEquals(2, s.level(), id);
        }
        assertEquals(8, doc.section("massage-for-sciatic-pain/causes").orElseThrow().items().size());
        assertEquals(5, doc.section("massage-for-sciatic-pain/symptoms").orElseThrow().items().size());
        Section stretching = doc.section("massage-for-sciatic-pain/stretching").orElseThrow();
        assertEquals("massage-for-sciatic-pain/strategies-for-effective-massage-therapy", stretching.parentId());
        assertEquals(List.of("Reason", "Approach"), stretching.blocks().stream().map(Block::label).toList());
        assertEquals(5, doc.children(doc.section("massage-for-sciatic-pain/massage-techniques").orElseThrow()).size());
    }

    @Test
    void bundled_corpus_keeps_every_sentence_of_the_clinic_document_word_for_word() throws Exception {
        Corpus corpus = loader.load(TestFiles.bundledCorpus());
        Document doc = corpus.documents().get(0);
        StringBuilder all = new StringBuilder(doc.publisher()).append('\n');
        doc.sections().forEach(s -> {
            all.append(s.title()).append('\n');
            s.blocks().forEach(b -> all.append(b.plainText()).append('\n'));
        });
        String text = all.toString();
        String original = Files.readString(Path.of(getClass().getResource("/seed/raleigh-massage-original.txt").toURI()));
        for (String line : original.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            assertTrue(text.contains(l) || text.contains(l.replaceAll(":$", "")), () -> "the corpus lost or changed: " + l);
        }
    }

    @Test
    void every_mistake_in_every_file_is_reported_together(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), "# A\n\n## Empty\n\n## Fine\n\nText.\n");
        Files.writeString(dir.resolve("b.md"), "---\nbad\n---\n# B\n\n## X\n\nText.\n");
        Files.write(dir.resolve("c.md"), "# C\n\n## X\n\nna\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));
        CorpusException e = assertThrows(CorpusException.class, () -> loader.load(dir));
        List<String> shown = e.errors().stream().map(CorpusError::toString).toList();
        String folder = dir.getFileName().toString();
        assertEquals(3, shown.size(), shown::toString);
        assertTrue(shown.get(0).startsWith(folder + "/a.md:3: the heading 'Empty' has no text under it"), shown.get(0));
        assertTrue(shown.get(1).startsWith(folder + "/b.md:2: "), shown.get(1));
        assertTrue(shown.get(2).startsWith(folder + "/c.md:5: this file is not valid UTF-8"), shown.get(2));
    }

    @Test
    void an_unreadable_file_is_reported_by_name(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("good.md"), "# G\n\n## X\n\nText.\n");
        Files.createSymbolicLink(dir.resolve("gone.md"), dir.resolve("does-not-exist.md"));
        CorpusException e = assertThrows(CorpusException.class, () -> loader.load(dir));
        assertEquals(1, e.errors().size());
        assertTrue(e.errors().get(0).toString().matches(Pattern.quote(dir.getFileName() + "/gone.md: this file could not be read") + ".*"),
                e.errors().get(0).toString());
    }

    @Test
    void two_files_whose_names_give_the_same_document_id_are_reported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("back pain.md"), "# A\n\n## X\n\nText.\n");
        Files.writeString(dir.resolve("back-pain.md"), "# B\n\n## X\n\nText.\n");
        CorpusException e = assertThrows(CorpusException.class, () -> loader.load(dir));
        assertTrue(e.getMessage().contains("same document id 'back-pain'"), e.getMessage());
    }

    @Test
    void editor_temporary_files_are_not_part_of_the_corpus(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.md"), "# A\n\n## X\n\nText.\n");
        Files.writeString(dir.resolve(".a.md.swp"), "junk");
        Files.writeString(dir.resolve("a.md~"), "junk");
        assertEquals(1, loader.load(dir).documents().size());
    }

    @Test
    void the_fingerprint_changes_with_any_byte_of_any_file(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.md"), "# A\n\n## X\n\nText.\n");
        String before = loader.load(dir).fingerprint();
        Files.writeString(dir.resolve("synonyms.txt"), "bum, buttocks\n");
        Corpus after = loader.load(dir);
        assertNotEquals(before, after.fingerprint());
        assertEquals("bum, buttocks\n", after.settingsFile("synonyms.txt"));
    }
}
