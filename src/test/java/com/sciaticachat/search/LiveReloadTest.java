package com.sciaticachat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sciaticachat.Application;
import com.sciaticachat.config.Config;
import com.sciaticachat.support.Await;
import com.sciaticachat.support.HttpJson;
import com.sciaticachat.support.TestFiles;
import com.sciaticachat.support.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Staff edit the corpus while the service runs: changes go live, mistakes never do. */
class LiveReloadTest {
    /** Generous: a deadline to await, not a speed to assert (the README says seconds, up to ten on a busy machine). */
    static final Duration LIVE_WITHIN = Duration.ofSeconds(20);

    private static final String BOOKING = """
            ---
            title: Booking
            source: Raleigh Massage
            ---

            # Booking

            ## Booking an Appointment

            <!-- questions
            - How do I book an appointment?
            - Can I book a massage online?
            -->

            To book an appointment, call the front desk or use the booking form on our website.
            """;

    private TestServer server;
    private HttpJson http;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(TestFiles.bundledCorpus(), Config.defaults());
        http = server.http();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private JsonNode ask(String q) {
        return http.ask(q).json();
    }

    private JsonNode health() {
        return http.get("/health").json();
    }

    @Test
    void a_file_added_changed_and_deleted_changes_the_answer_while_the_server_runs() throws Exception {
        // the training questions shipped with the chat file this question as not covered, and so it is declined; the new
        // file lists it as its section's own alternate: the clinic's new content wins, and the filing is set aside
        assertEquals("no_match", ask("how do I book an appointment?").get("status").asText());
        assertEquals("", server.app.index().withSnapshot(s -> s.filed().sectionFor("how do I book an appointment?")));
        Path booking = server.corpus.resolve("booking.md");

        Files.writeString(booking, BOOKING);
        Await.until(LIVE_WITHIN, "the new file answers", () ->
                ask("how do I book an appointment?").path("answer").path("sectionId").asText().equals("booking/booking-an-appointment"));
        assertEquals("booking/booking-an-appointment", server.app.index().withSnapshot(s -> s.filed().sectionFor("how do I book an appointment?")),
                () -> health().toString());
        // the shipped training question set aside needs nothing from staff; the clinic's topic line the page now answers is reported
        var warnings = health().get("corpusWarnings");
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).toString().contains("out-of-scope.txt") && warnings.get(0).toString().contains("booking, changing or cancelling"),
                warnings::toString);

        Files.writeString(booking, BOOKING.replace("call the front desk", "call us on (919) 555-0142"));
        Await.until(LIVE_WITHIN, "the edited text is served", () ->
                ask("how do I book an appointment?").path("answer").path("text").asText().contains("(919) 555-0142"));

        Files.delete(booking);
        Await.until(LIVE_WITHIN, "the deleted file no longer answers", () ->
                ask("how do I book an appointment?").get("status").asText().equals("no_match"));
        assertEquals("ok", health().get("status").asText());
    }

    @Test
    void a_new_document_keeps_what_it_answers_once_staff_file_questions_under_it() throws Exception {
        // the shipped training questions file "how much is a massage" as not covered; a prices document answers it by
        // meaning, and goes on answering it after staff file a question of their own under that document
        assertEquals("no_match", ask("how much is a massage").get("status").asText());
        Files.writeString(server.corpus.resolve("prices-and-hours.md"), "# Prices and Hours\n\nOur prices and opening hours.\n\n"
                + "## Prices\n\nA 60-minute massage costs $90 and a 90-minute massage costs $125.\n\n"
                + "## Saturday Hours\n\nOn Saturdays we are open from 8 am to 2 pm.\n");
        String prices = "prices-and-hours/prices";
        Await.until(LIVE_WITHIN, "the new document answers", () -> ask("how much is a massage").path("answer").path("sectionId").asText().equals(prices));
        // a session's length in the visitor's words, not the list's: the learnt last look, fitted on the sciatica guide's
        // questions only, does not overrule the chat's own reading of a section nobody filed questions for
        for (String q : List.of("how much is an hour massage", "whats the price for an hour and a half")) {
            assertEquals(prices, ask(q).path("answer").path("sectionId").asText(), q);
        }
        Path file = server.corpus.resolve("visitor-questions.txt");
        Files.writeString(file, Files.readString(file) + "\n[Saturday Hours]\ncan i come in on a saturday\n");
        Await.until(LIVE_WITHIN, "the filing is live", () -> "prices-and-hours/saturday-hours".equals(
                server.app.index().withSnapshot(sn -> sn.filed().sectionFor("can i come in on a saturday"))));
        assertEquals(prices, ask("how much is a massage").path("answer").path("sectionId").asText(), () -> health().toString());
    }

    @Test
    void a_visitor_question_filed_while_the_server_runs_answers_it_and_its_rewordings() throws Exception {
        String asked = "do all customers end up the same", reworded = "are the outcomes the same for all clients";
        String expect = "massage-for-sciatic-pain/what-to-expect-from-massage";
        assertEquals("no_match", ask(asked).get("status").asText());
        assertNotEquals(expect, ask(reworded).path("answer").path("sectionId").asText());
        Path file = server.corpus.resolve("visitor-questions.txt");
        String before = Files.readString(file);

        Files.writeString(file, before + "\n[What to Expect from Massage]\n" + asked + "\n");
        for (String q : List.of(asked, reworded)) {
            Await.until(LIVE_WITHIN, "the filed question answers " + q, () ->
                    ask(q).path("answer").path("sectionId").asText().equals(expect));
        }
        assertFalse(ask(asked).path("answer").path("text").asText().contains(asked), "a filed question is never shown");

        Files.writeString(file, before);
        Await.until(LIVE_WITHIN, "taking it out again declines it again", () -> ask(asked).get("status").asText().equals("no_match"));
        assertEquals("ok", health().get("status").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed front matter|broken.md|2|---\\ntitle T\\n---\\n# T\\n\\n## A\\n\\nText.\\n",
            "not UTF-8|broken.md|5|LATIN1:# T\\n\\n## A\\n\\nCaf\u00e9.\\n",
            "no title|broken.md|1|'## A\\n\\nText.\\n'",
            "heading with no text|broken.md|3|# T\\n\\n## Empty\\n\\n## B\\n\\nText.\\n",
            "two sections with one id|broken.md|7|# T\\n\\n## Same\\n\\nOne.\\n\\n## Same\\n\\nTwo.\\n",
            "unreadable file|broken.md|0|LINK",
            "visitor question with no heading above it|visitor-questions.txt|2|# filed today\\nwhat helps\\n"})
    void a_mistake_keeps_the_last_good_index_serving_and_names_file_and_line(String kind, String file, int line, String content)
            throws Exception {
        content = content.replace("\\n", "\n");
        Path target = server.corpus.resolve(file);
        if (content.equals("LINK")) {
            Files.createSymbolicLink(target, server.corpus.resolve("no-such-file.md"));
        } else if (content.startsWith("LATIN1:")) {
            Files.write(target, content.substring(7).getBytes(StandardCharsets.ISO_8859_1));
        } else {
            Files.writeString(target, content);
        }
        Await.until(LIVE_WITHIN, "health reports the mistake", () -> health().get("status").asText().equals("degraded"));
        JsonNode error = health().get("corpusErrors").get(0);
        assertEquals("corpus/" + file, error.get("file").asText());
        assertEquals(line, error.get("line").asInt(), error.toString());
        assertFalse(error.get("message").asText().isBlank());
        assertEquals("massage-for-sciatic-pain/causes", ask("what causes sciatica?").path("answer").path("sectionId").asText(),
                "the last good index keeps answering");

        Files.delete(target);
        Await.until(LIVE_WITHIN, "fixing the file clears the mistake", () -> health().get("status").asText().equals("ok"));
        assertEquals(0, health().get("corpusErrors").size());
    }

    @Test
    void a_broken_file_keeps_its_last_good_version_while_a_new_file_goes_live_beside_it() throws Exception {
        Path guide = server.corpus.resolve("massage-for-sciatic-pain.md");
        String good = Files.readString(guide);
        Files.writeString(guide, good + "\n## Saturday Hours\n");
        Files.writeString(server.corpus.resolve("hours.md"), "# Opening Hours\n\n## Saturday\n\nWe are open on Saturday mornings from 9 to 1.\n");
        // the watcher may first catch the guide half-saved (valid, only shorter); what counts is where it settles
        Await.until(LIVE_WITHIN, "the new file is live beside the broken one",
                () -> server.app.index().status().documents() == 2 && health().get("status").asText().equals("degraded"));
        JsonNode h = health();
        assertEquals("degraded", h.get("status").asText(), h.toString());
        assertEquals(1, h.get("corpusErrors").size(), "one mistake, in its own file, once: " + h);
        assertEquals("corpus/massage-for-sciatic-pain.md", h.get("corpusErrors").get(0).get("file").asText());
        assertEquals("massage-for-sciatic-pain/causes", ask("what causes sciatica?").path("answer").path("sectionId").asText(),
                "the broken guide serves its last good version");
        Boolean live = server.app.index().withSnapshot(s -> s.catalog().section("hours/saturday") != null);
        assertTrue(live, "the new document is served");

        Files.writeString(guide, good);
        Await.until(LIVE_WITHIN, "fixing the guide clears the mistake", () -> health().get("status").asText().equals("ok"));
        assertEquals(2, server.app.index().status().documents());
    }

    @Test
    void rules_that_would_alarm_on_everyday_words_are_refused_and_the_last_good_ones_keep_serving() throws Exception {
        Path safety = server.corpus.resolve("safety.yml");
        String good = Files.readString(safety);
        Files.writeString(safety, good.replace("      - cauda equina\n", "      - cauda equina\n      - sciatica\n      - massage\n"));
        Await.until(LIVE_WITHIN, "the broken rules are refused", () -> health().get("status").asText().equals("degraded"));
        String messages = health().get("corpusErrors").toString();
        assertTrue(messages.contains("with these rules") && messages.contains("refused"), messages);
        assertEquals("answered", ask("what causes sciatica?").path("status").asText(), "the old rules keep serving");
        assertEquals("emergency", ask("I wet myself this morning").path("urgent").path("level").asText(),
                "the old rules keep protecting visitors");
        Files.writeString(safety, good);
        Await.until(LIVE_WITHIN, "restoring the rules clears it", () -> health().get("status").asText().equals("ok"));
    }

    /** Each a full rebuild and swap while four threads ask (about 2 s each on the 2-core CI machine under that load). */
    private static final int RELOADS = 20;

    @Test
    void questions_from_several_threads_through_twenty_reloads_all_get_answers() throws Exception {
        Path doc = server.corpus.resolve("massage-for-sciatic-pain.md");
        String a = Files.readString(doc);
        String b = a.replace("Heat can help to relax tight muscles.", "Heat can help to relax tight, sore muscles.");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> askers = new ArrayList<>();
        String[] questions = {"what causes sciatica?", "does heat help before a massage?", "what is deep tissue massage", "foam rolling"};
        for (String q : questions) {
            askers.add(pool.submit(() -> {
                while (running.get()) {
                    try {
                        HttpJson.Response r = http.ask(q);
                        JsonNode j = r.json();
                        if (r.status() != 200 || !j.get("status").asText().equals("answered") || j.path("answer").path("text").asText().isBlank()) {
                            failures.add(q + " -> " + r.status() + " " + r.body());
                        } else {
                            answered.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failures.add(q + " -> " + e);
                    }
                }
            }));
        }
        // each write must end up served, whether this loop's reload or the corpus watcher's rebuilt it
        // (which of the two wins a given write is timing, so only the served version is checked)
        List<String> served = new ArrayList<>();
        for (int i = 0; i < RELOADS; i++) {
            Files.writeString(doc, i % 2 == 0 ? b : a);
            server.app.index().reload();
            served.add(server.app.index().status().fingerprint());
            assertEquals(server.app.index().fingerprintOnDisk(server.corpus), served.get(i), "write " + i + " is served");
        }
        running.set(false);
        for (Future<?> f : askers) f.get();
        pool.shutdown();
        assertTrue(failures.isEmpty(), failures.size() + " failed answers: " + failures.stream().map(f -> f.substring(0, Math.min(60, f.length())))
                .distinct().toList());
        assertTrue(answered.get() >= 50, "answered " + answered.get());
        for (int i = 1; i < served.size(); i++) {
            assertNotEquals(served.get(i - 1), served.get(i), "write " + i + " was rebuilt and swapped in");
        }
    }

    @Test
    void starting_with_a_broken_file_serves_the_rest_and_broken_safety_rules_give_way_to_the_chats_own(@TempDir Path tmp)
            throws Exception {
        Path corpus = server.corpus, index = server.index;
        server.close();
        Files.writeString(corpus.resolve("broken.md"), "# T\n\n## Empty\n\n## B\n\nText.\n");
        try (TestServer again = TestServer.over(corpus, index, Config.defaults())) {
            // the last index serves at once; the file added while the service was stopped is read by the watcher's first look
            Await.until(Duration.ofSeconds(90), "the broken file read and reported",
                    () -> again.http().get("/health").json().get("status").asText().equals("degraded"));
            JsonNode h = again.http().get("/health").json();
            assertEquals("corpus/broken.md", h.get("corpusErrors").get(0).get("file").asText());
            assertEquals("answered", again.http().ask("what causes sciatica?").json().get("status").asText());
        }
        try (Application fresh = Application.open(Config.defaults().withDirs(corpus, tmp.resolve("fresh-index")))) {
            LiveIndex.Status s = fresh.index().status();
            assertEquals(List.of("corpus/broken.md:3"), s.corpusErrors().stream().map(e -> e.file() + ":" + e.line()).toList(),
                    "with no earlier index, the broken file stays out and the rest is served");
            assertEquals(1, s.documents());
        }
        // broken rules and no earlier index (a newer jar on an old corpus volume, say): the chat's own rules serve, never none,
        // and the mistake says so
        Files.writeString(corpus.resolve("safety.yml"), "emergency: [not closed\n");
        try (Application fresh = Application.open(Config.defaults().withDirs(corpus, tmp.resolve("empty-index")))) {
            LiveIndex.Status s = fresh.index().status();
            assertTrue(s.degraded());
            com.sciaticachat.corpus.CorpusError rules = s.corpusErrors().stream().filter(x -> x.file().equals("corpus/safety.yml")).findFirst().orElseThrow();
            assertTrue(rules.message().endsWith(com.sciaticachat.index.CorpusReader.SHIPPED_MEANWHILE), rules.message());
            assertEquals("urgent", fresh.chat().ask("I can't control my bladder and my groin is numb").status().value());
        }
        server = TestServer.start(TestFiles.bundledCorpus(), Config.defaults());
    }
}
