package com.sciaticachat.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * A token bucket per client: each holds up to {@code burst} tokens and gains {@code perMinute} a minute;
 * an action takes one. Clients are kept in a bounded cache (the least recently seen are forgotten first,
 * and a forgotten client starts again with a full bucket, which only ever errs towards letting a visitor
 * ask), so a flood of addresses cannot grow memory.
 */
public final class TokenBuckets {
    public static final int MAX_CLIENTS = 100_000;

    private static final class Bucket {
        double tokens;
        long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }
    }

    private final double perNano;
    private final int burst;
    private final Cache<String, Bucket> buckets;

    public TokenBuckets(int perMinute, int burst) {
        this.perNano = perMinute / 60e9;
        this.burst = burst;
        long idle = perMinute <= 0 ? 1 : (long) Math.ceil(burst * 60e9 / perMinute);
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(Duration.ofNanos(idle)).build();
    }

    /** Whether the client may act now; when it may, one token is taken. */
    public boolean tryTake(String client) {
        return waitNanos(client) == 0;
    }

    /** 0 when the client may act now (a token is taken), else how long until it may. */
    public long waitNanos(String client) {
        long now = System.nanoTime();
        Bucket b = buckets.get(client, k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.updatedNanos) * perNano);
            b.updatedNanos = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return perNano <= 0 ? Long.MAX_VALUE : (long) Math.ceil((1 - b.tokens) / perNano);
        }
    }

    /** How many clients are remembered now (never more than {@value #MAX_CLIENTS}). */
    public long clients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
