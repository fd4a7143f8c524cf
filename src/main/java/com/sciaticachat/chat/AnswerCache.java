package com.sciaticachat.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Replies to recent questions, so a question asked again (the popular ones are) is answered without
 * embedding and ranking it again. Keyed on the question as the chat reads it (case, accents' encoding and
 * spacing do not matter), the visitor's answer to a check question, and the index generation, so an edit
 * that goes live is never answered from before it. Bounded in size.
 */
final class AnswerCache {
    static final int MAX_ENTRIES = 10_000;

    private record Key(String question, ChatService.CheckAnswer check, long generation) {}

    /** A reply, and what the inbox keeps when it is asked again (null when it is not kept). */
    record Entry(Reply reply, InboxEntry inbox) {}

    /** What the inbox is given for a reply it keeps: the scrubbed question, its grouping words, status and best guess. */
    record InboxEntry(String scrubbed, java.util.Set<String> words, String status, com.sciaticachat.inbox.UnansweredInbox.Candidate best) {}

    private final Cache<Key, Entry> cache = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

    Entry get(String question, ChatService.CheckAnswer check, long generation) {
        return cache.getIfPresent(new Key(normalise(question), check, generation));
    }

    void put(String question, ChatService.CheckAnswer check, long generation, Entry entry) {
        cache.put(new Key(normalise(question), check, generation), entry);
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    static String normalise(String question) {
        return Normalizer.normalize(question, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
