package com.sciaticachat.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus's history: versions recorded with who made them, their changes shown, any one restored. */
class CorpusHistoryTest {
    @TempDir
    Path corpus;

    @Test
    void each_change_is_a_version_with_its_author_and_an_earlier_one_comes_back_whole() throws Exception {
        Path guide = corpus.resolve("guide.md");
        Files.writeString(guide, "# Guide\n\n## Hours\n\nOpen on Saturdays.\n", StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve(".guide.md.swp"), "an editor's swap file", StandardCharsets.UTF_8);
        CorpusHistory history = CorpusHistory.of(corpus);
        try {
            List<CorpusHistory.Version> start = history.versions(10);
            assertEquals(1, start.size());
            String first = start.get(0).id();
            assertNull(history.record(), "nothing changed, nothing recorded");

            Files.writeString(guide, "# Guide\n\n## Hours\n\nClosed on Saturdays.\n", StandardCharsets.UTF_8);
            Files.writeString(corpus.resolve("prices.md"), "# Prices\n\nA massage is $80.\n", StandardCharsets.UTF_8);
            history.expect("Dana at the front desk");
            CorpusHistory.Version second = history.record();
            assertEquals("Dana at the front desk", second.author());
            assertTrue(second.summary().contains("guide.md") && second.summary().contains("prices.md"), second.summary());
            Files.writeString(corpus.resolve("prices.md"), "# Prices\n\nA massage is $85.\n", StandardCharsets.UTF_8);
            assertEquals("a file edited on disk", history.record().author());

            String changes = history.changes(null, second.id());
            assertTrue(changes.contains("-Open on Saturdays.") && changes.contains("+Closed on Saturdays."), changes);
            assertFalse(changes.contains(".swp"), "what the corpus never reads is no part of a version");

            history.restore(first, "Dana at the front desk");
            assertEquals("# Guide\n\n## Hours\n\nOpen on Saturdays.\n", Files.readString(guide, StandardCharsets.UTF_8));
            assertFalse(Files.exists(corpus.resolve("prices.md")), "a file the version did not have is gone");
            assertTrue(Files.exists(corpus.resolve(".guide.md.swp")), "files outside the history are left alone");
            CorpusHistory.Version restored = history.record();
            assertEquals("Dana at the front desk", restored.author());
            assertTrue(restored.summary().startsWith("restored the version of"), restored.summary());
            // an instant the console shows in the reader's time zone, not a UTC time of the server's (a staff trial)
            assertTrue(restored.summary().matches("restored the version of \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ \\(\".*"), restored.summary());
            assertTrue(restored.summary().endsWith("changed guide.md, prices.md (deleted)"),
                    "which version, and what the restore changed: " + restored.summary());
            assertEquals(4, history.versions(10).size());
            assertThrows(CorpusHistory.UnknownVersionException.class, () -> history.restore("deadbeef", "x"));
            assertThrows(CorpusHistory.UnknownVersionException.class, () -> history.changes(null, "../../etc/passwd"));
        } finally {
            CorpusHistory.closeFor(corpus);
        }
    }

    @Test
    void a_restored_file_keeps_who_may_read_it() throws Exception {
        Path guide = corpus.resolve("guide.md");
        Files.writeString(guide, "# Guide\n\n## Hours\n\nOpen on Saturdays.\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(guide, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        CorpusHistory history = CorpusHistory.of(corpus);
        try {
            String first = history.versions(1).get(0).id();
            Files.writeString(guide, "# Guide\n\n## Hours\n\nClosed.\n", StandardCharsets.UTF_8);
            history.record();
            history.restore(first, "Dana");
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(guide)));
        } finally {
            CorpusHistory.closeFor(corpus);
        }
    }

    @Test
    void a_file_with_a_mistake_keeps_its_last_version_while_the_others_are_recorded() throws Exception {
        Files.writeString(corpus.resolve("guide.md"), "# Guide\n\n## Hours\n\nOpen on Saturdays.\n", StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("small-talk.yml"), "greeting: Hello\n", StandardCharsets.UTF_8);
        CorpusHistory history = CorpusHistory.of(corpus);
        try {
            Files.writeString(corpus.resolve("small-talk.yml"), "greeting: [Hello\n", StandardCharsets.UTF_8);
            Files.writeString(corpus.resolve("guide.md"), "# Guide\n\n## Hours\n\nClosed on Saturdays.\n", StandardCharsets.UTF_8);
            Files.writeString(corpus.resolve("new.md"), "# New\n\n## Oops\n", StandardCharsets.UTF_8);
            CorpusHistory.Version v = history.record(java.util.Set.of("small-talk.yml", "new.md"));
            assertEquals("changed guide.md", v.summary(), "only what went live is recorded");
            String changes = history.changes(null, v.id());
            assertFalse(changes.contains("[Hello") || changes.contains("Oops"), changes);
            assertEquals("greeting: [Hello\n", Files.readString(corpus.resolve("small-talk.yml")), "the folder itself is left as staff saved it");

            Files.writeString(corpus.resolve("small-talk.yml"), "greeting: Hi there\n", StandardCharsets.UTF_8);
            assertTrue(history.record(java.util.Set.of("new.md")).summary().contains("small-talk.yml"), "the fix is recorded when it goes live");
        } finally {
            CorpusHistory.closeFor(corpus);
        }
    }

    @Test
    void a_lock_left_by_a_stopped_process_does_not_stop_the_history() throws Exception {
        Path guide = corpus.resolve("guide.md");
        Files.writeString(guide, "# Guide\n\n## Hours\n\nOpen on Saturdays.\n", StandardCharsets.UTF_8);
        CorpusHistory.of(corpus);
        CorpusHistory.closeFor(corpus);
        // a process killed while writing the history's index leaves its lock behind
        Path lock = corpus.resolve(CorpusHistory.FOLDER).resolve("index.lock");
        Files.writeString(lock, "");
        Files.setLastModifiedTime(lock, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        CorpusHistory history = CorpusHistory.of(corpus);
        try {
            Files.writeString(guide, "# Guide\n\n## Hours\n\nClosed on Saturdays.\n", StandardCharsets.UTF_8);
            CorpusHistory.Version next = history.record();
            assertTrue(next != null && next.summary().contains("guide.md"), String.valueOf(next));
            assertFalse(Files.exists(lock));
            assertEquals(2, history.versions(10).size());
        } finally {
            CorpusHistory.closeFor(corpus);
        }
    }
}
