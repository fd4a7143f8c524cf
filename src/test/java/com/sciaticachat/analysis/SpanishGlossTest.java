package com.sciaticachat.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spanish questions read in English words; anything else left as typed. */
class SpanishGlossTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "¿Qué causa la ciática?|what causes the sciatica?",
            "como uso el rodillo de espuma|how use the foam roller",
            // misspelt Spanish words are read as the listed word they misspell
            "q ejersisios son buenos pa la siatica|what exercises are good for the sciatica",
            // no small words either way, but two Spanish words English does not have
            "estiramientos ciatica|stretches sciatica",
            // English, and what could be either, stay as typed
            "What causes sciatica?|What causes sciatica?",
            "is a deep tissue massage safe|is a deep tissue massage safe",
            "sciatica|sciatica"})
    void a_spanish_question_is_read_in_english_words(String question, String read) {
        assertEquals(read, SpanishGloss.get().gloss(question));
    }
}
