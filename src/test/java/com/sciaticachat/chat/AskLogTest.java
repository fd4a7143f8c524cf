package com.sciaticachat.chat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.support.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AskLogTest {

    @Test
    void a_console_that_hangs_never_holds_up_a_question() throws Exception {
        CountDownLatch consoleHangs = new CountDownLatch(1);
        AtomicInteger written = new AtomicInteger();
        AskLog log = new AskLog(line -> {
            written.incrementAndGet();
            try {
                consoleHangs.await(); // a terminal nobody reads, a full pipe
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 100);
        Reply r = new Reply(Reply.Status.NO_MATCH, "no", null, List.of(), null, "disclaimer");
        Thread asker = new Thread(() -> {
            for (int i = 0; i < 10_000; i++) log.add(r, 3, false);
        });
        asker.start();
        asker.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(!asker.isAlive(), "10,000 questions logged without waiting for the console");
        assertTrue(log.dropped() >= 10_000 - 100 - 1, log.dropped() + " lines dropped rather than waited for");
        consoleHangs.countDown();
        // the writer thread takes its first line when it gets a turn: awaited, not assumed
        Await.until(Duration.ofSeconds(10), "the console writes once it stops hanging", () -> written.get() >= 1);
    }
}
