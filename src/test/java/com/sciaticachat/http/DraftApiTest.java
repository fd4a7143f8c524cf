package com.sciaticachat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sciaticachat.config.Config;
import com.sciaticachat.support.Browser;
import com.sciaticachat.support.HttpJson;
import com.sciaticachat.support.TestFiles;
import com.sciaticachat.support.Await;
import com.sciaticachat.support.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The guide edited in the console: a draft staff try questions against, published through the usual reload, kept in the history under their name. */
class DraftApiTest {
    private static final String TOKEN = "a-staff-token-for-the-draft-tests";
    private static final String[] AUTH = {"Authorization", "Bearer " + TOKEN, "X-Staff-Name", "Dana"};
    private static final String PRICES = "---\ntitle: Prices\n---\n# Prices\n\n## What a massage costs\n\n"
            + "A sixty-minute sciatica massage costs ninety-five dollars; thirty minutes cost fifty-five dollars.\n";

    private static HttpJson.Response put(HttpJson http, Map<String, String> body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/admin/draft/file")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header(AUTH[0], AUTH[1]).header(AUTH[2], AUTH[3])
                .PUT(HttpRequest.BodyPublishers.ofString(HttpJson.JSON.writeValueAsString(body))).build());
    }

    @Test
    void a_new_document_is_tried_in_the_draft_then_published_under_the_staff_members_name() throws Exception {
        try (TestServer server = TestServer.start(TestFiles.bundledCorpus(), Config.defaults().withAdminToken(TOKEN))) {
            HttpJson http = server.http();
            assertFalse(http.get("/api/v1/admin/draft", AUTH).json().get("exists").asBoolean());

            HttpJson.Response wrong = put(http, Map.of("name", "prices.md", "text", "---\ntitel: Prices\n---\n# Prices\n\nText.\n", "version", ""));
            assertEquals(422, wrong.status(), wrong.body());
            JsonNode problem = wrong.json().get("problems").get(0);
            assertEquals(2, problem.get("line").asInt(), wrong.body());
            assertTrue(problem.get("file").asText().endsWith("/prices.md"), wrong.body());
            assertFalse(http.get("/api/v1/admin/draft", AUTH).json().get("exists").asBoolean(), "nothing was saved");
            assertEquals(400, put(http, Map.of("name", "../prices.md", "text", PRICES, "version", "")).status());
            // an attacker trial: a lone surrogate, valid JSON but no character, gave a 500 when the draft was written to a file
            HttpJson.Response surrogate = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/admin/draft/file")).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").header(AUTH[0], AUTH[1]).header(AUTH[2], AUTH[3])
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"x.md\",\"text\":\"# T\\n\\nok \\ud800\",\"version\":\"\"}")).build());
            assertEquals(400, surrogate.status(), surrogate.body());
            assertEquals("invalid_text", surrogate.json().get("error").get("code").asText(), surrogate.body());

            HttpJson.Response saved = put(http, Map.of("name", "prices.md", "text", PRICES, "version", ""));
            assertEquals(200, saved.status(), saved.body());
            assertEquals("ADDED", saved.json().get("changes").get(0).get("kind").asText());
            String question = "{\"question\":\"how much does a sixty minute massage cost\"}";
            assertFalse(http.ask("how much does a sixty minute massage cost").body().contains("ninety-five"), "visitors do not see the draft");
            JsonNode tried = http.post("/api/v1/admin/draft/try", question, AUTH).json();
            assertEquals("draft", tried.get("against").asText());
            assertEquals("What a massage costs", tried.at("/explanation/reply/answer/title").asText(), tried.toString());

            HttpJson.Response published = http.post("/api/v1/admin/draft/publish", "{}", AUTH);
            assertTrue(published.json().get("live").asBoolean(), published.body());
            assertTrue(Files.exists(server.corpus.resolve("prices.md")));
            assertEquals("What a massage costs", http.ask("how much does a sixty minute massage cost").json().at("/answer/title").asText());
            assertFalse(http.get("/api/v1/admin/draft", AUTH).json().get("exists").asBoolean());
            JsonNode latest = http.get("/api/v1/admin/history", AUTH).json().get("versions").get(0);
            assertEquals("Dana (console)", latest.get("author").asText(), latest.toString());

            // a draft based on a file someone then saves in an editor is not published over it
            String version = http.get("/api/v1/admin/draft/file?name=prices.md", AUTH).json().get("version").asText();
            assertEquals(200, put(http, Map.of("name", "prices.md", "text", PRICES.replace("ninety-five", "ninety"), "version", version)).status());
            Files.writeString(server.corpus.resolve("prices.md"), PRICES.replace("ninety-five", "a hundred"), StandardCharsets.UTF_8);
            HttpJson.Response refused = http.post("/api/v1/admin/draft/publish", "{}", AUTH);
            assertEquals(409, refused.status(), refused.body());
            assertTrue(refused.json().at("/error/message").asText().contains("prices.md"), refused.body());
            assertTrue(Files.readString(server.corpus.resolve("prices.md")).contains("a hundred"));
            assertTrue(http.post("/api/v1/admin/draft/discard", "{}", AUTH).json().get("discarded").asBoolean());
            // the refused publish is nobody's version: the edits made on disk are not credited to Dana
            Files.writeString(server.corpus.resolve("prices.md"), PRICES.replace("ninety-five", "a hundred and five"), StandardCharsets.UTF_8);
            Await.until(Duration.ofSeconds(20), "the edit on disk is recorded", () -> http.get("/api/v1/admin/history", AUTH).json()
                    .at("/versions/0/author").asText().equals("a file edited on disk")
                    && http.ask("how much does a sixty minute massage cost").body().contains("a hundred and five"));
            long byDana = 0;
            for (JsonNode v : http.get("/api/v1/admin/history", AUTH).json().get("versions")) {
                if (v.get("author").asText().equals("Dana (console)")) byDana++;
            }
            assertEquals(1, byDana, http.get("/api/v1/admin/history", AUTH).body());
            assertEquals(401, http.get("/api/v1/admin/draft").status(), "behind the staff token");
        }
    }

    @Test
    void a_draft_the_chat_could_not_answer_from_is_not_published() throws Exception {
        try (TestServer server = TestServer.start(TestFiles.bundledCorpus(), Config.defaults().withAdminToken(TOKEN))) {
            HttpJson http = server.http();
            String guide = "massage-for-sciatic-pain.md";
            String version = http.get("/api/v1/admin/draft/file?name=" + guide, AUTH).json().get("version").asText();
            HttpJson.Response deleted = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/admin/draft/file?name=" + guide
                    + "&version=" + version)).header(AUTH[0], AUTH[1]).DELETE().build());
            assertEquals(200, deleted.status(), deleted.body());
            HttpJson.Response refused = http.post("/api/v1/admin/draft/publish", "{}", AUTH);
            assertEquals(422, refused.status(), refused.body());
            assertTrue(refused.json().at("/error/message").asText().startsWith("Nothing was published"), refused.body());
            assertTrue(Files.exists(server.corpus.resolve(guide)), "the guide stays in the corpus");
            assertTrue(http.get("/api/v1/admin/draft", AUTH).json().get("exists").asBoolean(), "the draft is kept to fix");
        }
    }

    @Test
    void staff_edit_a_section_try_it_publish_see_the_widget_change_and_restore_it() throws Exception {
        try (TestServer server = TestServer.start(TestFiles.bundledCorpus(), Config.defaults().withAdminToken(TOKEN));
             Browser b = Browser.start()) {
            b.driver.get(server.base + "/admin");
            b.waitFor(d -> d.findElement(By.id("token")).isDisplayed());
            b.driver.findElement(By.id("token")).sendKeys(TOKEN);
            b.driver.findElement(By.id("staff-name")).sendKeys("Robin");
            b.driver.findElement(By.cssSelector("#login-form button")).click();
            WebElement edit = b.waitFor(d -> d.findElement(By.cssSelector("#files button[aria-label='Edit massage-for-sciatic-pain.md']")));
            edit.click();
            WebElement text = b.waitFor(d -> {
                WebElement t = d.findElement(By.id("editor-text"));
                return t.getAttribute("value").contains("### Heat Therapy") ? t : null;
            });
            // the staff member adds a sentence to the Heat Therapy section; the preview follows as they type
            b.js("var t = arguments[0]; t.value = t.value.replace('### Heat Therapy\\n', "
                    + "'### Heat Therapy\\n\\nClients may borrow our lavender bamboo mat for the drive home.\\n'); "
                    + "t.dispatchEvent(new Event('input'));", text);
            // the preview is the widget itself, in the console's frame, drawing each section as an answer
            b.driver.switchTo().frame("preview-frame");
            b.waitFor(d -> String.valueOf(b.js("var c = document.querySelector('sciatica-chat');"
                    + " return c && c.shadowRoot ? c.shadowRoot.querySelector('.log').textContent : ''")).contains("lavender bamboo mat") ? true : null);
            assertTrue(String.valueOf(b.js("return document.querySelector('sciatica-chat').shadowRoot.querySelectorAll('.card h3').length"))
                    .matches("[1-9][0-9]*"), "drawn as answer cards");
            b.driver.switchTo().defaultContent();
            b.driver.findElement(By.id("editor-save")).click();
            b.waitFor(d -> d.findElement(By.id("editor-result")).getText().startsWith("Saved to the draft") ? true : null);

            WebElement against = b.driver.findElement(By.id("try-draft"));
            b.waitFor(d -> against.isEnabled());
            assertTrue(against.isSelected(), "a new draft is what staff try: ticked by itself");
            b.driver.findElement(By.id("question")).sendKeys("do you lend a bamboo mat after heat therapy");
            b.driver.findElement(By.cssSelector("#try-form button")).click();
            // the first question against a draft builds its index: a deadline, not a speed
            new WebDriverWait(b.driver, Duration.ofSeconds(60)).until(d ->
                    d.findElement(By.id("try-reply")).getText().startsWith("With the draft: Answered from “Heat Therapy”"));

            b.js("window.confirm = function () { return true; };"); // staff answer "OK" to "Publish the draft?"
            b.driver.findElement(By.id("publish")).click();
            b.waitFor(d -> d.findElement(By.id("draft-result")).getText().startsWith("Published: visitors now get") ? true : null);
            b.waitFor(d -> d.findElements(By.cssSelector("#history tbody tr")).size() == 2 ? true : null);
            assertEquals("Robin (console)", b.driver.findElements(By.cssSelector("#history tbody tr")).get(0)
                    .findElements(By.tagName("td")).get(1).getText());

            assertTrue(visitorReply(b, server).contains("lavender bamboo mat"), "the visitor's answer carries the edit");

            b.driver.get(server.base + "/admin");
            b.waitFor(d -> d.findElements(By.cssSelector("#history tbody tr")).size() == 2 ? true : null);
            b.js("window.confirm = function () { return true; };"); // staff answer "OK" to "Bring back the corpus ...?"
            b.driver.findElements(By.cssSelector("#history tbody tr")).get(1).findElement(By.xpath(".//button[starts-with(text(),'Restore')]")).click();
            b.waitFor(d -> d.findElements(By.cssSelector("#history tbody tr")).size() == 3 ? true : null);
            assertFalse(visitorReply(b, server).contains("lavender bamboo mat"), "restored: the visitor's answer is as before");
        }
    }

    /** What the widget on the clinic's page answers a visitor who asks about the mat (the whole reply's text). */
    private static String visitorReply(Browser b, TestServer server) {
        b.driver.get(server.base + "/");
        SearchContext w = b.widget();
        b.in(w, ".launcher").click();
        b.waitFor(d -> b.in(w, ".panel").isDisplayed());
        WebElement input = b.in(w, "input");
        input.sendKeys("do you lend a bamboo mat after heat therapy");
        input.sendKeys(Keys.ENTER);
        WebElement reply = b.waitFor(d -> w.findElements(By.cssSelector(".msg.bot[data-status]")).stream().findFirst().orElse(null));
        return reply.getAttribute("textContent");
    }

    @Test
    void a_draft_two_staff_members_changed_is_credited_to_both() throws Exception {
        try (TestServer server = TestServer.start(TestFiles.bundledCorpus(), Config.defaults().withAdminToken(TOKEN))) {
            HttpJson http = server.http();
            assertEquals(200, put(http, Map.of("name", "prices.md", "text", PRICES, "version", "")).status());
            String parking = "# Parking\n\n## Where to park\n\nPark behind the clinic; it is free for clients.\n";
            HttpJson.Response sam = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/admin/draft/file")).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN).header("X-Staff-Name", "Sam")
                    .PUT(HttpRequest.BodyPublishers.ofString(HttpJson.JSON.writeValueAsString(Map.of("name", "parking.md", "text", parking,
                            "version", ""))))
                    .build());
            assertEquals(200, sam.status(), sam.body());
            assertEquals("[\"Dana\",\"Sam\"]", sam.json().get("contributors").toString());
            HttpJson.Response published = http.post("/api/v1/admin/draft/publish", "{}", "Authorization", "Bearer " + TOKEN, "X-Staff-Name", "Sam");
            assertTrue(published.json().get("live").asBoolean(), published.body());
            assertEquals("Dana, Sam (console)", http.get("/api/v1/admin/history", AUTH).json().at("/versions/0/author").asText());
        }
    }
}
