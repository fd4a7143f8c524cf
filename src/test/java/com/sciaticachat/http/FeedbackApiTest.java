package com.sciaticachat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sciaticachat.config.Config;
import com.sciaticachat.support.Browser;
import com.sciaticachat.support.HttpJson;
import com.sciaticachat.support.TestFiles;
import com.sciaticachat.support.TestServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/** Visitors' feedback on answers and the counts behind the console's statistics. */
class FeedbackApiTest {
    private static final String TOKEN = "a-staff-token-for-the-feedback-tests";
    private static final String[] AUTH = {"Authorization", "Bearer " + TOKEN};

    @Test
    void feedback_is_scrubbed_kept_counted_and_a_not_helpful_joins_the_inbox_and_the_counts_survive_a_restart() throws Exception {
        Path corpus, index;
        String causes;
        try (TestServer server = TestServer.start(TestFiles.bundledCorpus(), Config.defaults().withAdminToken(TOKEN))) {
            corpus = server.corpus;
            index = server.index;
            HttpJson http = server.http();
            assertTrue(http.get("/api/v1/info").json().get("feedback").asBoolean(), "offered where staff read it");
            JsonNode answered = http.ask("what causes sciatica").json();
            causes = answered.at("/answer/sectionId").asText();
            http.ask("hello");
            http.ask("how much does parking cost in your lot");

            HttpJson.Response sent = http.post("/api/v1/feedback", "{\"question\":\"what causes sciatica, asks Margaret Ellison\",\"sectionId\":\""
                    + causes + "\",\"helpful\":false,\"comment\":\"ring me on 919 555 0187\"}");
            assertEquals(200, sent.status(), sent.body());
            assertEquals(200, http.post("/api/v1/feedback", "{\"question\":\"what causes sciatica\",\"sectionId\":\"" + causes
                    + "\",\"helpful\":true}").status());
            assertEquals(400, http.post("/api/v1/feedback", "{\"question\":\"x\",\"sectionId\":\"no/such\",\"helpful\":true}").status());
            assertEquals(400, http.post("/api/v1/feedback", "{\"question\":\"x\",\"sectionId\":\"" + causes + "\"}").status());

            JsonNode feedback = http.get("/api/v1/admin/feedback", AUTH).json().get("feedback");
            assertEquals(2, feedback.size());
            JsonNode no = feedback.get(1);
            assertFalse(no.get("helpful").asBoolean());
            String kept = no.get("question").asText() + " | " + no.get("comment").asText();
            assertFalse(kept.contains("Margaret") || kept.contains("Ellison") || kept.contains("555") || kept.contains("0187"),
                    "scrubbed before it is kept: " + no);
            JsonNode inbox = http.get("/api/v1/admin/inbox", AUTH).json();
            assertTrue(inbox.toString().contains("\"status\":\"not_helpful\"") && inbox.toString().contains("what causes sciatica"), "a not-helpful joins the inbox: " + inbox);

            JsonNode stats = http.get("/api/v1/admin/stats?days=7", AUTH).json();
            assertEquals(3, stats.get("questions").asInt(), stats.toString());
            assertEquals(1, stats.at("/statuses/answered").asInt(), stats.toString());
            assertEquals(1, stats.at("/statuses/smalltalk").asInt(), stats.toString());
            // the questions asked without a confident answer say which staff have dealt with since
            JsonNode parking = declinedEntry(stats, "parking");
            assertFalse(parking.get("dealtWith").asBoolean(), stats.toString());
            assertFalse(declinedEntry(stats, "what causes sciatica").get("dealtWith").asBoolean(),
                    "a confident answer a visitor called unhelpful is not dealt with: " + stats);
            String parkingGroup = http.get("/api/v1/admin/inbox", AUTH).json().findValues("groups").get(0).findParents("question").stream()
                    .filter(g -> g.get("question").asText().contains("parking")).findFirst().orElseThrow().get("id").asText();
            assertEquals(200, http.post("/api/v1/admin/inbox/" + parkingGroup + "/done", "{}", AUTH).status());
            assertTrue(declinedEntry(http.get("/api/v1/admin/stats?days=7", AUTH).json(), "parking").get("dealtWith").asBoolean(), "marked done");
            JsonNode rated = stats.get("rated").get(0);
            assertEquals(1, rated.get("helpful").asInt());
            assertEquals(1, rated.get("notHelpful").asInt());
            HttpJson.Response csv = http.get("/api/v1/admin/stats.csv?days=1", AUTH);
            assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
            assertTrue(csv.body().startsWith("date,questions,answered,no_match,urgent,smalltalk,check,helpful,not_helpful\n"
                    + LocalDate.now(ZoneOffset.UTC) + ",3,"), csv.body());
            assertEquals(400, http.get("/api/v1/admin/stats?from=2026-12-31&to=2026-01-01", AUTH).status());
            assertEquals(0, http.get("/api/v1/admin/feedback?from=2026-01-01&to=2026-01-02", AUTH).json().get("feedback").size(),
                    "the feedback table follows the period");

            // a "No" counts when it is clicked; the comment, if the visitor writes one, follows with the vote's key
            JsonNode vote = http.post("/api/v1/feedback", "{\"question\":\"what causes sciatica\",\"sectionId\":\"" + causes
                    + "\",\"helpful\":false}").json();
            String key = vote.get("commentKey").asText();
            assertEquals(2, http.get("/api/v1/admin/stats?days=7", AUTH).json().get("rated").get(0).get("notHelpful").asInt(), "counted at once");
            assertEquals(200, http.post("/api/v1/feedback/comment", "{\"commentKey\":\"" + key + "\",\"comment\":\"nothing on my pregnancy\"}").status());
            assertEquals("nothing on my pregnancy", http.get("/api/v1/admin/feedback", AUTH).json().at("/feedback/0/comment").asText());
            assertEquals(404, http.post("/api/v1/feedback/comment", "{\"commentKey\":\"" + key + "\",\"comment\":\"again\"}").status(),
                    "one comment per vote");
            assertEquals(404, http.post("/api/v1/feedback/comment", "{\"commentKey\":\"made-up\",\"comment\":\"spam\"}").status());
            assertEquals(401, http.get("/api/v1/admin/stats").status(), "behind the staff token");
        }
        try (TestServer again = TestServer.over(corpus, index, Config.defaults().withAdminToken(TOKEN))) {
            assertEquals(3, again.http().get("/api/v1/admin/stats?days=7", AUTH).json().get("questions").asInt(), "kept across a restart");
        }
        try (TestServer off = TestServer.over(corpus, index, Config.defaults())) {
            assertFalse(off.http().get("/api/v1/info").json().get("feedback").asBoolean(), "no console, nobody to read it");
            assertEquals(404, off.http().post("/api/v1/feedback", "{\"question\":\"q\",\"sectionId\":\"" + causes + "\",\"helpful\":true}").status());
        }
    }

    @Test
    void a_visitor_says_an_answer_did_not_help_and_staff_see_it_in_the_console_and_its_charts() throws Exception {
        try (TestServer server = TestServer.start(TestFiles.bundledCorpus(), Config.defaults().withAdminToken(TOKEN));
             Browser b = Browser.start()) {
            b.driver.get(server.base + "/");
            SearchContext w = b.widget();
            b.in(w, ".launcher").click();
            b.waitFor(d -> b.in(w, ".panel").isDisplayed());
            WebElement input = b.in(w, "#sc-input");
            input.sendKeys("what causes sciatica");
            input.sendKeys(Keys.ENTER);
            WebElement no = b.waitFor(d -> w.findElements(By.cssSelector(".feedback .chip")).stream()
                    .filter(c -> c.getText().equals("No")).findFirst().orElse(null));
            assertEquals("false", no.getAttribute("aria-pressed"));
            no.sendKeys(Keys.ENTER); // keyboard-usable
            assertEquals("true", no.getAttribute("aria-pressed"));
            WebElement note = b.in(w, ".feedback input");
            b.waitFor(d -> note.equals(d.switchTo().activeElement()) || note.equals(b.js(
                    "return document.querySelector('sciatica-chat').shadowRoot.activeElement")) ? true : null);
            note.sendKeys("I wanted to know about pregnancy");
            note.sendKeys(Keys.ENTER);
            WebElement status = b.in(w, ".feedback [role=status]");
            b.waitFor(d -> status.getText().startsWith("Thank you") ? true : null);

            b.driver.get(server.base + "/admin");
            b.waitFor(d -> d.findElement(By.id("token")).isDisplayed());
            b.driver.findElement(By.id("token")).sendKeys(TOKEN);
            b.js("var n = document.getElementById('staff-name'); n.value = n.value || 'Sam';"); // the name staff give at sign-in
            b.driver.findElement(By.cssSelector("#login-form button")).click();
            b.waitFor(d -> d.findElements(By.cssSelector("#feedback tbody tr")).size() == 1 ? true : null);
            String row = b.driver.findElement(By.cssSelector("#feedback tbody tr")).getText();
            assertTrue(row.contains("No") && row.contains("Causes") && row.contains("I wanted to know about pregnancy"), row);
            String helpful = b.driver.findElement(By.cssSelector("#chart-helpful svg")).getAttribute("aria-label");
            assertTrue(helpful.contains("Causes 0% of 1 vote"), helpful);
            String asked = b.driver.findElement(By.cssSelector("#chart-sections svg")).getAttribute("aria-label");
            assertTrue(asked.contains("Causes 1"), asked);
        }
    }

    private static JsonNode declinedEntry(JsonNode stats, String words) {
        for (JsonNode d : stats.get("declined")) if (d.get("question").asText().contains(words)) return d;
        throw new AssertionError("no \"" + words + "\" among " + stats.get("declined"));
    }
}
