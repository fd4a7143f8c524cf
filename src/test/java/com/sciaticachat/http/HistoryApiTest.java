package com.sciaticachat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sciaticachat.config.Config;
import com.sciaticachat.support.Await;
import com.sciaticachat.support.HttpJson;
import com.sciaticachat.support.TestFiles;
import com.sciaticachat.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The corpus's history through the console's API: every published change a version, its changes, one-click restore. */
class HistoryApiTest {
    private static final String TOKEN = "a-staff-token-for-the-history-tests";

    @Test
    void a_file_edit_becomes_a_version_its_changes_show_and_restoring_the_first_version_takes_it_back() throws Exception {
        try (TestServer server = TestServer.start(TestFiles.bundledCorpus(), Config.defaults().withAdminToken(TOKEN))) {
            HttpJson http = server.http();
            String[] auth = {"Authorization", "Bearer " + TOKEN};
            JsonNode start = http.get("/api/v1/admin/history", auth).json().get("versions");
            assertEquals(1, start.size(), start.toString());
            String first = start.get(0).get("id").asText();

            Path parking = server.corpus.resolve("parking.md");
            Files.writeString(parking, "# Parking\n\n## Where to park\n\nPark in the lot behind the clinic; it is free for clients.\n",
                    StandardCharsets.UTF_8);
            Await.until(Duration.ofSeconds(30), "the edit is recorded as a version",
                    () -> http.get("/api/v1/admin/history", auth).json().get("versions").size() == 2);
            JsonNode edited = http.get("/api/v1/admin/history", auth).json().get("versions").get(0);
            assertEquals("a file edited on disk", edited.get("author").asText());
            assertTrue(edited.get("summary").asText().contains("parking.md"), edited.toString());
            String changes = http.get("/api/v1/admin/history/" + edited.get("id").asText() + "/changes", auth).json().get("changes").asText();
            assertTrue(changes.contains("+Park in the lot behind the clinic"), changes);

            HttpJson.Response restored = http.post("/api/v1/admin/history/" + first + "/restore", "{}", auth);
            assertEquals(200, restored.status(), restored.body());
            assertTrue(restored.json().get("live").asBoolean(), restored.body());
            assertFalse(Files.exists(parking), "the first version had no parking page");
            JsonNode after = http.get("/api/v1/admin/history", auth).json().get("versions");
            assertEquals(3, after.size(), after.toString());
            assertEquals("staff (console)", after.get(0).get("author").asText(), after.toString());
            assertTrue(after.get(0).get("summary").asText().startsWith("restored the version of"), after.toString());

            // the same, as staff see it in the console
            try (com.sciaticachat.support.Browser b = com.sciaticachat.support.Browser.start()) {
                b.driver.get(server.base + "/admin");
                b.waitFor(d -> d.findElement(org.openqa.selenium.By.id("token")).isDisplayed());
                b.driver.findElement(org.openqa.selenium.By.id("token")).sendKeys(TOKEN);
                b.js("var n = document.getElementById('staff-name'); n.value = n.value || 'Sam';"); // the name staff give at sign-in
                b.driver.findElement(org.openqa.selenium.By.cssSelector("#login-form button")).click();
                b.waitFor(d -> d.findElements(org.openqa.selenium.By.cssSelector("#history tbody tr")).size() == 3 ? true : null);
                b.driver.findElements(org.openqa.selenium.By.cssSelector("#history tbody tr")).get(1)
                        .findElement(org.openqa.selenium.By.xpath(".//button[text()='Changes']")).click();
                org.openqa.selenium.WebElement shown = b.driver.findElement(org.openqa.selenium.By.id("history-changes"));
                b.waitFor(d -> shown.getText().contains("Park in the lot") ? true : null);
                // Restore brings back every file, not only that row's change: the question says which files it touches
                b.js("window.asked = null; window.confirm = function (m) { window.asked = m; return false; };");
                b.driver.findElements(org.openqa.selenium.By.cssSelector("#history tbody tr")).get(1)
                        .findElement(org.openqa.selenium.By.xpath(".//button[text()='Restore']")).click();
                String asked = (String) b.waitFor(d -> b.js("return window.asked;"));
                assertTrue(asked.contains("parking.md: comes back"), asked);
                assertTrue(asked.contains("not only this row"), asked);
                // any two versions: the first against the newest (restored to it: the same files)
                assertEquals(after.get(1).get("id").asText(), b.driver.findElement(org.openqa.selenium.By.id("compare-to")).getAttribute("value"),
                        "the menus name the version whose changes are shown");
                new org.openqa.selenium.support.ui.Select(b.driver.findElement(org.openqa.selenium.By.id("compare-from"))).selectByValue(first);
                new org.openqa.selenium.support.ui.Select(b.driver.findElement(org.openqa.selenium.By.id("compare-to")))
                        .selectByValue(after.get(0).get("id").asText());
                b.driver.findElement(org.openqa.selenium.By.cssSelector("#compare button")).click();
                b.waitFor(d -> shown.getText().equals("(the two versions have the same files)") ? true : null);
            }

            assertEquals(404, http.post("/api/v1/admin/history/0123456789abcdef/restore", "{}", auth).status());
            assertEquals(401, http.get("/api/v1/admin/history").status(), "behind the staff token");
        }
    }

    @Test
    void restoring_a_version_from_before_a_console_filing_does_not_report_the_filing_as_lost() throws Exception {
        try (TestServer server = TestServer.start(TestFiles.bundledCorpus(), Config.defaults().withAdminToken(TOKEN))) {
            HttpJson http = server.http();
            String[] auth = {"Authorization", "Bearer " + TOKEN};
            String first = http.get("/api/v1/admin/history", auth).json().get("versions").get(0).get("id").asText();
            http.ask("can i keep my socks on during the massage");
            String group = http.get("/api/v1/admin/inbox", auth).json().get("groups").get(0).get("id").asText();
            JsonNode filed = http.post("/api/v1/admin/inbox/" + group + "/file",
                    "{\"section\":\"massage-for-sciatic-pain/what-to-expect-from-massage\"}", auth).json();
            assertTrue(filed.get("live").asBoolean(), filed.toString());
            Await.until(Duration.ofSeconds(30), "the filing is a version",
                    () -> http.get("/api/v1/admin/history", auth).json().get("versions").size() == 2);

            assertEquals(200, http.post("/api/v1/admin/history/" + first + "/restore", "{}", auth).status());
            assertFalse(Files.readString(server.corpus.resolve("visitor-questions.txt")).contains("keep my socks on"), "restored");
            String warnings = http.get("/api/v1/admin/status", auth).json().get("corpusWarnings").toString();
            assertFalse(warnings.contains("is no longer in this file"), "a restore is on purpose, not a lost filing: " + warnings);
        }
    }
}
