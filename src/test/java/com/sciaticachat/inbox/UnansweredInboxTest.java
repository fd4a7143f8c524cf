package com.sciaticachat.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import com.sciaticachat.store.Database;
import com.sciaticachat.store.InboxStore;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnansweredInboxTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "write to jo.smith+spam@example.co.uk please|write to [email] please",
            "call me on (919) 555-0142 tomorrow|call me on [phone] tomorrow",
            "my number is +1 919.555.0142|my number is [phone]",
            "member 123456789 here|member [number] here",
            "pain for 3 weeks since 2019|pain for 3 weeks since 2019",
            "can I come before my first lesson? keala|can I come before my first lesson? [name]",
            "can I come before my first lesson? thx|can I come before my first lesson? thx",
            "does it help after a fall? wondering|does it help after a fall? wondering"})
    void personal_details_are_removed_before_storage(String text, String scrubbed) {
        assertEquals(scrubbed, Pii.scrub(text));
    }

    @TempDir
    Path dir;
    private final java.util.List<Database> opened = new java.util.ArrayList<>();

    private Database store() {
        Database db = Database.open(Database.Settings.EMBEDDED, dir.resolve("store"));
        opened.add(db);
        return db;
    }

    @org.junit.jupiter.api.AfterEach
    void closeStores() {
        opened.forEach(Database::close);
    }

    @Test
    void similar_questions_group_and_a_done_group_reopens_when_asked_again() throws Exception {
        try (UnansweredInbox inbox = new UnansweredInbox(new InboxStore(store()), 100, 0)) {
            inbox.record("how much does a massage cost", Set.of("cost", "massag"), "no_match", null);
            inbox.record("what does a massage cost?", Set.of("cost", "massag"), "no_match", null);
            inbox.record("tennis elbow", Set.of("tenni", "elbow"), "no_match",
                    new UnansweredInbox.Candidate("doc/tennis-ball-massage", "Tennis Ball Massage", 0.08));
            assertEquals(2, inbox.groups().size());
            UnansweredInbox.Group cost = inbox.groups().stream().filter(g -> g.count() == 2).findFirst().orElseThrow();
            assertTrue(inbox.markDone(cost.id()));
            assertEquals(1, inbox.openGroups());
            inbox.record("massage cost please", Set.of("cost", "massag"), "no_match", null);
            assertEquals(2, inbox.openGroups(), "asked again after it was marked done: open again");
            assertFalse(inbox.markDone("no-such-group"));
        }
    }

    @Test
    void the_inbox_survives_a_restart() throws Exception {
        Database db = store();
        try (UnansweredInbox inbox = new UnansweredInbox(new InboxStore(db), 100, 0)) {
            inbox.record("what about knees", Set.of("knee"), "no_match", null);
        }
        db.close();
        try (UnansweredInbox again = new UnansweredInbox(new InboxStore(store()), 100, 0)) {
            assertEquals(1, again.groups().size());
            assertEquals("what about knees", again.groups().get(0).question());
            again.record("knees again?", Set.of("knee"), "no_match", null);
            assertEquals(2, again.groups().get(0).count());
        }
    }

    @Test
    void an_earlier_versions_inbox_file_is_imported_once_skipping_a_line_torn_by_a_crash() throws Exception {
        Path file = dir.resolve("unanswered.jsonl");
        Files.writeString(file, "{\"type\":\"question\",\"group\":\"g1\",\"time\":\"2026-11-01T10:00:00Z\",\"question\":\"what about knees\","
                + "\"status\":\"no_match\",\"key\":[\"knee\"]}\n{\"type\":\"question\",\"gro");
        try (UnansweredInbox inbox = new UnansweredInbox(new InboxStore(store()), 100, 0)) {
            inbox.importOnce(file);
            assertEquals(1, inbox.groups().size());
            assertEquals("what about knees", inbox.groups().get(0).question());
            assertFalse(Files.exists(file), "moved aside");
            assertTrue(Files.exists(dir.resolve("unanswered.jsonl.imported")), "kept beside");
            Files.copy(dir.resolve("unanswered.jsonl.imported"), file);
            inbox.importOnce(file);
            assertEquals(1, inbox.groups().get(0).count(), "never twice");
        }
    }

    @Test
    void two_replicas_over_one_store_see_each_others_questions_marks_and_compactions() throws Exception {
        Database db = store();
        try (UnansweredInbox a = new UnansweredInbox(new InboxStore(db), 40, 0); UnansweredInbox b = new UnansweredInbox(new InboxStore(db), 40, 0)) {
            a.record("how much does a massage cost", Set.of("cost", "massag"), "no_match", null);
            assertEquals(1, b.groups().size(), "asked through A, shown by B");
            b.record("what does a massage cost?", Set.of("cost", "massag"), "no_match", null);
            assertEquals(2, a.groups().get(0).count(), "B's question joins A's group");
            assertTrue(b.markDone(a.groups().get(0).id()));
            assertEquals(0, a.openGroups(), "marked done in B's console, done in A's");
            for (int i = 0; i < 100; i++) a.record("question " + i, Set.of("topic" + i), "no_match", null);
            a.awaitCompaction();
            assertTrue(b.groups().size() <= 41, b.groups().size() + " groups in B after A compacted");
            assertTrue(b.groups().stream().anyMatch(g -> g.question().equals("question 99")), "the newest are kept");
        }
    }

    @Test
    void the_store_stays_bounded() throws Exception {
        Database db = store();
        try (UnansweredInbox inbox = new UnansweredInbox(new InboxStore(db), 40, 0)) {
            for (int i = 0; i < 200; i++) inbox.record("question " + i, Set.of("topic" + i), "no_match", null);
            inbox.awaitCompaction();
            assertTrue(inbox.groups().size() <= 40, inbox.groups().size() + " groups");
            assertTrue(inbox.groups().stream().anyMatch(g -> g.question().equals("question 199")), "the newest are kept");
        }
        assertTrue(new InboxStore(db).after(0).size() <= 41);
    }

    @Test
    void a_store_that_fails_loses_the_question_but_not_the_service() throws Exception {
        Database db = store();
        try (UnansweredInbox inbox = new UnansweredInbox(new InboxStore(db), 100, 0)) {
            assertTrue(inbox.record("what about knees", Set.of("knee"), "no_match", null, null));
            db.close();
            assertFalse(inbox.record("and one more", Set.of("more"), "no_match", null, null), "said, not thrown");
            assertEquals(1, inbox.groups().size(), "what was read before is still shown");
        }
    }

    @Test
    void one_client_is_recorded_a_few_times_a_minute_and_others_still_get_in() throws Exception {
        try (UnansweredInbox inbox = new UnansweredInbox(new InboxStore(store()), 10_000, 3)) {
            int kept = 0;
            for (int i = 0; i < 50; i++) if (inbox.record("junk " + i, Set.of("junk" + i), "no_match", null, "203.0.113.9")) kept++;
            assertEquals(3, kept, "a flood from one address keeps only its share");
            assertTrue(inbox.record("does massage help sciatica in pregnancy", Set.of("pregnanc"), "no_match", null, "198.51.100.7"));
            assertEquals(4, inbox.groups().size());
        }
    }
}
