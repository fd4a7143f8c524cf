package com.sciaticachat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sciaticachat.config.Config;
import com.sciaticachat.store.Database;
import com.sciaticachat.support.Await;
import com.sciaticachat.support.HttpJson;
import com.sciaticachat.support.Postgres;
import com.sciaticachat.support.TestFiles;
import com.sciaticachat.support.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The database goes away under a running service: visitors still get answers, what needs the store says 503, and it recovers. */
class StoreOutageTest {
    private static final String TOKEN = "a-staff-token-for-the-outage-test";
    private static final String[] AUTH = {"Authorization", "Bearer " + TOKEN};

    @Test
    void visitors_keep_their_answers_while_the_database_is_down_and_the_store_comes_back_with_it() throws Exception {
        try (Postgres pg = Postgres.start();
             TestServer server = TestServer.start(TestFiles.bundledCorpus(), Config.defaults().withAdminToken(TOKEN)
                     .withDatabase(Database.Settings.parse(pg.url(), null, null)))) {
            HttpJson http = server.http();
            JsonNode answered = http.ask("what causes sciatica").json();
            String section = answered.at("/answer/sectionId").asText();
            http.ask("can i bring my dog to the session");
            assertEquals(1, http.get("/api/v1/admin/inbox", AUTH).json().get("groups").size());

            pg.crash();
            HttpJson.Response asked = http.ask("what causes sciatica");
            assertEquals(200, asked.status(), "answers need no database: " + asked.body());
            assertTrue(asked.json().has("answer"), asked.body());
            assertEquals(200, http.ask("do you sell gift vouchers for my mum").status(), "an unanswered question is answered, its record is lost");
            HttpJson.Response feedback = http.post("/api/v1/feedback", "{\"question\":\"what causes sciatica\",\"sectionId\":\"" + section
                    + "\",\"helpful\":true}");
            assertEquals(503, feedback.status(), feedback.body());
            assertEquals("store_unavailable", feedback.json().at("/error/code").asText());
            assertEquals(200, http.get("/api/v1/admin/inbox", AUTH).status(), "the console shows what it read before");
            assertEquals("ok", http.get("/health").json().get("status").asText(), "answers go on");
            assertEquals("unreachable", http.get("/health").json().get("store").asText(), "said to operators");

            pg.restart();
            Await.until(Duration.ofSeconds(30), "the store is back", () -> http.post("/api/v1/feedback",
                    "{\"question\":\"what causes sciatica\",\"sectionId\":\"" + section + "\",\"helpful\":true}").status() == 200);
            // back means back: an outage was said as unreachable while it lasted, not as failing for a minute after
            assertEquals("ok", http.get("/health").json().get("store").asText());
            JsonNode stats = http.get("/api/v1/admin/stats?days=1", AUTH).json();
            int counted = stats.get("questions").asInt();
            assertTrue(counted >= 4, "the counts made while it was down were kept and added once it came back: " + counted);
            // a vote refused while the store was away was not counted: the one kept is counted once (an operator trial saw a
            // refused vote counted, so a retry counted twice)
            int helpful = 0;
            for (JsonNode s : stats.get("rated")) helpful += s.get("helpful").asInt();
            assertEquals(1, helpful, stats.toString());
        }
    }
}
