package com.sciaticachat.http;

import com.sciaticachat.chat.ChatService;
import com.sciaticachat.stats.Insights;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The chat as the HTTP layer sees it: available at once in tests, or once the index has opened when the
 * server starts listening first (a request in that moment waits for it a few seconds, then is told to come back:
 * 503 with Retry-After).
 */
public final class ChatRef {
    /**
     * How long a request that comes while the chat opens waits before it is told to come back: briefly, so that a first
     * start's build (a minute on a small machine) does not hold a thread per visitor.
     */
    private static final long WAIT_SECONDS = 5;
    /** When a request told the chat is starting is asked to come back. */
    static final long RETRY_AFTER_SECONDS = 10;
    private final CompletableFuture<ChatService> chat;
    private final CompletableFuture<Insights> insights;

    private ChatRef(CompletableFuture<ChatService> chat, CompletableFuture<Insights> insights) {
        this.chat = chat;
        this.insights = insights;
    }

    /** @param insights the statistics and feedback, null when none are kept (no staff console) */
    public static ChatRef of(ChatService chat, Insights insights) {
        return new ChatRef(CompletableFuture.completedFuture(chat), CompletableFuture.completedFuture(insights));
    }

    public static ChatRef of(ChatService chat) {
        return of(chat, null);
    }

    public static ChatRef when(CompletableFuture<ChatService> chat, CompletableFuture<Insights> insights) {
        return new ChatRef(chat, insights);
    }

    /** The statistics and feedback (null when none are kept); waits for them as {@link #get()} does. */
    public Insights insights() {
        return await(insights);
    }

    public boolean ready() {
        return chat.isDone() && !chat.isCompletedExceptionally();
    }

    /** The chat; a request that comes while it is still opening waits for it, then gets 503 if it never comes. */
    public ChatService get() {
        return await(chat);
    }

    private static <T> T await(CompletableFuture<T> part) {
        try {
            return part.get(WAIT_SECONDS, TimeUnit.SECONDS);
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
