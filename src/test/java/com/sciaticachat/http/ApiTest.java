package com.sciaticachat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sciaticachat.support.HttpJson;
import com.sciaticachat.support.HttpJson.Response;
import com.sciaticachat.support.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiTest {
    private final HttpJson http = TestServer.bundled().http();

    private static void assertError(Response r, int status, String code) {
        assertEquals(status, r.status(), r.body());
        JsonNode e = r.json().get("error");
        assertEquals(code, e.get("code").asText(), r.body());
        assertFalse(e.get("message").asText().isBlank());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
    }

    @Test
    void ask_answers_with_the_whole_contract() {
        Response r = http.ask("what causes sciatica?");
        assertEquals(200, r.status());
        JsonNode j = r.json();
        assertEquals("answered", j.get("status").asText());
        assertFalse(j.get("reply").asText().isBlank());
        JsonNode a = j.get("answer");
        assertEquals("massage-for-sciatic-pain/causes", a.get("sectionId").asText());
        assertEquals("Causes", a.get("title").asText());
        assertEquals(List.of("Massage For Sciatic Pain", "Causes"),
                List.of(a.get("path").get(0).asText(), a.get("path").get(1).asText()));
        assertTrue(a.get("text").asText().contains("Herniated Disc: A herniated or slipped disc"));
        assertTrue(a.get("highlights").isArray());
        assertEquals("corpus/massage-for-sciatic-pain.md", a.get("source").asText());
        double score = a.get("score").asDouble();
        assertTrue(score > 0 && score <= 1, "score " + score);
        assertTrue(j.get("related").isArray());
        for (JsonNode rel : j.get("related")) {
            assertFalse(rel.get("sectionId").asText().isBlank());
            assertFalse(rel.get("title").asText().isBlank());
        }
        assertTrue(j.get("urgent").isNull());
        assertFalse(j.get("disclaimer").asText().isBlank());
    }

    @Test
    void a_question_with_nothing_relevant_gets_no_match_and_the_contact() {
        JsonNode j = http.ask("who painted the Mona Lisa?").json();
        assertEquals("no_match", j.get("status").asText());
        assertTrue(j.get("answer").isNull());
        assertTrue(j.get("reply").asText().contains("(919) 555-0142"));
        assertFalse(j.get("disclaimer").asText().isBlank());
        // the widget puts a page's own contact (data-contact) in place of the words the sentence spells the service's with
        String spelt = http.get("/api/v1/info").json().get("contactText").asText();
        assertFalse(spelt.isBlank());
        assertTrue(j.get("reply").asText().contains(spelt), spelt + " in " + j.get("reply"));
    }

    @Test
    void a_visitor_who_writes_in_spanish_gets_the_urgent_advice_in_spanish_on_any_page() {
        // a clinician's trial: three Spanish emergencies alarmed, and were told what to do in English
        for (String lang : new String[] {null, "en"}) {
            String body = "{\"question\": \"tengo ciática y desde hoy no puedo orinar nada\"" + (lang == null ? "" : ", \"lang\": \"" + lang + "\"") + "}";
            JsonNode j = http.post("/api/v1/ask", body).json();
            assertEquals("urgent", j.get("status").asText(), j.toString());
            assertTrue(j.at("/urgent/message").asText().contains("Llame al 911"), j.toString());
        }
        JsonNode en = http.ask("my sciatica is bad and since today I cannot pee at all").json();
        assertTrue(en.at("/urgent/message").asText().contains("911") && !en.at("/urgent/message").asText().contains("Llame"), en.toString());
        // a name of two Spanish small words does not make an English message Spanish
        JsonNode named = http.ask("Maria de la Cruz here, what causes sciatica?").json();
        assertFalse(named.get("disclaimer").asText().contains("médico"), named.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON|{\"question\": |malformed_json",
            "not an object|[\"what causes sciatica\"]|malformed_json",
            "empty body|''|malformed_json",
            "missing question|{\"q\": \"hi\"}|missing_question",
            "null question|{\"question\": null}|missing_question",
            "number|{\"question\": 42}|invalid_question",
            "object|{\"question\": {\"text\": \"hi\"}}|invalid_question",
            "blank|{\"question\": \"   \\t \"}|empty_question",
            "check not yes or no|{\"question\": \"hi\", \"check\": \"maybe\"}|invalid_check",
            "check not text|{\"question\": \"hi\", \"check\": true}|invalid_check",
            "language the chat does not speak|{\"question\": \"hi\", \"lang\": \"fr\"}|invalid_lang",
            "language not text|{\"question\": \"hi\", \"lang\": 1}|invalid_lang"})
    void a_bad_body_gets_a_400_with_a_code(String name, String body, String code) {
        assertError(http.post("/api/v1/ask", body), 400, code);
    }

    @Test
    void a_question_over_500_characters_is_refused_but_500_is_fine() {
        assertError(http.ask("a".repeat(501)), 400, "question_too_long");
        assertEquals(200, http.ask("sciatica ".repeat(56).substring(0, 500)).status());
    }

    @Test
    void a_longer_message_is_still_read_for_warning_signs_and_only_for_them() {
        String story = "I have had sciatica for a long time and I have tried many things for it. ".repeat(8);
        Response urgent = http.ask(story + "Since yesterday I cannot control my bladder and my bum is numb.");
        assertEquals(200, urgent.status(), urgent.body());
        JsonNode json = urgent.json();
        // told inside a long story, the alarm or its check question (with the 911 link), never "shorten it"
        assertTrue(List.of("urgent", "check").contains(json.path("status").asText()), urgent.body());
        assertEquals("emergency", json.path(json.path("status").asText()).path("level").asText(), urgent.body());
        assertTrue(json.path("answer").isNull() || json.path("answer").isMissingNode(), "no section is looked up for it");
        assertError(http.ask(story + "Which stretches help most?"), 400, "question_too_long");
        assertError(http.ask("numb down there ".repeat(200)), 400, "question_too_long");
    }

    @Test
    void a_body_over_16_kb_is_refused_with_413() {
        String big = "{\"question\": \"" + "a".repeat(17 * 1024) + "\"}";
        assertError(http.post("/api/v1/ask", big), 413, "payload_too_large");
    }

    @Test
    void a_non_json_content_type_is_refused_with_415() {
        assertError(http.post("/api/v1/ask", "{\"question\": \"hi\"}", "Content-Type", "text/plain"), 415, "unsupported_media_type");
        assertError(http.post("/api/v1/ask", "question=hi", "Content-Type", "application/x-www-form-urlencoded"), 415,
                "unsupported_media_type");
        assertEquals(200, http.post("/api/v1/ask", "{\"question\": \"sciatica\"}", "Content-Type", "application/json; charset=utf-8").status());
    }

    @Test
    void unknown_paths_and_methods_are_json_404_and_405() {
        assertError(http.get("/api/v1/nothing-here"), 404, "not_found");
        assertError(http.get("/no-such-page.html"), 404, "not_found");
        assertError(http.get("/api/v1/ask"), 405, "method_not_allowed");
        assertError(http.post("/health", "{}"), 405, "method_not_allowed");
        assertError(http.get("/api/v1/sections/no-such-section"), 404, "section_not_found");
    }

    @Test
    void the_service_keeps_answering_after_bad_requests() {
        for (int i = 0; i < 20; i++) {
            http.post("/api/v1/ask", "{broken");
            http.post("/api/v1/ask", "{\"question\": " + i + "}");
        }
        assertEquals("answered", http.ask("what causes sciatica?").json().get("status").asText());
    }

    @Test
    void allowed_and_own_origins_get_cors_headers() {
        Response allowed = http.post("/api/v1/ask", "{\"question\": \"sciatica\"}", "Origin", "https://clinic.example");
        assertEquals(200, allowed.status());
        assertEquals("https://clinic.example", allowed.header("Access-Control-Allow-Origin"));
        assertTrue(allowed.header("Vary").contains("Origin"));
        Response own = http.post("/api/v1/ask", "{\"question\": \"sciatica\"}", "Origin", http.base());
        assertEquals(http.base(), own.header("Access-Control-Allow-Origin"));
        Response preflight = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/ask"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10))
                .header("Origin", "https://clinic.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build());
        assertEquals(204, preflight.status());
        assertEquals("https://clinic.example", preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").contains("POST"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").toLowerCase().contains("content-type"));
    }

    @Test
    void other_origins_are_refused_in_words_their_page_can_read() {
        Response r = http.post("/api/v1/ask", "{\"question\": \"sciatica\"}", "Origin", "https://evil.example");
        assertError(r, 403, "origin_not_allowed");
        assertFalse(r.body().contains("\"answer\""), "a refused page gets no answer, only why: " + r.body());
        // readable, so the widget on a site that is not set up can say so instead of "check your connection"
        assertEquals("https://evil.example", r.header("Access-Control-Allow-Origin"));
        Response preflight = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/ask"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10))
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").build());
        assertEquals(204, preflight.status(), "the preflight passes: the request it announces is the one refused");
        assertError(http.get("/api/v1/info", "Origin", "https://evil.example"), 403, "origin_not_allowed");
        assertError(http.post("/api/v1/ask", "{\"question\": \"sciatica\"}", "Origin", "null"), 403, "origin_not_allowed");
        assertEquals(200, http.ask("sciatica").status(), "requests without an Origin (not a browser) still work");
    }

    @Test
    void a_follow_up_is_read_in_the_light_of_the_section_just_shown() {
        String body = "{\"question\": \"the second one\", \"history\": [{\"question\": \"which massage techniques help\","
                + " \"sectionId\": \"massage-for-sciatic-pain/massage-techniques\"}]}";
        Response r = http.post("/api/v1/ask", body);
        assertEquals(200, r.status(), r.body());
        assertEquals("massage-for-sciatic-pain/swedish-massage", r.json().get("answer").get("sectionId").asText());
    }

    @Test
    void a_history_that_is_not_a_short_list_of_turns_is_refused() {
        for (String history : List.of("\"x\"", "[1]", "[{}]", "[{\"question\": 5}]", "[{\"question\": \"a\", \"sectionId\": 7}]",
                "[" + String.join(",", java.util.Collections.nCopies(6, "{\"question\": \"a\"}")) + "]",
                "[{\"question\": \"" + "a".repeat(501) + "\"}]")) {
            assertError(http.post("/api/v1/ask", "{\"question\": \"and then?\", \"history\": " + history + "}"), 400, "invalid_history");
        }
        assertEquals(200, http.post("/api/v1/ask", "{\"question\": \"sciatica\", \"history\": []}").status());
        assertEquals(200, http.post("/api/v1/ask", "{\"question\": \"sciatica\", \"history\": [{\"question\": \"hi\", \"sectionId\": null}]}").status());
    }

    @Test
    void health_sections_and_info_describe_the_loaded_index() {
        JsonNode health = http.get("/health").json();
        assertEquals("ok", health.get("status").asText());
        assertEquals(27, health.get("sections").asInt());
        assertEquals(0, health.get("corpusErrors").size());
        JsonNode sections = http.get("/api/v1/sections").json().get("sections");
        assertEquals(27, sections.size());
        assertEquals("massage-for-sciatic-pain/intro", sections.get(0).get("id").asText());
        JsonNode one = http.get("/api/v1/sections/massage-for-sciatic-pain/stretching").json();
        assertEquals("Stretching", one.get("answer").get("title").asText());
        assertFalse(one.get("disclaimer").asText().isBlank());
        JsonNode info = http.get("/api/v1/info").json();
        assertFalse(info.get("disclaimer").asText().isBlank());
        assertTrue(info.get("suggestions").size() > 0);
    }

    @Test
    void the_demo_page_and_widget_are_served() {
        Response page = http.get("/");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<script src=\"/widget.js\" async"), "the demo embeds the widget with one tag");
        assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"));
        Response js = http.get("/widget.js");
        assertEquals(200, js.status());
        assertTrue(js.header("Content-Type").contains("javascript"));
        assertFalse(js.body().contains("innerHTML"), "the widget never parses text as HTML");
    }
}
