package com.sciaticachat.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
            "pain for 3 weeks since 2019|pain for 3 weeks since 2019"})
    void personal_details_are_removed_before_storage(String text, String scrubbed) {
        assertEquals(scrubbed, Pii.scrub(text));
    }

    @Test
    void similar_questions_group_and_a_done_group_reopens_when_asked_again(@TempDir Path dir) throws Exception {
        try (UnansweredInbox inbox = new UnansweredInbox(dir.resolve("inbox.jsonl"), 100)) {
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
    void the_inbox_survives_a_restart_and_skips_a_line_torn_by_a_crash(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inbox.jsonl");
        try (UnansweredInbox inbox = new UnansweredInbox(file, 100)) {
            inbox.record("what about knees", Set.of("knee"), "no_match", null);
        }
        Files.writeString(file, "{\"type\":\"question\",\"gro", StandardOpenOption.APPEND);
        try (UnansweredInbox again = new UnansweredInbox(file, 100)) {
            assertEquals(1, again.groups().size());
            assertEquals("what about knees", again.groups().get(0).question());
            again.record("knees again?", Set.of("knee"), "no_match", null);
            assertEquals(2, again.groups().get(0).count());
        }
    }

    @Test
    void the_file_stays_bounded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inbox.jsonl");
        try (UnansweredInbox inbox = new UnansweredInbox(file, 40)) {
            for (int i = 0; i < 200; i++) inbox.record("question " + i, Set.of("topic" + i), "no_match", null);
            inbox.awaitCompaction();
            assertTrue(inbox.groups().size() <= 40, inbox.groups().size() + " groups");
            assertTrue(inbox.groups().stream().anyMatch(g -> g.question().equals("question 199")), "the newest are kept");
        }
        assertTrue(Files.readAllLines(file).size() <= 41);
    }

    @Test
    void a_compaction_that_fails_leaves_the_inbox_recording(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inbox.jsonl");
        Files.createDirectories(dir.resolve("inbox.jsonl.compacting")); // the temporary file cannot be written
        try (UnansweredInbox inbox = new UnansweredInbox(file, 10)) {
            for (int i = 0; i < 30; i++) inbox.record("question " + i, Set.of("topic" + i), "no_match", null);
            inbox.awaitCompaction();
            assertTrue(inbox.record("and one more", Set.of("more"), "no_match", null, null));
            assertTrue(inbox.groups().stream().anyMatch(g -> g.question().equals("and one more")));
        }
        assertTrue(Files.readString(file).contains("and one more"), "appended to the file still in place");
    }

    @Test
    void one_client_is_recorded_a_few_times_a_minute_and_others_still_get_in(@TempDir Path dir) throws Exception {
        try (UnansweredInbox inbox = new UnansweredInbox(dir.resolve("inbox.jsonl"), 10_000, 3)) {
            int kept = 0;
            for (int i = 0; i < 50; i++) if (inbox.record("junk " + i, Set.of("junk" + i), "no_match", null, "203.0.113.9")) kept++;
            assertEquals(3, kept, "a flood from one address keeps only its share");
            assertTrue(inbox.record("does massage help sciatica in pregnancy", Set.of("pregnanc"), "no_match", null, "198.51.100.7"));
            assertEquals(4, inbox.groups().size());
        }
    }
}
