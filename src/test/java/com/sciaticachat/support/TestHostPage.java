package com.sciaticachat.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for a clinic's own website on another origin (another port): serves the HTML pages tests
 * register, which embed the widget from the chat server with one script tag.
 */
public final class TestHostPage {
    private static volatile TestHostPage shared;

    private final HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    private TestHostPage() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            String html = pages.get(exchange.getRequestURI().getPath());
            byte[] body = (html == null ? "not found" : html).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", html == null ? "text/plain" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(html == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-host-page");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public static TestHostPage shared() {
        if (shared == null) {
            synchronized (TestHostPage.class) {
                if (shared == null) {
                    try {
                        shared = new TestHostPage();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return shared;
    }

    public String origin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Serves {@code html} at {@code path}; returns the page's URL. */
    public String put(String path, String html) {
        pages.put(path, html);
        return origin() + path;
    }
}
