package com.sciaticachat.chat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.limits.TokenBuckets;
import com.sciaticachat.safety.RedFlagMatcher;
import com.sciaticachat.support.TestServer;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every cache a visitor's words reach has a size limit: a million distinct random words through the
 * answer cache and the per-client buckets (a tenth of them through the red-flag matcher too; the stem
 * cache has its own test) and 500 distinct questions through the whole chat: once the caches are full,
 * the second half million adds nothing to the heap.
 */
class BoundedMemoryTest {
    private static final int WORDS = 1_000_000;

    @Test
    void a_million_distinct_words_leave_the_heap_flat() {
        ChatService chat = TestServer.bundled().app.chat();
        RedFlagMatcher matcher = chat.index().withSnapshot(s -> ChatService.safety(s).redFlags());
        AnswerCache answers = new AnswerCache();
        TokenBuckets buckets = new TokenBuckets(30, 10);
        Reply reply = chat.ask("what causes sciatica?");
        Random random = new Random(42);
        // warm up, so that what loads once (classes, word lists) is not counted as growth
        for (int i = 0; i < 20_000; i++) run(random, matcher, answers, buckets, reply, i);
        // and the whole chat, so that what its first questions load (run alone, this test is the first to ask) is not either
        for (int i = 0; i < 500; i++) chat.ask(word(random) + " " + word(random) + " pain?");
        // the caches fill during the first half; the second half must add nothing
        long t0 = System.nanoTime();
        for (int i = 0; i < WORDS / 2; i++) run(random, matcher, answers, buckets, reply, i);
        long half = usedHeapAfterGc();
        long t1 = System.nanoTime();
        for (int i = WORDS / 2; i < WORDS; i++) run(random, matcher, answers, buckets, reply, i);
        for (int i = 0; i < 500; i++) chat.ask(word(random) + " " + word(random) + " pain?");
        long all = usedHeapAfterGc();
        long grewMb = (all - half) / (1024 * 1024);
        System.out.printf("Heap in use after half a million distinct words %d MB, after a million %d MB (%.1f s per half)%n",
                half >> 20, all >> 20, (t1 - t0) / 1e9);
        assertTrue(answers.size() <= AnswerCache.MAX_ENTRIES, answers.size() + " answers kept");
        assertTrue(buckets.clients() <= TokenBuckets.MAX_CLIENTS, buckets.clients() + " clients remembered");
        assertTrue(grewMb < 16, "the second half million words grew the heap by " + grewMb + " MB");
    }

    private static void run(Random random, RedFlagMatcher matcher, AnswerCache answers, TokenBuckets buckets, Reply reply, int i) {
        String w = word(random);
        if (i % 10 == 0) matcher.check("my " + w + " hurts"); // the whole red-flag path for a tenth; Stems' own test takes all

        answers.put(w, null, 1, new AnswerCache.Entry(reply, null));
        buckets.tryTake("client-" + w);
    }

    private static String word(Random random) {
        char[] c = new char[8 + random.nextInt(6)];
        for (int k = 0; k < c.length; k++) c[k] = (char) ('a' + random.nextInt(26));
        return new String(c);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

}
