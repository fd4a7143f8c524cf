package com.sciaticachat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.support.RawHttp;
import com.sciaticachat.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated requests of the kinds clumsy and hostile clients send (broken framing, odd
 * headers and content types, invisible and oversized text, malformed JSON, strange methods and paths),
 * from a fixed seed: none may get a 5xx, every answer with a body is JSON, and the service keeps answering.
 */
class FuzzTest {
    static final int REQUESTS = 5_000;
    private static final long SEED = 20261202L;

    private static final String[] TEXT = {"what causes sciatica", "sore bum", "syatica stretchs", "\u200b", "\u00a0", "\ufeff", "\u0301",
            "\u202e", "\ud83d\ude00", "\\u0000", "<script>alert(1)</script>", "' OR 1=1 --", "title:pain AND *", "((((", "\"quoted\"",
            "\u0645\u0631\u062d\u0628\u0627", "\u4f60\u597d", "numbness in my groin", "a".repeat(499), "b".repeat(501), "AND OR NOT", "~2^3",
            "/regex.*/", "\t\n", "{}", "[]", "null"};
    private static final String[] TYPES = {"application/json", "application/json; charset=utf-8", ";", "", "text/plain",
            "application/x-www-form-urlencoded", "application/json;;;", "APPLICATION/JSON", "application/problem+json", "multipart/form-data",
            "application/json; charset=ebcdic", "\u00e9"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT", "FOO", "get", "P0ST"};
    private static final String[] PATHS = {"/api/v1/ask", "/api/v1/info", "/api/v1/sections", "/api/v1/sections/x/y", "/health",
            "/api/v1/admin/status", "/api/v1/ask?x=1", "/api/../api/v1/ask", "/api/v1/ask/", "/%00", "/api/v1/%2e%2e/ask", "/nope",
            "//api//v1//ask", "/api/v1/sections/" + "%41".repeat(50), "/api/v1/ask#frag", "*"};

    @Test
    void generated_bad_requests_never_get_a_server_error_and_every_body_is_json() throws Exception {
        TestServer server = TestServer.bundled();
        int port = server.app.port();
        Map<String, AtomicInteger> tally = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    Random random = new Random(SEED + thread);
                    for (int i = 0; i < REQUESTS / 4; i++) {
                        Generated g = generate(random);
                        try {
                            // a request that never completes is answered (or cut off) at the server's deadline; not waited for here
                            RawHttp.Response r = RawHttp.send(port, g.bytes(), g.halfClose(), g.kind().equals("framing") ? 1_500 : 15_000);
                            String key = r.status() != 0 ? Integer.toString(r.status()) : r.body().isEmpty() && g.kind().equals("framing")
                                    ? "left to the deadline" : "closed";
                            tally.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                            if (r.status() >= 500) failures.add(r.status() + " for " + g.kind() + ": " + r.body());
                            else if (r.status() != 0 && !g.head() && r.status() != 204 && r.status() != 304 && !r.isJson()) {
                                failures.add("not JSON (" + r.status() + ") for " + g.kind() + ": " + r.headers() + " " + r.body());
                            }
                        } catch (Exception e) {
                            failures.add(g.kind() + ": " + e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }
        System.out.println("Fuzz tally (status: requests): " + new TreeMap<>(tally));
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())), failures.size() + " failures");
        assertEquals(200, server.http().ask("what causes sciatica?").status(), "still answering");
        assertTrue(tally.values().stream().mapToInt(AtomicInteger::get).sum() >= REQUESTS);
    }

    private record Generated(String kind, byte[] bytes, boolean halfClose, boolean head) {}

    private static Generated generate(Random r) {
        String path = pick(r, PATHS);
        switch (r.nextInt(12)) {
            case 0, 1, 2 -> { // a question of odd text, with an odd content type
                String q = pick(r, TEXT) + (r.nextBoolean() ? "" : pick(r, TEXT));
                String body = r.nextInt(5) == 0 ? "{\"question\":" + pick(r, new String[] {"1", "null", "[]", "{}", "true"}) + "}"
                        : "{\"question\":" + json(q) + (r.nextInt(4) == 0 ? ",\"check\":\"" + pick(r, new String[] {"yes", "no", "maybe"}) + "\"" : "") + "}";
                return new Generated("question", RawHttp.post("/api/v1/ask", pick(r, TYPES), body), false, false);
            }
            case 3 -> { // malformed JSON
                String[] bodies = {"{", "{\"question\":\"hi\"", "{\"question\":\"hi\"} tail", "[{\"question\":\"hi\"}]", "\"hi\"", "",
                        "{\"question\":\"\\ud800\"}", "{\"question\":\"hi\",\"question\":\"ho\"}", "{'question':'hi'}", "\u0000\u0001",
                        "{\"question\":\"" + "\\".repeat(3) + "\"}", "{\"a\":".repeat(200)};
                return new Generated("malformed json", RawHttp.post("/api/v1/ask", "application/json", pick(r, bodies)), false, false);
            }
            case 4 -> { // framing: chunks, transfer codings, lengths that lie
                String[] framings = {
                        "Transfer-Encoding: gzip, chunked\r\n\r\n11\r\n{\"question\":\"hi\"}\r\n0\r\n\r\n",
                        "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
                        "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"que\r\n",
                        "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n4\r\n{}{}\r\n0\r\n\r\n",
                        "Transfer-Encoding: identity\r\n\r\n{}",
                        "Content-Length: 100\r\n\r\n{\"question\":\"hi\"}",
                        "Content-Length: -1\r\n\r\n{}",
                        "Content-Length: 5\r\nContent-Length: 6\r\n\r\n{}{}{}",
                        "Content-Length: 99999999999999999999\r\n\r\n{}",
                        "Content-Length: 3145728\r\nExpect: 100-continue\r\n\r\n",
                        "Transfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\nx\r\n"};
                String f = pick(r, framings);
                String req = "POST /api/v1/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nConnection: close\r\n" + f;
                return new Generated("framing", req.getBytes(StandardCharsets.UTF_8), r.nextBoolean(), false);
            }
            case 5 -> { // request lines
                String[] lines = {"GARBAGE", "GET", "GET / HTTP/1.1 extra", "GET " + path + " HTTP/9.9", "GET " + path + " HTTP/2.0", "GET " + path,
                        "GET " + path + " HTTP/1.0", "\u00ff\u00fe\u00fd", "GET /" + "x".repeat(10_000 + r.nextInt(60_000)) + " HTTP/1.1",
                        "PRI * HTTP/2.0", "GET http://evil.example/api/v1/nope HTTP/1.1", " GET /health HTTP/1.1"};
                String req = pick(r, lines) + "\r\nHost: localhost\r\nConnection: close\r\n\r\n";
                return new Generated("request line", req.getBytes(StandardCharsets.ISO_8859_1), false, false);
            }
            case 6 -> { // headers: huge, many, odd
                StringBuilder h = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
                switch (r.nextInt(5)) {
                    case 0 -> h.append("X-Big: ").append("a".repeat(5_000 + r.nextInt(30_000))).append("\r\n");
                    case 1 -> { for (int i = 0; i < 200 + r.nextInt(400); i++) h.append("X-").append(i).append(": v\r\n"); }
                    case 2 -> h.append("Upgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n");
                    case 3 -> h.append("Expect: ").append(pick(r, new String[] {"100-continue", "200-ok", "", "\u00e9"})).append("\r\n");
                    default -> h.append("Origin: ").append(pick(r, new String[] {"null", "http://evil.example", "file://", "x"})).append("\r\n");
                }
                return new Generated("headers", (h + "\r\n").getBytes(StandardCharsets.ISO_8859_1), false, false);
            }
            case 7 -> { // methods and paths
                String m = pick(r, METHODS);
                String req = m + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                return new Generated("method " + m, req.getBytes(StandardCharsets.UTF_8), false, m.equals("HEAD"));
            }
            default -> { // an ordinary question now and then, so the service is busy with real work too
                return new Generated("ordinary", RawHttp.post("/api/v1/ask", "application/json",
                        "{\"question\":" + json(pick(r, TEXT) + " " + r.nextInt(1000)) + "}"), false, false);
            }
        }
    }

    private static String pick(Random r, String[] from) {
        return from[r.nextInt(from.length)];
    }

    private static String json(String s) {
        return com.sciaticachat.support.HttpJson.JSON.valueToTree(s).toString();
    }
}
