package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.sciaticachat.analysis.EnglishWords;
import com.sciaticachat.embed.MiniLmEmbedder;
import com.sciaticachat.support.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the triage weighs its parts, on readings set by hand so each rule of the decision is tried alone. */
class TriageTest {
    private final SafetyModel model = SafetyModel.bundled();

    private Triage triage(SafetyModel m) throws Exception {
        Path file = TestFiles.bundledCorpus().resolve(SafetyRules.FILE_NAME);
        SafetyRules rules = SafetyRules.parse(file.toString(), Files.readString(file)).rules();
        return new Triage(rules, new RedFlagMatcher(rules, EnglishWords.get()), new RedFlagDetector(m, MiniLmEmbedder.shared()));
    }

    private SafetyModel withOverrule(double share) {
        SafetyModel.NeighbourVote v = model.neighbours();
        return new SafetyModel(model.about(), model.embedding(), model.phrasings(), model.commit(), model.fittedAt(), model.cues(),
                model.vocabulary(), model.signs(), model.noSign(), model.framing(), model.gates(), model.measured(), model.levels(),
                new SafetyModel.NeighbourVote(v.k(), v.redShare(), v.emergencyShare(), share));
    }

    /** A steroid reading at alarm strength that the framing reads as not happening now, embedded as this message. */
    private RedFlagDetector.Detection framedOut(String message) {
        Map<String, Double> signs = new LinkedHashMap<>();
        for (SafetyModel.Sign s : model.signs()) signs.put(s.id(), 0.0);
        signs.put("steroids", 0.99);
        return new RedFlagDetector.Detection(signs, 0.05, MiniLmEmbedder.shared().embed(RedFlagDetector.wholeView(message)));
    }

    @Test
    void nearest_phrasings_that_are_nearly_all_red_flags_overrule_a_framing_that_reads_a_strong_sign_as_not_now() throws Exception {
        Phrasings.Phrasing red = Phrasings.bundled().redFlags().stream().filter(p -> p.label().equals("steroids")).findFirst().orElseThrow();
        Triage.Wording asks = new Triage.Wording(false, true);
        Triage.Verdict overruled = triage(withOverrule(0.9)).decide(asks, null, framedOut(red.message()), Triage.Mode.BOTH);
        assertEquals(Triage.Outcome.URGENT, overruled.outcome(), red.message());
        assertEquals(java.util.List.of("steroids"), overruled.signIds());

        Triage.Verdict framed = triage(withOverrule(0)).decide(asks, null, framedOut(red.message()), Triage.Mode.BOTH);
        assertNotEquals(Triage.Outcome.URGENT, framed.outcome(), "without the vote the framing decides");

        String calm = "what are your opening hours on saturday and can I pay by card";
        Triage.Verdict quiet = triage(withOverrule(0.9)).decide(asks, null, framedOut(calm), Triage.Mode.BOTH);
        assertNotEquals(Triage.Outcome.URGENT, quiet.outcome(), "ordinary neighbours leave the framing's reading alone");
    }

    @Test
    void the_shipped_model_lets_the_nearest_phrasings_overrule_the_framing_only_at_a_share_above_the_check_vote() {
        SafetyModel.NeighbourVote v = model.neighbours();
        assertEquals(0.9, v.overruleFraming(), 1e-9, "chosen on safety rounds 14 to 17 (docs/safety.md)");
        assertEquals(0, new SafetyModel.NeighbourVote(10, 0.9, 0.8).overruleFraming(), "older models: never");
    }
}
