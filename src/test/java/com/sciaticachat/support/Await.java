package com.sciaticachat.support;

import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;

/** Waits for a condition by checking it repeatedly, never by sleeping a fixed time and hoping. */
public final class Await {
    private Await() {}

    /** Returns once {@code condition} holds; fails with {@code what} if it does not within {@code limit}. */
    public static void until(Duration limit, String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Boolean.TRUE.equals(condition.get())) {
            if (System.nanoTime() > deadline) Assertions.fail("not within " + limit.toMillis() + " ms: " + what);
            Thread.onSpinWait();
            try {
                Thread.sleep(25); // polling interval between checks of the condition, not a wait for an outcome
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Assertions.fail("interrupted while waiting for: " + what);
            }
        }
    }
}
