package com.sciaticachat.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a question leans on the one before it, read from its conversational words alone. */
class FollowUpTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tell me more|MORE|0",
            "Tell me more please!|MORE|0",
            "go on|MORE|0",
            "can you explain that a bit more|MORE|0",
            "more details pls|MORE|0",
            "what else?|MORE|0",
            "any others?|OTHERS|0",
            "wat els|MORE|0",
            "tell me mor pls|MORE|0",
            "other spots worth working on?|OTHERS|0",
            "anythin else to look out for|CONTINUES|0",
            "the furst one|ORDINAL|1",
            "the middle one|ORDINAL|100",
            "I am particularly interested in the first strategy you mentioned.|ORDINAL|1",
            "the 2nd cause u listed, is that common?|ORDINAL|2",
            "dime más|MORE|0",
            "cuéntame más por favor|MORE|0",
            "y otros?|OTHERS|0",
            "y eso duele?|CONTINUES|0",
            "the last one sounds interesting, what does it actually involve for someone like me|ORDINAL|-1",
            "why bother doing them|REFERS_BACK|0",
            "the second one|ORDINAL|2",
            "tell me about the last one|ORDINAL|-1",
            "what's the 3rd?|ORDINAL|3",
            "number 2 please|ORDINAL|2",
            "#5 - details?|ORDINAL|5",
            "Please elaborate on item three of that list.|ORDINAL|3",
            "Could you say a little more about the last one you listed?|ORDINAL|-1",
            "Thank you, that's so helpful. Could you say a little more about the last one you listed? She's quite stiff.|ORDINAL|-1",
            "The trigger point one, what is that?|REFERS_BACK|0",
            "Could you say a little more about the first of those?|ORDINAL|1",
            "The first of those sounds rather vigorous. What does it involve?|ORDINAL|1",
            "Fifth one down. Tumor. How often is that the deal?|ORDINAL|5",
            "#6, so like tweaking my back on a bad catch could do it?|ORDINAL|6",
            "My first massage was great. What else helps?|CONTINUES|0",
            // idioms and numbers that name no position in a list
            "what sets off sciatica in the first place|STANDALONE|0",
            "the middle of my back hurts|STANDALONE|0",
            "the middle part of my back is stiff|STANDALONE|0",
            "is surgery the last resort|STANDALONE|0",
            "The last fella I went to only rubbed, never stretched me at all. Should stretching be part of the session?|STANDALONE|0",
            "is pins n needles in my foot part of sciatica? been happening since baby #2|STANDALONE|0",
            "is it painful?|REFERS_BACK|0",
            "how long does that take|REFERS_BACK|0",
            "and during pregnancy?|CONTINUES|0",
            "what about the tennis ball one|CONTINUES|0",
            "But what if both legs hurt|CONTINUES|0",
            "what causes sciatica|STANDALONE|0",
            "is deep tissue massage painful for sciatica|STANDALONE|0",
            "what should I expect at my first massage|STANDALONE|0",
            "is the first visit longer|STANDALONE|0",
            "I have had this pain in my leg for three weeks and I want to know whether massage will make it worse|STANDALONE|0"
    })
    void reads_what_a_question_asks_of_the_conversation(String question, FollowUp.Kind kind, int position) {
        FollowUp.Reading r = FollowUp.read(question);
        assertEquals(kind, r.kind(), question);
        assertEquals(position, r.position(), question);
    }

    @Test
    void only_a_position_or_a_bare_more_needs_an_answer_before_it() {
        for (String q : new String[] {"the second one", "tell me more", "what's the 3rd?", "number 2 please"}) {
            assertTrue(FollowUp.needsAnAnswer(q), q);
        }
        for (String q : new String[] {"what sets off sciatica in the first place", "the second massage hurt more, why?", "what causes sciatica"}) {
            assertFalse(FollowUp.needsAnAnswer(q), q);
        }
    }

    @Test
    void what_a_follow_up_sets_aside_is_read_apart_from_what_it_asks() {
        assertEquals("the foam roller", FollowUp.setAside("Other way beside the foam roller? I don't have one"));
        assertEquals("deep tissue and Swedish", FollowUp.setAside("Anything past deep tissue and Swedish?"));
        assertEquals("what else we can do for him at home?", FollowUp.withoutBesides("Beside all the doctor thing, what else we can do for him at home?"));
        assertTrue(FollowUp.pointsBack(FollowUp.setAside("Besides that, any way to work knots out myself?")));
        assertFalse(FollowUp.pointsBack(FollowUp.setAside("anything besides the hot pack?")));
        // "past" asks beyond only after what it goes past: not "in the past few weeks"
        assertNull(FollowUp.setAside("what helped you in the past few weeks?"));
        assertNull(FollowUp.setAside("is it painful?"));
    }
}
