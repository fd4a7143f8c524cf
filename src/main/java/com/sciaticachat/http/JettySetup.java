package com.sciaticachat.http;

import com.sciaticachat.config.Limits;
import io.javalin.config.JavalinConfig;
import java.time.Duration;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * How Jetty faces the open internet. Requests reach the application only once their body is in (read
 * asynchronously, so a slow upload holds a socket, not a thread); declared bodies over the limit are
 * refused before {@code 100 Continue}; a request's headers and body each have a deadline; one address may
 * hold only so many connections (one past its share is answered 429); every error Jetty itself produces is JSON.
 *
 * <p>Threads: requests only compute (an answer takes a few milliseconds of CPU) and never wait on a
 * client, so {@link Limits#threads()} (64 by default) bounds memory rather than throughput; Jetty's
 * selectors and reserved threads come out of the same pool, which is why it is not smaller.
 */
final class JettySetup {
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(20);
    static final Duration HEADER_DEADLINE = Duration.ofSeconds(10);
    static final Duration BODY_DEADLINE = Duration.ofSeconds(10);
    /** Room for a full body plus the framing Jetty counts per chunk. */
    private static final long RETAINED = HttpApi.MAX_BODY_BYTES + 4096;
    private static final long RETAINED_DOCUMENT = HttpApi.MAX_DOCUMENT_BYTES + 4096;

    private JettySetup() {}

    /** Bodies are read ahead up to the route's limit: a whole document for the console's draft, a question elsewhere. */
    private static EagerContentHandler.ContentLoaderFactory byPath(EagerContentHandler.ContentLoaderFactory small,
                                                                   EagerContentHandler.ContentLoaderFactory large) {
        return new EagerContentHandler.ContentLoaderFactory() {
            @Override
            public String getApplicableMimeType() {
                return small.getApplicableMimeType();
            }

            @Override
            public EagerContentHandler.ContentLoader newContentLoader(String contentType, String mimeType, org.eclipse.jetty.server.Handler handler,
                                                                      org.eclipse.jetty.server.Request request,
                                                                      org.eclipse.jetty.server.Response response,
                                                                      org.eclipse.jetty.util.Callback callback) {
                boolean document = HttpApi.bodyLimit(request.getHttpURI().getPath()) > HttpApi.MAX_BODY_BYTES;
                return (document ? large : small).newContentLoader(contentType, mimeType, handler, request, response, callback);
            }
        };
    }

    static void apply(JavalinConfig cfg, Limits limits, java.util.function.Consumer<QueuedThreadPool> metrics) {
        SlowClientGuard guard = new SlowClientGuard(limits.connectionsPerClient(), HEADER_DEADLINE, BODY_DEADLINE, limits.trustedProxies());
        QueuedThreadPool pool = new QueuedThreadPool(limits.threads(), Math.min(8, limits.threads()), (int) IDLE_TIMEOUT.toMillis() * 3);
        pool.setName("http");
        metrics.accept(pool);
        cfg.jetty.threadPool = pool;
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setIdleTimeout(IDLE_TIMEOUT.toMillis());
            http.setRequestHeaderSize(8 * 1024);
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        cfg.jetty.modifyServer(server -> {
            server.setErrorHandler(new JsonErrorHandler());
            // on stop, new connections are refused and requests being answered get up to the grace period to
            // finish (inside the eager reader: a client still sending its body is not waited for)
            server.insertHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
            server.setStopTimeout(limits.shutdownGraceSeconds() * 1000L);
            // the last inserted is the outermost: the declared length is checked before any of the body is read
            server.insertHandler(new EagerContentHandler(byPath(new EagerContentHandler.RetainedContentLoaderFactory(RETAINED, -1, true),
                    new EagerContentHandler.RetainedContentLoaderFactory(RETAINED_DOCUMENT, -1, true))));
            server.insertHandler(new BodyLimitHandler(HttpApi::bodyLimit));
            server.insertHandler(new BodyCodingHandler());
            server.insertHandler(new OverShareHandler(guard));
        });
        cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
        cfg.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new org.eclipse.jetty.server.HttpConnectionFactory(http));
            connector.setHost(cfg.jetty.host);
            connector.setPort(cfg.jetty.port);
            connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
            connector.addBean(guard);
            return connector;
        });
    }
}
