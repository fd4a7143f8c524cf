package com.sciaticachat.chat;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per question (status, section, score, time; never the question's text), written by a thread
 * of its own: a request hands its line over and goes on, so a slow or blocked console never holds up an
 * answer. When lines come faster than the console takes them, the excess is dropped and counted.
 */
final class AskLog {
    private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);
    private static final int CAPACITY = 10_000;
    private static final AskLog SHARED = new AskLog(LOG::info, CAPACITY);

    private final BlockingQueue<String> lines;
    private final AtomicLong dropped = new AtomicLong();
    private final java.util.function.Consumer<String> sink;

    /** Lines go to {@code sink} (the log, or a test's stand-in for a console that hangs), at most {@code capacity} waiting. */
    AskLog(java.util.function.Consumer<String> sink, int capacity) {
        this.sink = sink;
        this.lines = new ArrayBlockingQueue<>(capacity);
        Thread writer = new Thread(this::write, "ask-log");
        writer.setDaemon(true);
        writer.start();
    }

    static AskLog shared() {
        return SHARED;
    }

    void add(Reply r, long millis, boolean cached) {
        if (!LOG.isInfoEnabled()) return;
        String line = "ask status=" + r.status() + (r.urgent() == null ? "" : " level=" + r.urgent().level())
                + " section=" + (r.answer() == null ? "-" : r.answer().sectionId())
                + " score=" + (r.answer() == null ? "-" : Double.toString(Math.round(r.answer().score() * 100) / 100.0))
                + (cached ? " cached" : " ms=" + millis);
        if (!lines.offer(line)) dropped.incrementAndGet();
    }

    /** Lines dropped since the start. */
    long dropped() {
        return dropped.get();
    }

    private void write() {
        long reported = 0; // of the lines dropped, how many the log has already been told of
        while (true) {
            try {
                String line = lines.take();
                long total = dropped.get();
                long lost = total - reported;
                reported = total;
                if (lost > 0) sink.accept("(" + lost + " question lines not logged: questions came faster than the log is written)");
                sink.accept(line);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
