package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.embed.MiniLmEmbedder;
import com.sciaticachat.support.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped safety model matches what the code and the jar hold; refit with eval --fit-safety when this fails. */
class SafetyModelTest {
    private final SafetyModel model = SafetyModel.bundled();

    @Test
    void it_was_fitted_on_the_phrasings_in_the_jar_with_the_embedding_and_cues_the_code_uses() throws Exception {
        assertEquals(Phrasings.bundled().fingerprint(), model.phrasings(), "the phrasings changed since the fit: run eval --fit-safety");
        assertEquals(MiniLmEmbedder.MODEL_ID, model.embedding());
        assertEquals(Framing.CUE_NAMES, model.cues());
        int dim = MiniLmEmbedder.DIMENSION, words = model.vocabulary().size();
        assertEquals(words, model.vocabulary().idf().length);
        for (SafetyModel.Sign s : model.signs()) {
            assertEquals(words + dim + 1, s.weights().length, s.id());
            assertTrue(s.check() <= s.alarm(), s.id());
        }
        assertEquals(words + dim + 1, model.noSign().length);
        assertEquals(words + Framing.CUE_NAMES.size() + dim + 1, model.framing().weights().length);
        assertNotNull(model.commit());
    }

    @Test
    void the_shipped_readings_of_the_phrasings_are_what_the_model_reads_now() throws Exception {
        Phrasings phrasings = Phrasings.bundled();
        RedFlagDetector.Detection[] shipped = SafetyGate.Readings.bundled(model, phrasings);
        assertNotNull(shipped, "safety-readings.tsv does not match the model and phrasings: run eval --fit-safety");
        RedFlagDetector live = new RedFlagDetector(model, MiniLmEmbedder.shared());
        // the readings were taken on the machine that fitted the model: another processor's int8 kernels round the
        // embedding a little differently (0.011 in one framing reading on an AVX2 machine); stale readings differ by far more
        double tolerance = 0.03;
        for (int i = 0; i < phrasings.items().size(); i += 97) {
            RedFlagDetector.Detection d = live.detect(phrasings.items().get(i).message());
            assertEquals(d.current(), shipped[i].current(), tolerance, phrasings.items().get(i).message());
            for (String sign : d.signs().keySet()) assertEquals(d.signs().get(sign), shipped[i].signs().get(sign), tolerance, sign);
        }
    }

    @Test
    void the_nearest_phrasings_vote_reads_the_embeddings_of_the_phrasings_the_model_learnt() throws Exception {
        assertNotNull(model.neighbours(), "the model names its nearest-phrasings vote");
        Neighbours near = Neighbours.bundled(model.phrasings());
        assertNotNull(near, "safety-neighbours.bin does not match the phrasings: run eval --fit-safety");
        Phrasings phrasings = Phrasings.bundled();
        int k = model.neighbours().k();
        Phrasings.Phrasing red = phrasings.redFlags().get(0);
        Phrasings.Phrasing calm = phrasings.calm().stream().filter(p -> p.label().equals("ordinary")).findFirst().orElseThrow();
        double redShare = near.redShare(MiniLmEmbedder.shared().embed(RedFlagDetector.wholeView(red.message())), k);
        double calmShare = near.redShare(MiniLmEmbedder.shared().embed(RedFlagDetector.wholeView(calm.message())), k);
        assertTrue(redShare > 0.5, red.message() + ": " + redShare);
        assertTrue(calmShare < 0.5, calm.message() + ": " + calmShare);
    }

    @Test
    void the_nearest_neighbours_hold_the_visitor_questions_the_model_learnt_as_ordinary_traffic() throws Exception {
        Neighbours near = Neighbours.bundled(model.phrasings());
        assertNotNull(near);
        java.util.List<String> questions = com.sciaticachat.eval.EvalSet.bundled().cases().stream()
                .map(com.sciaticachat.eval.EvalSet.Case::question).toList();
        assertEquals(Neighbours.fingerprint(questions), near.questionsFingerprint(),
                "the visitor questions changed since the neighbours were written: run eval --fit-safety --neighbours-only");
        // those the rules or the model would alarm or ask about are left out
        assertTrue(near.ordinaryQuestions() > questions.size() * 9 / 10 && near.ordinaryQuestions() < questions.size(),
                near.ordinaryQuestions() + " of " + questions.size());
        float[] ordinary = MiniLmEmbedder.shared().embed(RedFlagDetector.wholeView("how many massages will I need before my sciatica eases?"));
        assertTrue(near.redShareWithQuestions(ordinary, model.neighbours().k()) <= model.neighbours().quietShare());
        float[] red = MiniLmEmbedder.shared().embed(RedFlagDetector.wholeView("i wet myself this morning and can't feel my bum, can i still book?"));
        assertTrue(near.redShareWithQuestions(red, model.neighbours().k()) > 0.5, "a red flag stays among red flags");
    }

    /**
     * Two visitor questions the detector is unsure of, whose nearest messages are ordinary visitor questions: with
     * the vote they are answered with the emergency signs beside, not held back by the check question.
     */
    @Test
    void an_unsure_reading_among_ordinary_visitor_questions_gets_the_answer_with_the_caution_not_the_check() throws Exception {
        Path file = TestFiles.bundledCorpus().resolve(SafetyRules.FILE_NAME);
        SafetyRules rules = SafetyRules.parse(file.toString(), Files.readString(file)).rules();
        RedFlagMatcher matcher = new RedFlagMatcher(rules, com.sciaticachat.analysis.EnglishWords.get());
        SafetyModel.NeighbourVote v = model.neighbours();
        SafetyModel without = new SafetyModel(model.about(), model.embedding(), model.phrasings(), model.commit(), model.fittedAt(), model.cues(),
                model.vocabulary(), model.signs(), model.noSign(), model.framing(), model.gates(), model.measured(), model.levels(),
                new SafetyModel.NeighbourVote(v.k(), v.redShare(), v.emergencyShare(), 0));
        Triage off = new Triage(rules, matcher, new RedFlagDetector(without, MiniLmEmbedder.shared()));
        Triage on = new Triage(rules, matcher, new RedFlagDetector(model, MiniLmEmbedder.shared()));
        for (String q : java.util.List.of("can sciatica affect both sides at once", "my leg has no strength, could that be the nerve")) {
            assertEquals(Triage.Outcome.CHECK, off.assess(q).outcome(), q);
            Triage.Verdict verdict = on.assess(q);
            assertEquals(Triage.Outcome.CAUTION, verdict.outcome(), q);
            assertTrue(verdict.signs().size() >= 4, "the emergency signs: " + verdict.signs());
        }
    }

    @Test
    void a_leak_on_a_sneeze_is_asked_about_only_for_the_signs_the_clinic_marks_as_bladder_control() throws Exception {
        Path file = TestFiles.bundledCorpus().resolve(SafetyRules.FILE_NAME);
        String text = Files.readString(file);
        SafetyRules marked = SafetyRules.parse(file.toString(), text).rules();
        assertEquals(java.util.Set.of("bladder-bowel-control", "urinary-retention"), marked.bladderControl());
        SafetyRules unmarked = SafetyRules.parse(file.toString(), text.replace("    bladder_control: yes\n", "")).rules();
        assertEquals(java.util.Set.of(), unmarked.bladderControl());
        String leak = "cant hold my pee when i sneeze, im 3 months postpartum";
        for (SafetyRules rules : java.util.List.of(marked, unmarked)) {
            Triage triage = new Triage(rules, new RedFlagMatcher(rules, com.sciaticachat.analysis.EnglishWords.get()),
                    new RedFlagDetector(model, MiniLmEmbedder.shared()));
            assertEquals(rules == marked ? Triage.Outcome.CHECK : Triage.Outcome.URGENT, triage.assess(leak).outcome(),
                    "marked: the check question; unmarked: the alarm as for any loss of bladder control");
        }
    }

    /** The triage as the service runs it on the bundled rules: matcher, detector and second reader. */
    private Triage servedTriage() throws Exception {
        Path file = TestFiles.bundledCorpus().resolve(SafetyRules.FILE_NAME);
        SafetyRules rules = SafetyRules.parse(file.toString(), Files.readString(file)).rules();
        return new Triage(rules, new RedFlagMatcher(rules, com.sciaticachat.analysis.EnglishWords.get()),
                new RedFlagDetector(model, MiniLmEmbedder.shared()), SecondReader.bundled());
    }

    @Test
    void a_leak_on_a_sneeze_stays_the_check_question_when_the_second_reader_reads_it_as_the_sign() throws Exception {
        Triage triage = servedTriage();
        // a visitor's trial: these two got the 911 reply (the second reader confirmed the check question), the same leak
        // worded "I'm 30 weeks pregnant and I leaked a little pee when I sneezed" the check question
        for (String q : java.util.List.of("I leaked a little pee when I sneezed this morning, and my sciatica is bad",
                "I'm pregnant and leaked pee when I sneezed and have sciatica")) {
            Triage.Verdict v = triage.assess(q);
            assertEquals(Triage.Outcome.CHECK, v.outcome(), q);
            assertEquals(SafetyRules.Level.EMERGENCY, v.level(), "the check keeps its 911 link: " + q);
        }
        assertEquals(Triage.Outcome.URGENT, triage.assess("I leaked pee when I sneezed and now I can't feel it when I wipe").outcome(),
                "told unfelt, it is the alarm");
    }

    @Test
    void a_leg_that_went_weak_is_the_alarm_and_a_fall_told_plainly_is_a_fall() throws Exception {
        Triage triage = servedTriage();
        // a visitor trial: "went numb and weak" matched no weakness phrase, "I fell yesterday" no fall, so nothing was said
        Triage.Verdict v = triage.assess("my leg went numb and weak and I fell yesterday");
        assertEquals(Triage.Outcome.URGENT, v.outcome());
        assertEquals(SafetyRules.Level.EMERGENCY, v.level());
        assertEquals(SafetyRules.Level.SEE_DOCTOR, triage.assess("i fell and hurt my back yesterday").level());
        assertEquals(Triage.Outcome.NONE, triage.assess("I fell asleep on the couch and now my back hurts").outcome());
    }

    @Test
    void back_pain_from_lifting_is_no_injury_unless_the_clinic_marks_none_and_a_fall_still_is() throws Exception {
        Path file = TestFiles.bundledCorpus().resolve(SafetyRules.FILE_NAME);
        SafetyRules rules = SafetyRules.parse(file.toString(), Files.readString(file)).rules();
        assertEquals(java.util.Set.of("trauma"), rules.injury());
        Triage triage = new Triage(rules, new RedFlagMatcher(rules, com.sciaticachat.analysis.EnglishWords.get()),
                new RedFlagDetector(model, MiniLmEmbedder.shared()), SecondReader.bundled());
        assertEquals(Triage.Outcome.NONE, triage.assess("hurt my back liftin drywall yesterday now pain goin down my right leg wtf").outcome());
        assertEquals(Triage.Outcome.URGENT, triage.assess("fell down the stairs carrying the baby, baby fine, me not. back and leg pain since")
                .outcome());
    }

    @Test
    void a_check_about_emergency_signs_has_its_own_share_of_red_neighbours() {
        SafetyModel.NeighbourVote vote = new SafetyModel.NeighbourVote(10, 0.9, 0.8, 0.15);
        assertEquals(0.8, vote.share(true));
        assertEquals(0.9, vote.share(false));
        assertEquals(0.9, new SafetyModel.NeighbourVote(10, 0.9, 0, 0).share(true), "no emergency share: the one share");
        // a missed emergency costs more: only a check about emergency signs is turned into the alarm by its neighbours
        assertTrue(model.neighbours().share(true) > 0, "a check about emergency signs is decided by its neighbours: " + model.neighbours());
        assertEquals(0, model.neighbours().share(false), "a check about see-a-doctor signs stays a question: " + model.neighbours());
    }

    @Test
    void every_sign_it_knows_has_a_rule_in_the_clinics_safety_file() throws Exception {
        Path file = TestFiles.bundledCorpus().resolve(SafetyRules.FILE_NAME);
        SafetyRules rules = SafetyRules.parse(file.toString(), Files.readString(file)).rules();
        for (SafetyModel.Sign s : model.signs()) assertNotNull(rules.rule(s.id()), s.id() + " has no rule");
        for (String id : Phrasings.bundled().redFlags().stream().map(Phrasings.Phrasing::label).distinct().toList()) {
            assertNotNull(rules.rule(id), "phrasings name an unknown sign " + id);
        }
    }
}
