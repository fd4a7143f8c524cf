package com.sciaticachat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.config.Config;
import com.sciaticachat.config.Limits;
import com.sciaticachat.support.Await;
import com.sciaticachat.support.RawHttp;
import com.sciaticachat.support.TestFiles;
import com.sciaticachat.support.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Slow clients (headers or a body trickling in) and greedy ones (many connections) cannot starve
 * everyone else: questions are answered while 500 slow connections are open, the slow ones are cut off
 * at their deadline and told so (408), and one address cannot hold more than its share of connections (429).
 */
class SlowClientTest {
    private static final int SLOW = 500;
    private static final int ADDRESSES = 10;

    @Test
    void questions_are_answered_while_500_slow_connections_are_open_and_the_slow_ones_are_cut_off() throws Exception {
        try (TestServer server = TestServer.start(TestFiles.bundledCorpus(), Config.defaults()
                .withLimits(Limits.NO_CLIENT_QUOTAS.withConnectionsPerClient(SLOW / ADDRESSES + 5)))) {
            int port = server.app.port();
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW; i++) {
                    // from 127.0.0.2 to 127.0.0.11 (all loopback on Linux), so the test's own questions come from elsewhere
                    Socket s = new Socket();
                    s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0." + (2 + i % ADDRESSES)), 0));
                    s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                    // a body, headers, or blank lines that begin no request (Jetty skips them before a request line; an attacker
                    // trial held connections open with "\r\n" every second)
                    String start = i % 3 == 0
                            ? "POST /api/v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"q"
                            : i % 3 == 1 ? "POST /api/v1/ask HTTP/1.1\r\nHo" : BLANK_LINE;
                    s.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
                    if (start.equals(BLANK_LINE)) SENDS_BLANK_LINES.put(s, true);
                    slow.add(s);
                }
                long started = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    trickle(slow);
                    assertEquals(200, server.http().ask("what causes sciatica? " + i).status(), "answered while slow clients wait");
                }
                assertTrue(System.nanoTime() - started < JettySetup.HEADER_DEADLINE.toNanos(), "the slow ones were still open meanwhile");
                Map<Socket, String> heard = new HashMap<>();
                Await.until(JettySetup.HEADER_DEADLINE.plusSeconds(15), "every slow connection closed by the server", () -> {
                    // the slow ones keep sending until they have been told something, as slow clients do
                    trickle(slow.stream().filter(s -> !heard.containsKey(s)).toList());
                    slow.forEach(s -> heard.merge(s, readSoFar(s), String::concat));
                    return slow.stream().allMatch(s -> s.isInputShutdown());
                });
                long told = heard.values().stream().filter(r -> r.startsWith("HTTP/1.1 408 ") && r.contains("\"code\":\"request_timeout\"")).count();
                assertTrue(heard.values().stream().allMatch(r -> r.isEmpty() || r.startsWith("HTTP/1.1 408 ")), "cut off with a 408, nothing else");
                // a reset can overtake an answer the client has not read yet, so not quite all are counted
                assertTrue(told >= SLOW * 9 / 10, "told why they were cut off (408 and the JSON error): " + told + " of " + SLOW);
                assertEquals(200, server.http().ask("and after them?").status());
            } finally {
                for (Socket s : slow) s.close();
            }
        }
    }

    @Test
    void a_body_cut_off_at_its_deadline_is_answered_408_and_does_not_hold_a_graceful_stop() throws Exception {
        TestServer server = TestServer.start(TestFiles.bundledCorpus(), Config.defaults()
                .withLimits(Limits.NO_CLIENT_QUOTAS.withShutdownGraceSeconds(120)));
        try (Socket s = new Socket("127.0.0.1", server.app.port())) {
            s.getOutputStream().write(("POST /api/v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"question\":").getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout((int) JettySetup.BODY_DEADLINE.plusSeconds(30).toMillis());
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertEquals(408, r.status(), r.body());
            assertTrue(r.body().contains("\"request_timeout\""), r.body());
        } catch (AssertionError | IOException e) {
            server.close();
            throw e;
        }
        // the request cut off has ended: a stop waits for nothing (before, it waited out the whole grace period)
        java.util.concurrent.CompletableFuture<Void> stop = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Await.until(Duration.ofSeconds(60), "stopped long before its 120 s grace period", stop::isDone);
        stop.join();
    }

    @Test
    void one_address_holds_at_most_its_share_of_connections_and_the_rest_are_told_429() throws Exception {
        int share = 8;
        try (TestServer server = TestServer.start(TestFiles.bundledCorpus(), Config.defaults()
                .withLimits(Limits.NO_CLIENT_QUOTAS.withConnectionsPerClient(share)))) {
            int port = server.app.port();
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < share + 4; i++) held.add(connectFrom("127.0.0.20", port));
                Map<Socket, String> heard = new HashMap<>();
                Await.until(SlowClientGuard.OVER_SHARE_GRACE.plusSeconds(10), "connections past the share closed", () -> {
                    held.forEach(s -> heard.merge(s, readSoFar(s), String::concat));
                    return held.stream().filter(Socket::isInputShutdown).count() == 4;
                });
                assertEquals(4, heard.values().stream().filter(r -> r.startsWith("HTTP/1.1 429 ") && r.contains("\"too_many_requests\"")).count(),
                        "the silent ones past the share are told 429 and closed");
                List<Socket> kept = held.stream().filter(s -> !s.isInputShutdown()).toList();
                for (Socket s : kept) assertEquals(200, ask(s, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n").status(), "those within the share are served");
                for (int i = 0; i < 4; i++) {
                    Socket more = connectFrom("127.0.0.20", port);
                    held.add(more);
                    RawHttp.Response refused = ask(more, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
                    assertEquals(429, refused.status(), "a request on a connection past the share: " + refused.body());
                    assertTrue(refused.isJson() && refused.body().contains("\"too_many_requests\""), refused.body());
                    assertEquals(String.valueOf(SlowClientGuard.OVER_SHARE_GRACE.toSeconds()), refused.header("Retry-After"));
                }
                assertEquals(200, server.http().ask("what causes sciatica?").status(), "other addresses are not affected");
            } finally {
                for (Socket s : held) s.close();
            }
        }
    }

    private static Socket connectFrom(String address, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return s;
    }

    private static RawHttp.Response ask(Socket s, String request) throws IOException {
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        s.setSoTimeout(30_000);
        return RawHttp.read(s.getInputStream());
    }

    private static final String BLANK_LINE = "\r\n";
    private static final Map<Socket, Boolean> SENDS_BLANK_LINES = new java.util.concurrent.ConcurrentHashMap<>();

    /** One more byte from each slow client (a blank line from those that send only those): they never stop sending, they are just slow. */
    private static void trickle(List<Socket> sockets) {
        for (Socket s : sockets) {
            try {
                if (SENDS_BLANK_LINES.containsKey(s)) s.getOutputStream().write(BLANK_LINE.getBytes(StandardCharsets.US_ASCII));
                else s.getOutputStream().write('x');
            } catch (IOException e) {
                // closed by the server: what the test waits for
            }
        }
    }

    /**
     * What the server has sent on {@code s} that was not read before; once it has closed, the socket's input is
     * shut down here (so {@link Socket#isInputShutdown()} tells the test the server is done with it).
     */
    private static String readSoFar(Socket s) {
        if (s.isInputShutdown()) return "";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            s.setSoTimeout(1);
            byte[] buf = new byte[4096];
            while (true) {
                int n = s.getInputStream().read(buf);
                if (n < 0) {
                    s.shutdownInput();
                    break;
                }
                out.write(buf, 0, n);
            }
        } catch (java.net.SocketTimeoutException e) {
            // nothing more for now
        } catch (IOException e) {
            try {
                s.shutdownInput();
            } catch (IOException ignored) {
                // already gone
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
