package com.sciaticachat.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.store.CorpusStore;
import com.sciaticachat.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two replicas' corpus folders kept the same through one store. */
class CorpusSyncTest {
    @TempDir
    Path dir;

    private static final String GUIDE = "# Guide\n\n## Heat\n\nWarm packs help.\n";

    /** A replica's corpus folder holding the one guide. */
    private static Path withGuide(Path folder) throws java.io.IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("guide.md"), GUIDE);
        return folder;
    }

    @Test
    void the_first_replica_publishes_its_folder_the_next_copies_it_and_changes_travel_both_ways() throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        Files.createDirectories(a.resolve("guides"));
        Files.createDirectories(b);
        withGuide(a);
        Files.writeString(a.resolve("guides/parking.md"), "# Parking\n\n## Where\n\nBehind the clinic.\n");
        Files.writeString(b.resolve("old.md"), "# Old\n\n## Gone\n\nThis replica's own file.\n");
        Files.writeString(b.resolve(".notes.swp"), "an editor's file, not the corpus");
        try (Database db = Database.open(Database.Settings.EMBEDDED, dir.resolve("store"))) {
            CorpusStore store = new CorpusStore(db);
            try (CorpusSync syncA = CorpusSync.join(a, store)) {
                assertEquals(null, store.newest(), "nothing is shared before the first replica serves its folder");
                syncA.published(); // A's index opened: its folder goes live, and is the first version
            }
            try (CorpusSync syncA = CorpusSync.join(a, store); CorpusSync syncB = CorpusSync.join(b, store)) {
                assertEquals(Files.readString(a.resolve("guide.md")), Files.readString(b.resolve("guide.md")), "B starts from the shared corpus");
                assertTrue(Files.exists(b.resolve("guides/parking.md")));
                assertFalse(Files.exists(b.resolve("old.md")), "the store is the truth");
                assertTrue(Files.exists(b.resolve(".notes.swp")), "files that are not the corpus are left alone");
                assertFalse(syncB.pull(), "nothing new");

                Files.writeString(a.resolve("guide.md"), "# Guide\n\n## Heat\n\nWarm packs help for 20 minutes.\n");
                syncA.published();
                assertTrue(syncB.pull(), "A's change reaches B");
                assertTrue(Files.readString(b.resolve("guide.md")).contains("20 minutes"));

                Files.delete(b.resolve("guides/parking.md"));
                syncB.published();
                syncB.published(); // the same change again is no new version
                long versions = store.newest().id();
                assertTrue(syncA.pull());
                assertFalse(Files.exists(a.resolve("guides/parking.md")), "a deletion travels too");
                assertFalse(syncA.pull());
                syncA.published(); // A reloading the copied change publishes nothing back
                assertEquals(versions, store.newest().id());
            }
        }
    }

    @Test
    void a_folder_without_documents_is_never_shared() throws Exception {
        Path empty = dir.resolve("empty"), full = dir.resolve("full");
        Files.createDirectories(empty);
        withGuide(full);
        try (Database db = Database.open(Database.Settings.EMBEDDED, dir.resolve("store"))) {
            CorpusStore store = new CorpusStore(db);
            try (CorpusSync first = CorpusSync.join(empty, store)) {
                first.published();
                assertEquals(null, store.newest(), "an empty folder is not a version");
            }
            try (CorpusSync next = CorpusSync.join(full, store)) {
                assertTrue(Files.exists(full.resolve("guide.md")), "the next replica keeps its documents");
                next.published();
                assertTrue(store.read().files().containsKey("guide.md"));
            }
        }
    }

    @Test
    void of_two_replicas_over_the_same_folder_only_the_one_that_published_was_first() throws Exception {
        try (Database db = Database.open(Database.Settings.EMBEDDED, dir.resolve("store"))) {
            CorpusStore store = new CorpusStore(db);
            java.util.Map<String, byte[]> files = java.util.Map.of("guide.md", GUIDE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            long made = store.publishFirst("same", "first replica", files);
            assertTrue(made > 0, "the first makes the first version");
            assertEquals(-1L, store.publishFirst("same", "second replica", files), "the second, with the same files, makes none");
            assertEquals(made, store.newest().id());
            assertEquals(made, store.publish("same", "an edit", files), "a publication of the same files is the newest version");
        }
    }

    @Test
    void two_replicas_starting_together_never_let_the_later_first_look_write_over_an_edit() throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        withGuide(a);
        withGuide(b);
        try (Database db = Database.open(Database.Settings.EMBEDDED, dir.resolve("store"))) {
            CorpusStore store = new CorpusStore(db);
            try (CorpusSync syncA = CorpusSync.join(a, store); CorpusSync syncB = CorpusSync.join(b, store)) {
                // A's staff publish an edit before either replica's first look
                Files.writeString(a.resolve("prices.md"), "# Prices\n\n## Costs\n\nA massage costs ninety-five dollars.\n");
                syncA.published();
                syncB.first(); // B's first look: A's version exists, so B's older folder is not published over it
                assertTrue(syncB.pull(), "B takes A's version");
                assertTrue(Files.exists(b.resolve("prices.md")));
                assertTrue(store.read().files().containsKey("prices.md"), "the edit is still the shared corpus");
            }
        }
    }

    @Test
    void a_change_going_live_here_is_never_written_over_by_another_replicas_version() throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        withGuide(a);
        try (Database db = Database.open(Database.Settings.EMBEDDED, dir.resolve("store"))) {
            CorpusStore store = new CorpusStore(db);
            try (CorpusSync first = CorpusSync.join(a, store)) {
                first.published();
            }
            Files.createDirectories(b);
            try (CorpusSync syncA = CorpusSync.join(a, store); CorpusSync syncB = CorpusSync.join(b, store)) {
                Files.writeString(b.resolve("parking.md"), "# Parking\n\n## Where\n\nBehind the clinic.\n");
                syncB.published();
                // meanwhile A's staff publish a draft: the file is written, its reload (and so its publication) still running
                Files.writeString(a.resolve("prices.md"), "# Prices\n\n## Costs\n\nA massage costs ninety-five dollars.\n");
                assertFalse(syncA.pull(), "B's version waits");
                assertTrue(Files.exists(a.resolve("prices.md")), "A's change is not written over");
                syncA.published(); // A's reload finished: the change is shared (the later one wins, both are in the history)
                assertTrue(store.read().files().containsKey("prices.md"));
            }
        }
    }
}
