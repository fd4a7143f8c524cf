package com.sciaticachat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.config.Config;
import com.sciaticachat.config.Limits;
import com.sciaticachat.support.HttpJson;
import com.sciaticachat.support.RawHttp;
import com.sciaticachat.support.TestFiles;
import com.sciaticachat.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What a clumsy or hostile client gets: JSON errors with the right status, never a 500, and limits per client. */
class HardeningTest {
    private final TestServer server = TestServer.bundled();
    private final int port = server.app.port();

    private RawHttp.Response raw(String request) throws Exception {
        return RawHttp.send(port, request.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a request line that is not HTTP|GARBAGE\\r\\n\\r\\n|400|bad_request",
            "an HTTP version from the future|GET /health HTTP/3.0\\r\\nHost: x\\r\\n\\r\\n|400|http_version_not_supported",
            "an HTTP/2 preface over HTTP/1|PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n|426|upgrade_required",
            "an Expect the server cannot meet|POST /api/v1/ask HTTP/1.1\\r\\nHost: x\\r\\nExpect: 200-ok\\r\\nContent-Length: 2\\r\\n\\r\\n{}|417|expectation_failed",
            "no Host header|GET /health HTTP/1.1\\r\\n\\r\\n|400|bad_request",
            "a chunk size that is not a number|POST /api/v1/ask HTTP/1.1\\r\\nHost: x\\r\\nContent-Type: application/json\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nZZ\\r\\n{}\\r\\n0\\r\\n\\r\\n|400|bad_request"})
    void errors_jetty_raises_before_the_application_are_json(String what, String request, int status, String code) throws Exception {
        RawHttp.Response r = raw(request.replace("\\r\\n", "\r\n"));
        assertEquals(status, r.status(), what + ": " + r.body());
        assertTrue(r.isJson(), what + " gives JSON: " + r.headers() + " " + r.body());
        assertTrue(r.body().contains("\"code\":\"" + code + "\""), r.body());
    }

    @Test
    void huge_headers_and_addresses_are_refused_in_json() throws Exception {
        RawHttp.Response headers = raw("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertEquals(431, headers.status());
        assertTrue(headers.isJson(), headers.body());
        RawHttp.Response uri = raw("GET /" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(414, uri.status());
        assertTrue(uri.isJson(), uri.body());
    }

    @Test
    void a_body_cut_short_is_the_clients_mistake_not_a_server_error() throws Exception {
        byte[] request = ("POST /api/v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"question\":\"hi\"}")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Response r = RawHttp.send(port, request, true, 10_000);
        assertEquals(400, r.status(), r.body());
        assertTrue(r.isJson(), r.body());
    }

    @ParameterizedTest(name = "a question of only {0} is blank")
    @CsvSource({"a zero-width space,\u200b", "a no-break space,\u00a0", "a byte-order mark,\ufeff", "a lone combining accent,\u0301",
            "a replacement character,\ufffd", "a Hangul filler,\u3164", "a blank Braille pattern,\u2800", "an object replacement,\ufffc"})
    void questions_of_only_invisible_characters_are_blank(String what, String question) {
        HttpJson.Response r = server.http().ask(question);
        assertEquals(400, r.status(), what + ": " + r.body());
        assertEquals("empty_question", r.json().get("error").get("code").asText());
    }

    @Test
    void a_question_with_nothing_to_read_gets_a_reply_rather_than_an_error() {
        // emoji alone: the prompt to ask in words (small talk), never a section or an error
        HttpJson.Response r = server.http().ask("\uD83D\uDE00\uD83D\uDE00");
        assertEquals(200, r.status(), r.body());
        assertEquals("smalltalk", r.json().get("status").asText());
        // a sentence of replacement characters (a broken byte) beside a question, or as an earlier turn, is read as nothing
        HttpJson.Response broken = server.http().ask("What is sciatica? \ufffd");
        assertEquals(200, broken.status(), broken.body());
        HttpJson.Response history = server.http().post("/api/v1/ask",
                "{\"question\":\"what causes it?\",\"history\":[{\"question\":\"\ufffd \ufffd\",\"sectionId\":null}]}");
        assertEquals(200, history.status(), history.body());
    }

    @Test
    void strict_json_one_object_and_nothing_after_it() throws Exception {
        for (String body : List.of("{\"question\":\"hi\"} trailing", "{\"question\":\"hi\"}{\"question\":\"hi\"}",
                "{\"question\":\"hi\",\"question\":\"what is sciatica\"}")) {
            RawHttp.Response r = RawHttp.send(port, RawHttp.post("/api/v1/ask", "application/json", body));
            assertEquals(400, r.status(), body);
            assertTrue(r.body().contains("malformed_json"), r.body());
        }
        // an attacker trial: a body declared compressed, or in a transfer coding besides chunked, was read as plain text
        RawHttp.Response compressed = RawHttp.send(port, RawHttp.post("/api/v1/ask", "application/json", "{\"question\":\"hi\"}", "Content-Encoding: gzip"));
        assertEquals(415, compressed.status(), compressed.body());
        assertTrue(compressed.isJson() && compressed.body().contains("Content-Encoding"), compressed.body());
        RawHttp.Response coded = RawHttp.send(port, ("POST /api/v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n11\r\n{\"question\":\"hi\"}\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(400, coded.status(), coded.body());
        assertTrue(coded.isJson(), coded.body());
        RawHttp.Response emptyType = RawHttp.send(port, RawHttp.post("/api/v1/ask", ";", "{\"question\":\"hi\"}"));
        assertEquals(415, emptyType.status(), "a content type of only ';' is not JSON: " + emptyType.body());
    }

    @Test
    void a_declared_oversized_body_is_refused_before_100_continue_and_the_client_reads_the_413() throws Exception {
        String head = "POST /api/v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 3145728\r\n";
        RawHttp.Response expecting = raw(head + "Expect: 100-continue\r\n\r\n");
        assertEquals(413, expecting.status(), "no 100 Continue first: " + expecting.body());
        assertTrue(expecting.isJson());
        assertTrue(expecting.body().contains("larger than 16 KB"), expecting.body());
        // the staff's document routes take more, and their 413 says how much (an attacker trial read "16 KB" there)
        RawHttp.Response document = raw(head.replace("/api/v1/ask", "/api/v1/admin/draft/file").replace("POST", "PUT") + "Expect: 100-continue\r\n\r\n");
        assertEquals(413, document.status(), document.body());
        assertTrue(document.body().contains("larger than 1024 KB"), document.body());
        for (int i = 0; i < 5; i++) {
            byte[] start = (head + "\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] request = new byte[start.length + 3 * 1024 * 1024];
            System.arraycopy(start, 0, request, 0, start.length);
            java.util.Arrays.fill(request, start.length, request.length, (byte) 'x');
            RawHttp.Response sent = RawHttp.send(port, request);
            assertEquals(413, sent.status(), "a client already sending reads the 413 too (try " + i + ")");
        }
    }

    @Test
    void a_client_still_sending_an_oversized_body_reads_the_413_before_the_rest_is_sent() throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.getOutputStream().write(("POST /api/v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                    + "{\"question\":\"" + "x".repeat(1000)).getBytes(StandardCharsets.US_ASCII));
            // well inside the body's deadline, which would otherwise be what ends the wait
            s.setSoTimeout((int) JettySetup.BODY_DEADLINE.toMillis() / 2);
            RawHttp.Response r = RawHttp.read(s.getInputStream());
            assertEquals(413, r.status(), "answered while 99,000 bytes are still to come: " + r.body());
            assertTrue(r.isJson() && r.body().contains("\"payload_too_large\""), r.body());
        }
    }

    @Test
    void cors_trusts_the_configured_origins_never_a_matching_host_header() throws Exception {
        String rebinding = "POST /api/v1/ask HTTP/1.1\r\nHost: evil.example\r\nOrigin: http://evil.example\r\nContent-Type: application/json\r\n"
                + "Content-Length: 17\r\nConnection: close\r\n\r\n{\"question\":\"hi\"}";
        RawHttp.Response r = raw(rebinding);
        assertEquals(403, r.status(), "an Origin that only matches the Host header is a rebinding attack: " + r.body());
        assertEquals(200, server.http().post("/api/v1/ask", "{\"question\":\"hi\"}", "Origin", "http://localhost:" + port).status(),
                "the service's own pages may ask");
    }

    @Test
    void one_client_past_its_questions_per_minute_gets_429_with_retry_after_and_others_still_ask() throws Exception {
        try (TestServer limited = TestServer.start(TestFiles.bundledCorpus(), Config.defaults()
                .withLimits(Limits.DEFAULT.withAsk(6, 3).withTrustedProxies(List.of("127.0.0.1"))))) {
            HttpJson http = limited.http();
            for (int i = 0; i < 3; i++) {
                assertEquals(200, http.post("/api/v1/ask", "{\"question\":\"what is sciatica\"}", "X-Forwarded-For", "203.0.113.5").status());
            }
            HttpJson.Response refused = http.post("/api/v1/ask", "{\"question\":\"what is sciatica\"}", "X-Forwarded-For", "203.0.113.5");
            assertEquals(429, refused.status());
            assertEquals("too_many_questions", refused.json().get("error").get("code").asText());
            assertNotNull(refused.header("Retry-After"));
            assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
            // an attacker trial: a client's own X-Forwarded-For line, then the proxy's hop on a line of its own, went unlimited
            RawHttp.Response split = RawHttp.send(limited.app.port(), RawHttp.post("/api/v1/ask", "application/json", "{\"question\":\"what is sciatica\"}",
                    "X-Forwarded-For: 10.7.7.1", "X-Forwarded-For: 203.0.113.5"));
            assertEquals(429, split.status(), "the lines are one list, the proxy's hop last: " + split.body());
            assertEquals(200, http.post("/api/v1/ask", "{\"question\":\"what is sciatica\"}", "X-Forwarded-For", "198.51.100.7").status(),
                    "another visitor behind the same proxy is not held back");
        }
        try (TestServer direct = TestServer.start(TestFiles.bundledCorpus(), Config.defaults().withLimits(Limits.DEFAULT.withAsk(6, 3)))) {
            int refused = 0;
            for (int i = 0; i < 6; i++) {
                int status = direct.http().post("/api/v1/ask", "{\"question\":\"what is sciatica\"}", "X-Forwarded-For", "192.0.2." + i).status();
                if (status == 429) refused++;
            }
            assertEquals(3, refused, "without a trusted proxy, X-Forwarded-For is the client's word and is ignored");
        }
    }

    @Test
    void a_fault_of_ours_is_a_json_500_with_an_id_to_quote_and_no_detail() throws Exception {
        TestServer broken = TestServer.start(TestFiles.bundledCorpus(), Config.defaults());
        try {
            broken.app.index().close(); // every search now fails inside the service
            HttpJson.Response r = broken.http().get("/api/v1/sections");
            assertEquals(500, r.status(), r.body());
            String id = r.json().get("error").get("id").asText();
            assertTrue(id.matches("[0-9a-f]{8}") && r.json().get("error").get("message").asText().contains(id), r.body());
            assertFalse(r.body().contains("Exception"), "no stack trace or class names: " + r.body());
            assertEquals(400, HttpApi.clientFault(new RuntimeException(new org.eclipse.jetty.io.EofException("early EOF"))),
                    "a body that broke off is the client's doing");
        } finally {
            try {
                broken.close();
            } catch (Exception ignored) {
                // the index was closed on purpose
            }
        }
    }
}
