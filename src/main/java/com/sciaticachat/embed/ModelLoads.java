package com.sciaticachat.embed;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The models loading on background threads (their ONNX sessions are built in native code): a process that exits
 * while one is half-built can crash the JVM in the ONNX runtime (a failed start, say), so an exit waits for them first.
 */
public final class ModelLoads {
    private static final List<CompletableFuture<?>> LOADING = new CopyOnWriteArrayList<>();

    private ModelLoads() {}

    /** Runs {@code load} on a background thread, as a load an exit waits for. */
    public static CompletableFuture<Void> start(Runnable load) {
        return track(CompletableFuture.runAsync(load));
    }

    /** A load started elsewhere, which an exit waits for. */
    public static <T> CompletableFuture<T> track(CompletableFuture<T> load) {
        LOADING.add(load);
        load.whenComplete((v, e) -> LOADING.remove(load));
        return load;
    }

    /** Waits, at most {@code limit} in all, for the loads still running (their failures are theirs to report). */
    public static void settle(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (CompletableFuture<?> load : LOADING) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            try {
                load.get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // a load that failed or is still running: nothing more to wait for here
            }
        }
    }
}
