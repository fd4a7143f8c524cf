package com.sciaticachat.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What one client may ask and hold at once, and whom to believe about who a client is.
 *
 * @param askPerMinute          questions a client may ask per minute, on average ({@code ASK_LIMIT_PER_MINUTE}; 0: no limit)
 * @param askBurst              questions a client may ask in a quick run before the average applies ({@code ASK_LIMIT_BURST})
 * @param inboxPerMinute        questions of one client the staff inbox records per minute ({@code INBOX_LIMIT_PER_MINUTE})
 * @param connectionsPerClient  connections one client address may hold open at once ({@code CONNECTIONS_PER_CLIENT})
 * @param threads               Jetty's threads ({@code HTTP_THREADS}, 64): requests never wait on a slow client, but Jetty's selectors
 *                              and reserved threads come out of the same pool; with 32 it served half the requests a second of 64
 * @param trustedProxies        addresses of reverse proxies whose {@code X-Forwarded-For} is believed ({@code TRUSTED_PROXIES}, comma-separated)
 * @param shutdownGraceSeconds  on SIGTERM, how long requests in flight may take to finish ({@code SHUTDOWN_GRACE_SECONDS}, 20)
 */
public record Limits(int askPerMinute, int askBurst, int inboxPerMinute, int connectionsPerClient, int threads,
                     List<String> trustedProxies, int shutdownGraceSeconds) {
    public static final Limits DEFAULT = new Limits(30, 10, 3, 32, 64, List.of(), 20);
    /** For tools and tests that ask many questions from one address: no per-client share of asking or of the inbox. */
    public static final Limits NO_CLIENT_QUOTAS = new Limits(0, 10, 0, 32, 64, List.of(), 20);

    public Limits {
        trustedProxies = List.copyOf(trustedProxies);
    }

    public Limits withAsk(int perMinute, int burst) {
        return new Limits(perMinute, burst, inboxPerMinute, connectionsPerClient, threads, trustedProxies, shutdownGraceSeconds);
    }

    public Limits withConnectionsPerClient(int n) {
        return new Limits(askPerMinute, askBurst, inboxPerMinute, n, threads, trustedProxies, shutdownGraceSeconds);
    }

    public Limits withTrustedProxies(List<String> proxies) {
        return new Limits(askPerMinute, askBurst, inboxPerMinute, connectionsPerClient, threads, proxies, shutdownGraceSeconds);
    }

    public Limits withShutdownGraceSeconds(int seconds) {
        return new Limits(askPerMinute, askBurst, inboxPerMinute, connectionsPerClient, threads, trustedProxies, seconds);
    }

    static Limits from(Map<String, String> env) throws Config.ConfigException {
        return new Limits(
                number(env, "ASK_LIMIT_PER_MINUTE", DEFAULT.askPerMinute, 0),
                number(env, "ASK_LIMIT_BURST", DEFAULT.askBurst, 1),
                number(env, "INBOX_LIMIT_PER_MINUTE", DEFAULT.inboxPerMinute, 0),
                number(env, "CONNECTIONS_PER_CLIENT", DEFAULT.connectionsPerClient, 1),
                number(env, "HTTP_THREADS", DEFAULT.threads, 8),
                proxies(env.getOrDefault("TRUSTED_PROXIES", "")),
                number(env, "SHUTDOWN_GRACE_SECONDS", DEFAULT.shutdownGraceSeconds, 0));
    }

    private static int number(Map<String, String> env, String name, int fallback, int min) throws Config.ConfigException {
        String v = env.get(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new Config.ConfigException(name + " must be a whole number of at least " + min + ", not '" + v.trim() + "'");
        }
    }

    /**
     * "10.0.0.5, ::1, 10.0.0.0/8" → the addresses as Java prints them, networks with their prefix length;
     * only literal addresses, never names to look up.
     */
    static List<String> proxies(String value) throws Config.ConfigException {
        List<String> out = new ArrayList<>();
        for (String raw : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
            String bad = "TRUSTED_PROXIES lists IP addresses like '127.0.0.1' or networks like '10.0.0.0/8', not '" + raw + "'";
            String[] parts = raw.split("/", -1);
            if (parts.length > 2 || !parts[0].matches("[0-9a-fA-F:.]+") || (parts.length == 2 && !parts[1].matches("[0-9]{1,3}"))) {
                throw new Config.ConfigException(bad);
            }
            try {
                InetAddress a = InetAddress.getByName(parts[0]);
                if (parts.length == 2 && Integer.parseInt(parts[1]) > a.getAddress().length * 8) throw new Config.ConfigException(bad);
                out.add(a.getHostAddress() + (parts.length == 2 ? "/" + parts[1] : ""));
            } catch (UnknownHostException e) {
                throw new Config.ConfigException(bad);
            }
        }
        return out;
    }
}
