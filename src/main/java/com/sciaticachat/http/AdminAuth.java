package com.sciaticachat.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The staff console's bearer token: compared in constant time (the SHA-256 digests of the given and the
 * expected token, with {@link MessageDigest#isEqual}), spaces around it ignored. Wrong tokens are counted
 * per client address: after {@value #MAX_FAILURES} in a minute that address gets 429 for wrong tokens
 * until the minute is over. The right token is never refused, so someone guessing from the same address
 * (an office behind one router) cannot lock staff out.
 */
final class AdminAuth {
    static final int MAX_FAILURES = 10;
    private static final long WINDOW_MS = 60_000;
    private static final int MAX_TRACKED = 10_000;

    enum Outcome { OK, DENIED, LIMITED }

    private record Failures(long windowStart, int count) {}

    private final byte[] expected;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    AdminAuth(String token, Clock clock) {
        this.expected = sha256(trim(token));
        this.clock = clock;
    }

    Outcome check(String client, String authorization) {
        String given = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? trim(authorization.substring(7)) : "";
        if (MessageDigest.isEqual(sha256(given), expected)) return Outcome.OK;
        long now = clock.millis();
        Failures f = failures.get(client);
        if (f != null && now - f.windowStart() >= WINDOW_MS) {
            failures.remove(client, f);
            f = null;
        }
        if (f != null && f.count() >= MAX_FAILURES) return Outcome.LIMITED;
        if (failures.size() >= MAX_TRACKED) failures.entrySet().removeIf(e -> now - e.getValue().windowStart() >= WINDOW_MS);
        if (failures.size() >= MAX_TRACKED) return Outcome.LIMITED; // a flood of addresses: refuse guesses rather than grow
        failures.merge(client, new Failures(now, 1), (a, b) -> new Failures(a.windowStart(), a.count() + 1));
        return Outcome.DENIED;
    }

    /** Without spaces of any kind (a no-break space too) and invisible characters (a byte-order mark, a zero-width space) at either end: pasted tokens carry them. */
    static String trim(String token) {
        return token.replaceAll("^[\\s\\p{Z}\\p{Cf}]+|[\\s\\p{Z}\\p{Cf}]+$", "");
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
