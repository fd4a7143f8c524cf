package com.sciaticachat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What is left of a visitor's question once the characters nobody sees are gone. */
class QuestionsTest {
    @Test
    void a_zero_width_space_parts_words_and_the_other_invisible_characters_go() {
        // an attacker trial: "My name is\u200BJohn\u200BSmith" was stored as "My name isJohnSmith", the name glued past the scrubber
        assertEquals("My name is John Smith", Questions.visible("My name is\u200BJohn\u200BSmith"));
        assertEquals("sciatica", Questions.visible("\uFEFFscia\u00ADtica\u2060"));
        assertEquals("", Questions.visible("\u200B \u200B"));
    }
}
