package com.sciaticachat.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.corpus.CorpusError;
import com.sciaticachat.corpus.CorpusLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's draft: edits collect away from visitors, are checked before they are kept, and publish whole or not at all. */
class DraftTest {
    @TempDir
    Path tmp;

    /** A check that finds a mistake on the line of any "BROKEN" in a document (the service passes its corpus reader's). */
    private static List<CorpusError> check(Path folder) {
        List<CorpusError> out = new ArrayList<>();
        for (Path p : CorpusLoader.files(folder, new ArrayList<>())) {
            try {
                List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains("BROKEN")) out.add(new CorpusError(CorpusLoader.shownPath(folder, p), i + 1, "broken here"));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    private Draft draft(Path live) {
        return new Draft(live, tmp.resolve("index/draft/files"), Set.of("safety.yml"), DraftTest::check);
    }

    private Path live() throws Exception {
        Path live = tmp.resolve("corpus");
        Files.createDirectories(live);
        Files.writeString(live.resolve("guide.md"), "# Guide\n\n## Hours\n\nOpen on Saturdays.\n", StandardCharsets.UTF_8);
        Files.writeString(live.resolve("safety.yml"), "red_flags: []\n", StandardCharsets.UTF_8);
        return live;
    }

    private static String version(Draft d, String name) throws Exception {
        return d.files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().version();
    }

    @Test
    void edits_stay_in_the_draft_until_published_and_then_go_live_whole() throws Exception {
        Path live = live();
        Draft d = draft(live);
        assertFalse(d.exists());
        d.save("guide.md", "# Guide\n\n## Hours\n\nClosed on Saturdays.\n", version(d, "guide.md"));
        d.save("prices.md", "# Prices\n\nA massage is $80.\n", "");
        assertTrue(d.exists());
        assertTrue(Files.readString(live.resolve("guide.md")).contains("Open on Saturdays"), "visitors still get the live file");
        assertFalse(Files.exists(live.resolve("prices.md")));
        assertEquals(List.of(new Draft.Change("guide.md", Draft.Change.Kind.CHANGED, false),
                new Draft.Change("prices.md", Draft.Change.Kind.ADDED, false)), d.changes());
        assertTrue(d.read("guide.md").contains("Closed"), "the console edits the draft's copy");

        assertEquals(2, d.publish().size());
        assertTrue(Files.readString(live.resolve("guide.md")).contains("Closed on Saturdays"));
        assertTrue(Files.exists(live.resolve("prices.md")));
        assertFalse(d.exists(), "published: the draft is gone");
        assertTrue(d.changes().isEmpty());
    }

    @Test
    void a_file_with_a_mistake_is_refused_by_line_and_nothing_is_kept() throws Exception {
        Path live = live();
        Draft d = draft(live);
        Draft.InvalidException e = assertThrows(Draft.InvalidException.class,
                () -> d.save("guide.md", "# Guide\n\nBROKEN\n", version(d, "guide.md")));
        assertEquals(3, e.errors().get(0).line());
        assertEquals("corpus/guide.md", e.errors().get(0).file(), "named as staff know the file");
        assertFalse(d.exists(), "a refused save does not even start a draft");
    }

    @Test
    void a_save_or_a_publish_based_on_an_older_version_is_refused_and_loses_nothing() throws Exception {
        Path live = live();
        Draft d = draft(live);
        String start = version(d, "guide.md");
        d.save("guide.md", "# Guide\n\n## Hours\n\nClosed on Saturdays.\n", start);
        assertThrows(Editor.StaleVersionException.class, () -> d.save("guide.md", "# Guide\n\nAn older tab's text.\n", start));
        // meanwhile someone edits the live file in a text editor
        Files.writeString(live.resolve("guide.md"), "# Guide\n\n## Hours\n\nOpen on Sundays too.\n", StandardCharsets.UTF_8);
        assertTrue(d.changes().get(0).liveChangedSince());
        assertThrows(Editor.StaleVersionException.class, d::publish);
        assertTrue(Files.readString(live.resolve("guide.md")).contains("Sundays"), "the editor's save is not written over");
        assertTrue(d.read("guide.md").contains("Closed on Saturdays"), "and the draft is kept");
        d.discard();
        assertFalse(d.exists());
        assertTrue(d.read("guide.md").contains("Sundays"), "without a draft the console shows the live file");
    }

    @Test
    void a_document_renamed_in_the_draft_moves_whole_when_published() throws Exception {
        Path live = live();
        Draft d = draft(live);
        d.rename("guide.md", "opening-hours.md", version(d, "guide.md"));
        assertThrows(Draft.BadNameException.class, () -> d.rename("opening-hours.md", "safety.yml", null));
        assertEquals(List.of(new Draft.Change("guide.md", Draft.Change.Kind.DELETED, false),
                new Draft.Change("opening-hours.md", Draft.Change.Kind.ADDED, false)), d.changes());
        d.publish();
        assertFalse(Files.exists(live.resolve("guide.md")));
        assertTrue(Files.readString(live.resolve("opening-hours.md")).contains("Open on Saturdays"));
    }

    @Test
    void deleting_and_names_the_corpus_cannot_hold() throws Exception {
        Path live = live();
        Draft d = draft(live);
        d.save("guide.md", null, version(d, "guide.md"));
        assertEquals(Draft.Change.Kind.DELETED, d.changes().get(0).kind());
        assertTrue(Files.exists(live.resolve("guide.md")), "deleted in the draft only");
        for (String bad : List.of("../outside.md", "notes.docx", ".hidden.md", "/etc/passwd.md", "")) {
            assertThrows(Draft.BadNameException.class, () -> d.save(bad, "# X\n", ""), bad);
        }
        d.publish();
        assertFalse(Files.exists(live.resolve("guide.md")));
    }

    @Test
    void a_document_named_in_capitals_is_one_the_console_lists_and_opens_as_the_chat_reads_it() throws Exception {
        Path live = live();
        Files.writeString(live.resolve("THERAPISTS.MD"), "# Team\n\n## Meet the Team\n\nThree therapists.\n", StandardCharsets.UTF_8);
        Draft d = draft(live);
        assertTrue(d.files().stream().anyMatch(f -> f.name().equals("THERAPISTS.MD")), "listed");
        assertTrue(d.read("THERAPISTS.MD").contains("Meet the Team"), "opened");
    }
}
