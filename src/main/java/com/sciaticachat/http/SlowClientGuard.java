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
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * Keeps slow and greedy clients from holding connections: a request's headers must arrive within
 * {@code headerDeadline} and its body within {@code bodyDeadline} (Jetty's idle timeout alone is reset by
 * every byte, so a client sending one byte every few seconds would never be timed out), and one client
 * address may hold at most {@code maxPerAddress} connections at once (trusted proxies excepted: they
 * carry many visitors). Added to the connector as a bean, so Jetty tells it of every connection.
 *
 * <p>Reading bodies never ties up a thread (the request is handed to the application only once its body
 * is in, see {@link JettySetup}), so what a slow client costs is a socket; these limits bound that too.
 */
final class SlowClientGuard extends AbstractLifeCycle implements Connection.Listener {
    private record Phase(long request, boolean headers, long sinceNanos) {}

    private static final Phase IDLE = new Phase(-1, false, 0);

    /** An open connection: its client's address (taken at opening; a closed socket no longer knows it) and what it is doing. */
    private static final class Tracked {
        final String address;
        volatile Phase phase = IDLE;

        Tracked(String address) {
            this.address = address;
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
        open.put(http, new Tracked(address));
        if (count > maxPerAddress && !exempt.contains(address)) {
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        if (!(connection instanceof HttpConnection http)) return;
        Tracked tracked = open.remove(http);
        if (tracked != null) perAddress.computeIfPresent(tracked.address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    /** Closes connections whose headers or body have been arriving for longer than allowed. */
    void sweep() {
        long now = System.nanoTime();
        open.forEach((connection, tracked) -> {
            HttpParser parser = connection.getParser();
            boolean headers = !parser.isStart() && parser.inHeaderState();
            boolean body = parser.inContentState();
            Phase phase = tracked.phase;
            if (!headers && !body) {
                tracked.phase = IDLE;
                return;
            }
            long request = connection.getMessagesIn();
            if (phase.request() != request || phase.headers() != headers) {
                tracked.phase = new Phase(request, headers, now);
            } else if (now - phase.sinceNanos() > (headers ? headerDeadlineNanos : bodyDeadlineNanos)) {
                connection.getEndPoint().close();
            }
        });
    }

    private static String address(SocketAddress socket) {
        return socket instanceof InetSocketAddress inet && inet.getAddress() != null ? inet.getAddress().getHostAddress() : String.valueOf(socket);
    }
}
