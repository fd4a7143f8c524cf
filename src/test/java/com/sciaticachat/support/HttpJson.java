package com.sciaticachat.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON client for the real server. */
public final class HttpJson {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response: status, headers and body (parsed when it is JSON). */
    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final String base;

    public HttpJson(String base) {
        this.base = base;
    }

    public Response ask(String question) {
        return post("/api/v1/ask", JSON.createObjectNode().put("question", question).toString());
    }

    public Response post(String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) b.setHeader(headers[i], headers[i + 1]);
        return send(b.build());
    }

    public Response get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(b.build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> r;
            try {
                r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // Java's HttpClient, reusing a pooled HTTP/1.1 connection at thousands of requests a second, now and
                // then reads nothing back; browsers and wrk (117,000 requests through reloads, no socket error) do not
                // see it. Sent again once on a fresh attempt, as a browser retries a request on a reused connection.
                if (!String.valueOf(e.getMessage()).contains("header parser received no bytes")) throw e;
                r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            }
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return base;
    }
}
