package com.sciaticachat.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.chat.ChatService;
import com.sciaticachat.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The held-out follow-up sets as guards. Round 1 (written blind before follow-ups were read in context) was
 * run once before (45.2% of the follow-ups right, asked alone as the widget then sent them) and once after
 * (75.0%); round 2 (written blind by another helper in other voices) once, on that code: 79.8% (alone
 * 52.8%). A visitor trial then showed a question the guide cannot answer ("do you take insurance?") getting
 * the last answer again; answering such questions alone costs round 2 four pairs (75.3%, no longer blind).
 * Round 3 (60 pairs, blind, five more voices) was run before and after naming a whole topic's part picks it:
 * 81.7% and 83.3% (rounds 1 and 2, now development sets: 75.0% and 77.5%). Round 4 (80 pairs, blind) was run
 * before and after "go on" reads on past a section that announces what follows: 71.3% both times; round 5 (80
 * pairs, blind) before and after misspelt conversational words and "other ..." were read: 75.0% and 77.5%
 * (round 4, a development set by then: 77.5%). Rounds 6 and 7 (90 pairs each with 10 the guide does not answer, blind)
 * before and after a follow-up that leans on the answer and that nothing answers stays with its topic: 72.2% and
 * 81.1% both times (rounds 2, 4 and 5, development sets: +2 pairs each, +8 in all). Round 6's follow-ups often move to
 * another topic ("and the trigger point one?"), which the history keeps on the old one: read with it, 65 right;
 * alone, 62.
 * Round 8 (90 pairs, blind) before and after the asking sentence of a longer message is read (not its thanks),
 * "item three" counts, and after one part of a topic another part can be named ("and the deep one?"): 77.8% and 78.9%
 * (rounds 1 to 7, development sets: +1, +4 and +6 pairs on rounds 2, 6 and 7, none lost); with "#5" read as it
 * was always meant to be (a word boundary never matched before "#"), 80.0%.
 * Round 9 (90 pairs, blind, five new voices) before and after reading "else", "other" and "besides" as asking beyond
 * what was shown (what "besides" sets aside left out), and a pointer read with the question before: 86.7% and 86.7%
 * (rounds 1 to 8, development sets: 549 → 557 of 663 pairs); with the set-aside words left out of the check that the words
 * still point at what was shown, and "further options?" read as more of the same: 87.8% (tuned, not evidence).
 * Round 10 (90 pairs, blind, five new voices), on main at the session start and at its end: 86.7% and 85.6% (two
 * "anything else besides the pills?" that stay moved away, one moved right); a question left with no words of its own
 * once what "besides" sets aside is taken out then asks for more of the same: 86.7% (tuned).
 * Round 11 (90 pairs, blind, five new voices), before and after "the first of those" and "#6, ..." read as positions:
 * 81.1% and 81.1%; then, tuned on it, what "besides" sets aside that the answer told of asks for more of that answer ("Other
 * way beside the foam roller?" after Self-Massage Techniques) and a position told in its own sentence before the question
 * counts ("The first of those sounds vigorous. What does it involve?"): 87.8% (round 10 91.1%, rounds 1 to 9 unchanged).
 * Round 12 (90 pairs, blind, five new voices, written after those changes), on main at the session's start and end:
 * 75.6% and 76.7% (its misses are mostly Tagalog and Gullah fragments).
 * Since the visitor question encoder (2026-12-06) a question asked alone is read better, so round 9's follow-ups gain
 * 4 pairs from the history instead of 6 (90.0% in context, 85.6% alone); its bar for the gain is 3.
 * Each bar sits about five pairs under today's figure; follow-ups that stand alone must stay right as they
 * are (14 of 14, 14 of 15), since reading a new question as a follow-up answers the visitor about the
 * wrong thing.
 */
class FollowUpSetTest {

    @ParameterizedTest
    @CsvSource({"followups-r1.tsv, 84, 0.69, 14, 10", "followups-r2.tsv, 89, 0.72, 14, 10", "followups-r3.tsv, 60, 0.75, 10, 10",
            "followups-r4.tsv, 80, 0.71, 13, 10", "followups-r5.tsv, 80, 0.71, 16, 10", "followups-r6.tsv, 90, 0.67, 13, 0",
            "followups-r7.tsv, 90, 0.81, 15, 10", "followups-r8.tsv, 90, 0.74, 16, 10",
            "followups-r9.tsv, 90, 0.82, 15, 3",
            "followups-r10.tsv, 90, 0.85, 15, 5", "followups-r11.tsv, 90, 0.82, 15, 5", "followups-r12.tsv, 90, 0.71, 14, 3",
            "followups-r13.tsv, 90, 0.78, 15, 10", "followups-r14.tsv, 90, 0.73, 15, 10"})
    void follow_ups_are_read_in_context_and_questions_that_stand_alone_are_not(String name, int pairs, double minRight,
                                                                               int minStandalone, int minGain) throws Exception {
        ChatService chat = TestServer.bundled().app.chat();
        Path file = Path.of(FollowUpSetTest.class.getResource("/heldout/" + name).toURI());
        FollowUpSet.Figures inContext = FollowUpSet.run(chat, file, true);
        FollowUpSet.Figures alone = FollowUpSet.run(chat, file, false);
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        FollowUpSet.print(inContext, name + " in context", new PrintStream(table, true, StandardCharsets.UTF_8));
        FollowUpSet.print(alone, name + " asked alone", new PrintStream(table, true, StandardCharsets.UTF_8));
        System.out.println(table);
        assertEquals(pairs, inContext.total());
        assertTrue(inContext.share() >= minRight, table.toString());
        assertTrue(inContext.byKind().get("standalone")[0] >= minStandalone, table.toString());
        assertTrue(inContext.right() >= alone.right() + minGain, "the history is what answers them: " + table);
    }
}
