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
    private static final AskLog SHARED = new AskLog();

    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();

    private AskLog() {
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

    private void write() {
        while (true) {
            try {
                String line = lines.take();
                long lost = dropped.getAndSet(0);
                if (lost > 0) LOG.info("({} question lines not logged: questions came faster than the log is written)", lost);
                LOG.info(line);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
