package com.sciaticachat.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.analysis.EnglishWords;
import com.sciaticachat.support.TestFiles;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedFlagMatcherTest {
    private static RedFlagMatcher matcher;

    @BeforeAll
    static void load() throws Exception {
        String text = Files.readString(TestFiles.bundledCorpus().resolve(SafetyRules.FILE_NAME));
        SafetyRules.Result r = SafetyRules.parse("corpus/safety.yml", text);
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        matcher = new RedFlagMatcher(r.rules(), EnglishWords.get());
    }

    private static String level(String message) {
        RedFlagMatcher.Finding f = matcher.check(message);
        return f == null ? "none" : f.level().value;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "I wet myself this morning|emergency",
            "numb down there|emergency",
            "my foot flops when I walk|emergency",
            "both legs giving way|emergency",
            "since the car crash my back hurts|see_doctor",
            "I have a fever and my back hurts|see_doctor"})
    void lay_words_raise_the_right_level(String message, String expected) {
        assertEquals(expected, level(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no trouble with my waterworks", "the ER said it isn't cauda equina",
            "I don't have any numbness down there", "my doctor ruled out cauda equina", "cauda equina was ruled out",
            "LBP x1wk. Nil numbness, nil fever. Deep tissue ok?",
            "no bladder or bowel problems", "I have no history of cancer and my back hurts", "not incontinent at all",
            "pain in my lower back but I do all my work, nothing numb down there"})
    void negated_signs_do_not_alarm(String message) {
        assertEquals("none", level(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no fever and I wet myself", "no bladder problems but I can't feel my bum",
            "not sure, but my groin feels numb", "I can no longer control my bladder",
            "nothing helps my back and I wet myself"})
    void a_negation_covers_only_its_own_clause(String message) {
        assertEquals("emergency", level(message));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"numbnes in my groin|emergency", "cant controll my bladder|emergency",
            "worried about cuada equina|emergency", "fevr and back pain|see_doctor"})
    void typos_still_match(String message, String expected) {
        assertEquals(expected, level(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {"I never had back pain before", "I fell asleep on the sofa and my back hurts",
            "does a fever mean I should cancel my massage?", "will losing weight help my sciatica"})
    void real_words_and_harmless_contexts_do_not_alarm(String message) {
        assertEquals("none", level(message));
    }

    @org.junit.jupiter.api.Test
    void emergency_outranks_see_doctor_and_every_sign_is_named() {
        RedFlagMatcher.Finding f = matcher.check("I have a fever, my back hurts, and I wet myself");
        assertEquals(SafetyRules.Level.EMERGENCY, f.level());
        assertTrue(f.signs().contains("Loss of bladder or bowel control"));
        assertTrue(f.signs().contains("Fever or chills with back pain"));
    }

    @org.junit.jupiter.api.Test
    void a_see_doctor_sign_that_needs_back_pain_waits_for_it() {
        assertNull(matcher.check("I have a fever, can I still come in?"));
        assertEquals("see_doctor", level("I have a fever and my leg hurts"));
    }

    @Test
    void a_sign_that_needs_back_pain_is_no_sign_where_the_message_only_denies_the_pain() {
        assertEquals(Set.of("cancer-history", "osteoporosis", "steroids", "infection-risk", "fever", "trauma"),
                matcher.read("My mom has osteoporosis but she has no back pain at all").needsDenied());
        // pain told anywhere, or not spoken of: nothing is denied
        assertEquals(Set.of(), matcher.read("My mom has osteoporosis and no fever, but her back hurts").needsDenied());
        assertEquals(Set.of(), matcher.read("My mom has osteoporosis, can she have a massage?").needsDenied());
    }
}
