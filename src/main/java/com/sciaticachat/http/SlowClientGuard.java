package com.sciaticachat.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * Keeps slow and greedy clients from holding connections: a request's headers must arrive within
 * {@code headerDeadline} and its body within {@code bodyDeadline} (Jetty's idle timeout alone is reset by
 * every byte, so a client sending one byte every few seconds would never be timed out), and one client
 * address may hold at most {@code maxPerAddress} connections at once (trusted proxies excepted: they
 * carry many visitors). Added to the connector as a bean, so Jetty tells it of every connection.
 *
 * <p>Every client cut off is told why, in the API's JSON error shape: headers past their deadline get a
 * 408 written straight to the socket (there is no request yet to answer); a body past its deadline fails
 * the request, which is answered 408 through the normal path and so also ends (a request left waiting for
 * its body would hold a graceful stop for its whole grace period); a connection past its address's share
 * is answered 429 by {@link OverShareHandler} if its request comes within {@link #OVER_SHARE_GRACE}, and
 * otherwise told 429 and closed. Output is shut first and the socket closed {@link #LINGER} later, so
 * that the client reads the answer rather than a reset.
 *
 * <p>Reading bodies never ties up a thread (the request is handed to the application only once its body
 * is in, see {@link JettySetup}), so what a slow client costs is a socket; these limits bound that too.
 */
final class SlowClientGuard extends AbstractLifeCycle implements Connection.Listener {
    private record Phase(long request, boolean headers, long sinceNanos) {}

    private static final Phase IDLE = new Phase(-1, false, 0);

    /** How long a connection past its address's share may take to send the request it is refused. */
    static final Duration OVER_SHARE_GRACE = Duration.ofSeconds(2);
    /** How long a connection that has been told why it is cut off stays open for the client to read that. */
    static final Duration LINGER = Duration.ofSeconds(2);

    /** An open connection: its client's address (taken at opening; a closed socket no longer knows it) and what it is doing. */
    private static final class Tracked {
        final String address;
        final boolean overShare;
        final long openedNanos = System.nanoTime();
        volatile Phase phase = IDLE;
        /** The bytes read and requests begun when the connection was last seen between requests. */
        volatile long idleBytes, idleRequests;
        /** When the client was told it is cut off (0: not yet). */
        volatile long cutNanos;

        Tracked(String address, boolean overShare) {
            this.address = address;
            this.overShare = overShare;
        }
    }

    private final int maxPerAddress;
    private final long headerDeadlineNanos;
    private final long bodyDeadlineNanos;
    private final TrustedProxies exempt;
    private final Map<HttpConnection, Tracked> open = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private ScheduledExecutorService sweeper;

    SlowClientGuard(int maxPerAddress, Duration headerDeadline, Duration bodyDeadline, java.util.Collection<String> exempt) {
        this.maxPerAddress = maxPerAddress;
        this.headerDeadlineNanos = headerDeadline.toNanos();
        this.bodyDeadlineNanos = bodyDeadline.toNanos();
        this.exempt = new TrustedProxies(List.copyOf(exempt));
    }

    @Override
    protected void doStart() {
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slow-client-guard");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, Math.min(headerDeadlineNanos, bodyDeadlineNanos) / 4_000_000);
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        sweeper.shutdownNow();
    }

    @Override
    public void onOpened(Connection connection) {
        if (!(connection instanceof HttpConnection http)) return;
        String address = address(connection.getEndPoint().getRemoteSocketAddress());
        int count = perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        open.put(http, new Tracked(address, count > maxPerAddress && !exempt.contains(address)));
    }

    /** Whether a request came on a connection past its address's share (it is to be refused, 429). */
    boolean overShare(Connection connection) {
        Tracked tracked = connection instanceof HttpConnection http ? open.get(http) : null;
        return tracked != null && tracked.overShare;
    }

    @Override
    public void onClosed(Connection connection) {
        if (!(connection instanceof HttpConnection http)) return;
        Tracked tracked = open.remove(http);
        if (tracked != null) perAddress.computeIfPresent(tracked.address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** Cuts off connections whose headers or body have been arriving for longer than allowed. */
    void sweep() {
        long now = System.nanoTime();
        open.forEach((connection, tracked) -> {
            if (tracked.cutNanos != 0) {
                if (now - tracked.cutNanos > LINGER.toNanos()) connection.getEndPoint().close();
                return;
            }
            if (tracked.overShare && connection.getMessagesIn() == 0 && now - tracked.openedNanos > OVER_SHARE_GRACE.toNanos()) {
                tracked.cutNanos = now;
                tell(connection.getEndPoint(), HttpStatus.TOO_MANY_REQUESTS_429);
                return;
            }
            HttpParser parser = connection.getParser();
            boolean headers = !parser.isStart() && parser.inHeaderState();
            boolean body = parser.inContentState();
            Phase phase = tracked.phase;
            long request = connection.getMessagesIn(), bytes = connection.getBytesIn();
            if (!headers && !body) {
                // bytes since the last request that begin none: blank lines, which the parser skips before a request line, so a
                // client sending "\r\n" now and then would otherwise never be in its headers and never be cut off
                boolean blankLines = parser.isStart() && request == tracked.idleRequests && bytes > tracked.idleBytes;
                if (!blankLines) {
                    tracked.phase = IDLE;
                    tracked.idleBytes = bytes;
                    tracked.idleRequests = request;
                    return;
                }
                headers = true;
            }
            if (phase.request() != request || phase.headers() != headers) {
                tracked.phase = new Phase(request, headers, now);
            } else if (now - phase.sinceNanos() > (headers ? headerDeadlineNanos : bodyDeadlineNanos)) {
                tracked.cutNanos = now;
                if (headers) {
                    tell(connection.getEndPoint(), HttpStatus.REQUEST_TIMEOUT_408);
                } else {
                    Runnable fail = connection.getHttpChannel().onFailure(
                            new HttpException.RuntimeException(HttpStatus.REQUEST_TIMEOUT_408, "the body took too long to arrive"));
                    if (fail != null) connection.getConnector().getExecutor().execute(fail);
                }
            }
        });
    }

    /** Writes a whole JSON error response straight to the socket and shuts its output; the sweep closes it later. */
    private static void tell(EndPoint endPoint, int status) {
        byte[] body = JsonErrorHandler.body(status);
        String head = "HTTP/1.1 " + status + " " + HttpStatus.getMessage(status) + "\r\nContent-Type: application/json\r\n"
                + (status == HttpStatus.TOO_MANY_REQUESTS_429 ? "Retry-After: " + OVER_SHARE_GRACE.toSeconds() + "\r\n" : "")
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try {
            endPoint.write(Callback.from(endPoint::shutdownOutput, x -> endPoint.close()),
                    java.nio.ByteBuffer.wrap(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), java.nio.ByteBuffer.wrap(body));
        } catch (RuntimeException e) {
            endPoint.close(); // a response of its own still being written: no room to say more
        }
    }

    private static String address(SocketAddress socket) {
        return socket instanceof InetSocketAddress inet && inet.getAddress() != null ? inet.getAddress().getHostAddress() : String.valueOf(socket);
    }
}
