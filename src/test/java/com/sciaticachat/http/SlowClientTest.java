package com.sciaticachat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.config.Config;
import com.sciaticachat.config.Limits;
import com.sciaticachat.support.Await;
import com.sciaticachat.support.TestFiles;
import com.sciaticachat.support.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slow clients (headers or a body trickling in) and greedy ones (many connections) cannot starve
 * everyone else: questions are answered while 500 slow connections are open, the slow ones are cut off
 * at their deadline, and one address cannot hold more than its share of connections.
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
                    String start = i % 2 == 0
                            ? "POST /api/v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"q"
                            : "POST /api/v1/ask HTTP/1.1\r\nHo";
                    s.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
                    slow.add(s);
                }
                long started = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    trickle(slow);
                    assertEquals(200, server.http().ask("what causes sciatica? " + i).status(), "answered while slow clients wait");
                }
                assertTrue(System.nanoTime() - started < JettySetup.HEADER_DEADLINE.toNanos(), "the slow ones were still open meanwhile");
                Await.until(JettySetup.HEADER_DEADLINE.plusSeconds(15), "every slow connection closed by the server", () -> {
                    trickle(slow);
                    return slow.stream().allMatch(SlowClientTest::closedByServer);
                });
                assertEquals(200, server.http().ask("and after them?").status());
            } finally {
                for (Socket s : slow) s.close();
            }
        }
    }

    @Test
    void one_address_holds_at_most_its_share_of_connections() throws Exception {
        int share = 8;
        try (TestServer server = TestServer.start(TestFiles.bundledCorpus(), Config.defaults()
                .withLimits(Limits.NO_CLIENT_QUOTAS.withConnectionsPerClient(share)))) {
            int port = server.app.port();
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < share + 4; i++) {
                    Socket s = new Socket();
                    s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.20"), 0));
                    s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                    held.add(s);
                }
                Await.until(Duration.ofSeconds(5), "connections past the share closed",
                        () -> held.stream().filter(SlowClientTest::closedByServer).count() == 4);
                assertEquals(200, server.http().ask("what causes sciatica?").status(), "other addresses are not affected");
            } finally {
                for (Socket s : held) s.close();
            }
        }
    }

    /** One more byte from each slow client: they never stop sending, they are just slow. */
    private static void trickle(List<Socket> sockets) {
        for (Socket s : sockets) {
            try {
                s.getOutputStream().write('x');
            } catch (IOException e) {
                // closed by the server: what the test waits for
            }
        }
    }

    private static boolean closedByServer(Socket s) {
        try {
            s.setSoTimeout(1);
            byte[] buf = new byte[4096];
            while (true) {
                if (s.getInputStream().read(buf) < 0) return true; // an answer (if any) read to its end, then closed
            }
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
