package com.sciaticachat.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecificsTest {

    @ParameterizedTest
    @ValueSource(strings = {"How much ibuprofen can I take?", "what's the usual dose of gabapentin", "is 600mg too much",
            "dosage for muscle relaxants?", "how long is recovery after back surgery", "how often should I get one",
            "what's the success rate of injections", "what percentage of people need surgery"})
    void asks_for_a_quantity(String question) {
        assertTrue(Specifics.asked(question), question);
    }

    @ParameterizedTest
    @ValueSource(strings = {"what medicines help sciatica?", "dose it help my leg", "can you press on dose knots",
            "is massage safe with injections", "what does a laminectomy do"})
    void does_not_ask_for_a_quantity(String question) {
        assertFalse(Specifics.asked(question), question);
    }

    @org.junit.jupiter.api.Test
    void a_text_gives_a_quantity_in_numbers_or_words() {
        assertTrue(Specifics.given("Most people need several sessions."));
        assertTrue(Specifics.given("Apply heat for 15 to 20 minutes."));
        assertTrue(Specifics.given("Take it twice a day."));
        assertFalse(Specifics.given("Medications such as NSAIDs and muscle relaxants might be prescribed."));
    }
}
