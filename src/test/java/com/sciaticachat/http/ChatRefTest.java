package com.sciaticachat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A request that comes while the chat is still opening. */
class ChatRefTest {
    @Test
    void a_request_while_the_chat_opens_is_told_it_is_starting_rather_than_held() {
        ChatRef opening = ChatRef.when(new CompletableFuture<>(), new CompletableFuture<>());
        assertFalse(opening.ready());
        ApiException e = assertThrows(ApiException.class, opening::get);
        assertEquals(503, e.getStatus());
        assertEquals("starting", e.getDetails().get("code"));
    }
}
