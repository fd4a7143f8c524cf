package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.analysis.EnglishWords;
import com.sciaticachat.embed.MiniLmEmbedder;
import com.sciaticachat.eval.SafetyReport;
import com.sciaticachat.support.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The safety sets through the triage with the clinic's shipped rules. The bounds sit below today's figures
 * (docs/safety.md) by a margin, so that a change that loses red flags fails.
 */
class SafetySetTest {

    private static SafetyReport run(Phrasings set) throws Exception {
        Path file = TestFiles.bundledCorpus().resolve(SafetyRules.FILE_NAME);
        SafetyRules rules = SafetyRules.parse(file.toString(), Files.readString(file)).rules();
        SafetyReport report = SafetyReport.run(set, rules, new RedFlagMatcher(rules, EnglishWords.get()),
                new RedFlagDetector(SafetyModel.bundled(), MiniLmEmbedder.shared()), SecondReader.bundled());
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        report.print(set.name(), new PrintStream(table, true, StandardCharsets.UTF_8), false);
        System.out.println(table.toString(StandardCharsets.UTF_8));
        return report;
    }

    @Test
    void the_phrasings_the_detector_learnt_from_alarm_as_the_safety_gate_requires() throws Exception {
        Phrasings set = Phrasings.bundled();
        assertTrue(set.redFlags().size() >= 200 && set.calm().size() >= 200, set.redFlags().size() + " red flags, " + set.calm().size() + " calm");
        // the model's readings and embeddings of its own phrasings, as shipped with it (SafetyModelTest checks a sample
        // of them against the live model): reading all 12,000 again would take minutes of embedding
        SafetyModel model = SafetyModel.bundled();
        RedFlagDetector.Detection[] readings = SafetyGate.Readings.bundled(model, set);
        Neighbours near = Neighbours.bundled(model.phrasings());
        assertTrue(readings != null && near != null, "the readings and the neighbours file match the phrasings: run eval --fit-safety");
        SafetyRules rules = safetyRules();
        SafetyReport report = SafetyReport.run(set, rules, new RedFlagMatcher(rules, EnglishWords.get()), new RedFlagDetector(model, MiniLmEmbedder.shared()),
                i -> new RedFlagDetector.Detection(readings[i].signs(), readings[i].current(), near.vector(i)));
        report.print(set.name(), System.out, false);
        SafetyReport.Figures f = report.figures();
        java.util.List<String> unasked = report.outcomes().stream()
                .filter(o -> o.phrasing().redFlag() && rules.rule(o.phrasing().label()).level() == SafetyRules.Level.EMERGENCY)
                .filter(o -> o.chat().outcome() != Triage.Outcome.URGENT
                        && !(o.chat().outcome() == Triage.Outcome.CHECK && o.chat().level() == SafetyRules.Level.EMERGENCY))
                .map(o -> o.phrasing().message()).toList();
        assertEquals(java.util.List.of(), unasked, "every emergency phrasing alarms or gets the emergency check, as the gate requires");
        // 23 of 4,454 get the emergency check with its 911 link instead ("weeing myself a bit when i cough"; "my bum is
        // numb, also what stretches help sciatica?"); 6 of 2,678 before rounds 14 to 34, which hold the emergencies blind
        // rounds had missed, joined the phrasings
        assertTrue(f.emergencyRecall() >= 0.994, "emergency phrasings alarmed: " + f.emergencyRecall());
        assertTrue(f.rightLevel() >= SafetyGate.MIN_RIGHT_LEVEL, "at the right level: " + f.rightLevel());
        assertTrue(f.falseAlarms() <= SafetyGate.MAX_FALSE_ALARMS, "calm messages alarmed: " + f.falseAlarms());
    }

    /**
     * The held-out sets, each measured once out of sample (round 1: 93.9% of red flags alarmed, 3.9% of calm
     * messages; round 2: 95.4% and 3.2%; round 3: 95.0% and 0.7%; round 4: 95.7% and 4.3%; round 5: 89.7% and
     * 4.9%; round 6: 89.3% and 0.9%; round 7: 95.5% and 3.6%; Spanish round 1: 84.5% and 7.1%; Spanish round 2: 84.5% and 8.3%; Spanish round 3: 84.5% and 9.5%; round 8: 92.4% and 3.6%; round 9 with the nearest-phrasings vote: 98.7% and 1.8%; with rounds 7 to 9 and Spanish 1 to 3 learnt, round 10: 99.1% and 0.9%,
     * Spanish round 4: 95.2% and 9.5%; with a training batch in eight other voices, round 11: 97.8% and 0.4%, Spanish round 5:
     * 88.1% and 0.0%; with rounds 10, 11 and Spanish 4, 5 learnt and an emergency check settled by fewer red neighbours,
     * round 12: 98.2% and 1.8%, Spanish round 6: 89.3% and 6.0%; with those two learnt, round 13: 96.0% and 3.1%; with round 13 learnt,
     * round 14: 97.3% and 0.9%; round 15: 99.6% and 0.0%; round 16: 98.7% and 0.9%; round 17: 96.9% and 4.0%; round 18: 99.1% and 3.6%;
     * round 19: 98.2% and 5.8%; round 20: 99.6% and 1.8%; with a batch of harmless senses and practical asks learnt,
     * round 21: 98.7% and 1.3%; round 22, written after it: 96.4% and 0.9%; round 23: 98.2% and 4.9%; with a batch of red flags and calm messages
     * that end with a question about massage learnt, round 22 97.3% and 0.4%, round 23 98.7% and 4.5%; round 24, written after it: 99.1% and 3.6%; round 25: 91.5% and 0.4% (its misses nearly all in Taglish); round 26,
     * before and after the vote of ordinary visitor questions: 95.5% and 2.7% both times; round 27, four of its eight voices in
     * shorthand, before and after shorthand was read as plain words: 95.1% and 6.0%, 98.9% and 7.1%; round 28, denials
     * beside signs and alone: 85.7% and 17.9%, 94.6% and 23.2%; with denials set aside before the detector reads a message,
     * round 27 99.1% and 4.9%, round 28 92.9% and 12.5%; round 29, denials, past signs and relatives' histories, before and
     * after that: 96.4% and 42.0%, 95.5% and 30.4%; round 30, signs that are over and other people's histories: 97.3% and
     * 30.4%, 98.2% and 17.0%; with charting denials ("nil", "NAD"), "don't feel numb", and a sign whose rule needs back
     * pain not counting where the message only denies the pain: round 29 94.6% and 20.5%, round 30 98.2% and 16.1%;
     * round 31, hard calm messages of five kinds, on main, with denials set aside, and with that: 100% and 18.1%,
     * 100% and 12.5%, 100% and 11.9%); with signs that are over set aside: round 29 93.8% and 17.9%, round 30 97.3% and
     * 12.5%, round 31 100% and 9.4%; round 32, signs that are over and red flags told in the past tense, read while building
     * that: 99.1% and 11.6%, 99.1% and 7.1%; round 33, the same brief in other voices, written blind while it was built: 100%
     * and 23.2% before, 99.1% and 19.6% at its first run after, 100% and 18.8% once its run-on red flag was mended); rounds 1 to 13 and Spanish rounds 1 to 6 have
     * since joined the phrasings. They stay as guards, with a margin under what
     * they measured: the floor of red flags alarmed and the ceiling of calm messages alarmed.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"heldout-r1.tsv, 0.90, 0.05", "heldout-r2.tsv, 0.90, 0.05", "heldout-r3.tsv, 0.90, 0.05",
            "heldout-r4.tsv, 0.90, 0.05", "heldout-r5.tsv, 0.87, 0.06",
            "heldout-r6.tsv, 0.87, 0.03", "heldout-r7.tsv, 0.93, 0.05", "heldout-r8.tsv, 0.90, 0.05", "heldout-r9.tsv, 0.95, 0.03",
            "heldout-r10.tsv, 0.95, 0.03", "heldout-es1.tsv, 0.80, 0.10", "heldout-es2.tsv, 0.80, 0.12", "heldout-es3.tsv, 0.80, 0.13",
            "heldout-es4.tsv, 0.90, 0.12", "heldout-r11.tsv, 0.95, 0.03", "heldout-es5.tsv, 0.84, 0.05",
            "heldout-r12.tsv, 0.95, 0.03", "heldout-es6.tsv, 0.85, 0.08", "heldout-r13.tsv, 0.93, 0.05",
            "heldout-r14.tsv, 0.95, 0.03", "heldout-r15.tsv, 0.97, 0.02", "heldout-r16.tsv, 0.97, 0.02",
            "heldout-r17.tsv, 0.95, 0.05", "heldout-r18.tsv, 0.97, 0.04", "heldout-r19.tsv, 0.96, 0.07",
            "heldout-r20.tsv, 0.97, 0.03", "heldout-r21.tsv, 0.97, 0.03",
            "heldout-r22.tsv, 0.96, 0.02", "heldout-r23.tsv, 0.97, 0.06",
            "heldout-r24.tsv, 0.97, 0.05", "heldout-r25.tsv, 0.90, 0.02", "heldout-r26.tsv, 0.94, 0.04",
            "heldout-r27.tsv, 0.98, 0.06", "heldout-r28.tsv, 0.91, 0.15", "heldout-r29.tsv, 0.93, 0.20",
            "heldout-r30.tsv, 0.97, 0.15", "heldout-r31.tsv, 0.98, 0.12", "heldout-r32.tsv, 0.98, 0.09", "heldout-r33.tsv, 0.98, 0.21",
            "heldout-r34.tsv, 0.98, 0.15", "heldout-r35.tsv, 0.98, 0.10", "heldout-r36.tsv, 0.85, 0.06",
            "heldout-r37.tsv, 0.98, 0.08", "heldout-r38.tsv, 0.95, 0.06", "heldout-r39.tsv, 0.96, 0.03", "heldout-r40.tsv, 0.96, 0.08",
            "heldout-r41.tsv, 0.97, 0.04", "heldout-r42.tsv, 0.98, 0.06", "heldout-r43.tsv, 0.97, 0.05", "heldout-r44.tsv, 0.97, 0.05", "heldout-r45.tsv, 0.97, 0.05",
            "heldout-r46.tsv, 0.96, 0.04", "heldout-r47.tsv, 0.97, 0.05", "heldout-r48.tsv, 0.97, 0.08",
            "heldout-r49.tsv, 0.96, 0.07", "heldout-r50.tsv, 0.98, 0.02"})
    void the_held_out_sets_keep_their_measured_figures(String file, double recallFloor, double falseAlarmCeiling) throws Exception {
        Phrasings set = Phrasings.read(Path.of("src/test/resources/safety/" + file));
        SafetyReport report = run(set);
        SafetyReport.Figures both = report.figures();
        SafetyReport.Figures rules = report.figures(Triage.Mode.RULES);
        assertTrue(both.recall() > rules.recall() + 0.25, "the detector adds to the rules (round 29: 28 points): " + both.recall() + " vs " + rules.recall());
        assertTrue(both.recall() >= recallFloor, "red flags alarmed: " + both.recall());
        assertTrue(both.falseAlarms() <= falseAlarmCeiling, "calm alarmed: " + both.falseAlarms());
    }

    /**
     * Ordinary messages (blind, 300 in six voices, told to hold no warning sign; heldout-ordinary-r1.tsv): none alarmed
     * when first run, and 7 got the check question. A guard with a margin.
     */
    @Test
    void ordinary_messages_written_blind_raise_no_alarm() throws Exception {
        SafetyReport.Figures both = run(Phrasings.read(Path.of("src/test/resources/safety/heldout-ordinary-r1.tsv"))).figures();
        assertTrue(both.falseAlarms() <= 0.01, "ordinary messages alarmed: " + both.falseAlarms());
    }

    /**
     * Messages that name cauda equina syndrome (blind; the phrase rule alone finds the name now and when calm, so the
     * framing decides). heldout-ces1.tsv: 14.6% of those telling of it now alarmed on the model before a batch that
     * names it, 85.4% after, calm 4.2% both times. heldout-ces2.tsv, written before that batch: 35.4% → 79.2% (and
     * 10.4% get the emergency check), calm 2.1% → 4.2%. Since rounds 14 to 34 joined the phrasings: 81.3% alarmed on
     * both (10.4% and 12.5% get the emergency check), calm 6.3% and 4.2%. Guards with a margin under what they measured.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"heldout-ces1.tsv, 0.80, 0.07", "heldout-ces2.tsv, 0.77, 0.07"})
    void a_named_cauda_equina_keeps_its_measured_figures(String file, double recallFloor, double falseAlarmCeiling) throws Exception {
        SafetyReport.Figures both = run(Phrasings.read(Path.of("src/test/resources/safety/" + file))).figures();
        assertTrue(both.recall() >= recallFloor, "named now, alarmed: " + both.recall());
        assertTrue(both.falseAlarms() <= falseAlarmCeiling, "named calmly, alarmed: " + both.falseAlarms());
    }

    private static SafetyRules safetyRules() throws Exception {
        Path file = TestFiles.bundledCorpus().resolve(SafetyRules.FILE_NAME);
        return SafetyRules.parse(file.toString(), Files.readString(file)).rules();
    }
}
