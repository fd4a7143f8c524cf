package com.sciaticachat.http;

import com.sciaticachat.chat.ChatService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The chat as the HTTP layer sees it: available at once in tests, or once the index has opened when the
 * server starts listening first (a request in that moment waits for it, briefly).
 */
public final class ChatRef {
    private static final long WAIT_SECONDS = 30;
    private final CompletableFuture<ChatService> chat;

    private ChatRef(CompletableFuture<ChatService> chat) {
        this.chat = chat;
    }

    public static ChatRef of(ChatService chat) {
        return new ChatRef(CompletableFuture.completedFuture(chat));
    }

    public static ChatRef when(CompletableFuture<ChatService> chat) {
        return new ChatRef(chat);
    }

    public boolean ready() {
        return chat.isDone() && !chat.isCompletedExceptionally();
    }

    /** The chat; a request that comes while it is still opening waits for it, then gets 503 if it never comes. */
    public ChatService get() {
        try {
            return chat.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
    }

    private static ApiException unavailable() {
        return new ApiException(503, "starting", "The chat is starting; please try again in a moment");
    }
}
