package com.sciaticachat.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatSafetyTest {
    private final ChatService chat = TestServer.bundled().app.chat();

    @Test
    void an_emergency_comes_first_and_still_carries_the_best_section() {
        Reply r = chat.ask("my bum is numb when I wipe, also what stretches help sciatica?");
        assertEquals(Reply.URGENT, r.status());
        assertEquals("emergency", r.urgent().level());
        assertTrue(r.reply().contains("911"), r.reply());
        assertEquals(r.urgent().message(), r.reply());
        assertTrue(r.urgent().signs().get(0).startsWith("Numbness or tingling around the genitals"));
        assertNotNull(r.answer(), "the answer is still shown, below the warning");
        assertEquals("massage-for-sciatic-pain/stretching", r.answer().sectionId());
        assertFalse(r.disclaimer().isBlank());
    }

    @Test
    void a_see_doctor_sign_gets_its_own_message() {
        Reply r = chat.ask("I have a fever and my back hurts");
        assertEquals(Reply.URGENT, r.status());
        assertEquals("see_doctor", r.urgent().level());
        assertTrue(r.reply().contains("doctor today"));
    }

    @Test
    void answers_about_medicines_injections_or_surgery_say_whose_decision_it_is() {
        Reply treatment = chat.ask("will I need surgery for sciatica");
        assertEquals("massage-for-sciatic-pain/treatment", treatment.answer().sectionId());
        assertTrue(treatment.answer().note().contains("doctor or pharmacist"));
        assertNull(chat.ask("what is swedish massage").answer().note());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi", "thanks so much", "bye", "who are you?", "are you a real person?", "what can you do?"})
    void small_talk_gets_a_friendly_reply_never_a_section_or_no_match(String message) {
        Reply r = chat.ask(message);
        assertEquals(Reply.SMALLTALK, r.status());
        assertNull(r.answer());
        assertFalse(r.reply().isBlank());
        assertFalse(r.disclaimer().isBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"what causes sciatica", "who painted the Mona Lisa?", "hi", "I wet myself", "deep tissue massage"})
    void the_chat_never_tells_a_visitor_what_they_have(String message) {
        Reply r = chat.ask(message);
        String own = r.reply() + (r.urgent() == null ? "" : r.urgent().message());
        assertFalse(own.toLowerCase().matches(".*\\byou (have|'ve got|have got)\\b.*"), own);
    }
}
