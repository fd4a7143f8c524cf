package com.sciaticachat.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AskingPartTest {

    @Test
    void the_last_part_that_asks_after_what_the_message_tells_first() {
        assertEquals("what stretches", AskingPart.of("my uncle had cauda equina once, i just have normal sciatica. what stretches"));
        assertEquals("anyway how many sessions do i need for sciatica",
                AskingPart.of("my dog fell down the stairs lol anyway how many sessions do i need for sciatica"));
        assertEquals("Can massage help?", AskingPart.of("I sit at a desk all day. My leg hurts. Can massage help? Thanks"));
    }

    @Test
    void a_message_that_is_only_its_question_or_asks_nothing_has_no_separate_part() {
        assertNull(AskingPart.of("what stretches help sciatica?"));
        assertNull(AskingPart.of("My back hurts. It started on Monday."));
        assertNull(AskingPart.of("Sore back. Why?"), "one word alone says nothing of what it asks");
    }

    @Test
    void the_parts_that_ask_or_request_leave_out_what_is_only_told() {
        assertEquals("Does it help sciatica?", AskingPart.asking("I always thought of massage as a treat. Does it help sciatica?"));
        assertEquals("does it help? I would like to know the price.",
                AskingPart.asking("My sister loved it. does it help? I would like to know the price."));
        assertEquals("massage prices", AskingPart.asking("massage prices"));
        assertEquals("Sciatica again. Massage prices.", AskingPart.asking("Sciatica again. Massage prices."));
    }
}
