package com.sciaticachat.chat;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.sciaticachat.support.TestServer;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {

    @Test
    void a_question_asked_again_in_other_case_and_spacing_is_answered_from_the_cache() {
        ChatService chat = TestServer.bundled().app.chat();
        Reply first = chat.ask("Does heat help a sore BUM?");
        assertSame(first, chat.ask("  does heat help a   sore bum?"), "the same reply, not worked out again");
        assertNotSame(first, chat.ask("does heat help a sore bum?", ChatService.CheckAnswer.NO), "an answer to a check question is another question");
    }

    @Test
    void a_new_index_generation_never_gets_an_answer_from_before_it() {
        AnswerCache cache = new AnswerCache();
        Reply r = new Reply(Reply.Status.NO_MATCH, "no", null, java.util.List.of(), null, "disclaimer");
        cache.put("prices?", null, 7, new AnswerCache.Entry(r, null));
        assertSame(r, cache.get("PRICES?", null, 7).reply());
        assertNull(cache.get("prices?", null, 8), "after an edit went live the question is answered again");
    }
}
