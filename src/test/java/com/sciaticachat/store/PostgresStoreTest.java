package com.sciaticachat.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.inbox.UnansweredInbox;
import com.sciaticachat.stats.FeedbackLog;
import com.sciaticachat.stats.VisitorStatistics;
import com.sciaticachat.support.Postgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same store on a real PostgreSQL server: the schema migrates, and two replicas (two pools) share what it keeps. */
class PostgresStoreTest {
    private static Postgres pg;
    private static Database a, b;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        pg = Postgres.start();
        a = Database.open(Database.Settings.parse(pg.url(), null, null), dir.resolve("unused"));
        b = Database.open(Database.Settings.parse("jdbc:postgresql://127.0.0.1:" + pg.port + "/chat", "postgres", null), dir.resolve("unused"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (a != null) a.close();
        if (b != null) b.close();
        if (pg != null) pg.close();
    }

    @Test
    void the_inbox_feedback_and_statistics_are_shared_by_two_replicas() {
        assertTrue(a.shared() && b.shared());
        try (UnansweredInbox inA = new UnansweredInbox(new InboxStore(a), 100, 0); UnansweredInbox inB = new UnansweredInbox(new InboxStore(b), 100, 0)) {
            inA.record("how much does a massage cost", Set.of("cost", "massag"), "no_match", null);
            assertEquals("how much does a massage cost", inB.groups().get(0).question());
        }
        new FeedbackLog(new FeedbackStore(a), 10).add("what causes sciatica", "guide/causes", false, "too long");
        assertEquals("too long", new FeedbackLog(new FeedbackStore(b), 10).newest(1).get(0).comment());
        try (VisitorStatistics sa = new VisitorStatistics(new StatisticsStore(a), Clock.systemUTC());
             VisitorStatistics sb = new VisitorStatistics(new StatisticsStore(b), Clock.systemUTC())) {
            sa.asked("answered", "guide/causes");
            sb.asked("answered", "guide/causes");
            sa.flush();
            sb.flush();
            LocalDate today = LocalDate.now(Clock.systemUTC());
            assertEquals(2, sb.report(today, today).sections().get(0).asked());
        }
    }

    @Test
    void the_corpus_is_published_by_one_replica_and_read_by_the_other() {
        CorpusStore ca = new CorpusStore(a), cb = new CorpusStore(b);
        byte[] guide = "# Guide\n\n## Heat\n\nWarm packs help.\n".getBytes(StandardCharsets.UTF_8);
        long v1 = ca.publish("f1", "Maria (console)", Map.of("guide.md", guide));
        assertEquals(v1, cb.publish("f1", "a file edited on disk", Map.of("guide.md", guide)), "the same change twice is one version");
        CorpusStore.Version read = cb.read();
        assertEquals(v1, read.id());
        assertEquals("Maria (console)", read.author());
        assertArrayEquals(guide, read.files().get("guide.md"));
        long v2 = cb.publish("f2", "Sam (console)", Map.of("other.md", guide));
        assertTrue(v2 > v1);
        assertNull(ca.read().files().get("guide.md"), "a version is the whole folder: files it lacks are gone");
    }

    @Test
    void a_database_url_that_is_not_postgresql_or_cannot_be_reached_is_said_plainly() {
        assertThrows(IllegalArgumentException.class, () -> Database.Settings.parse("mysql://db/chat", null, null));
        StoreException e = assertThrows(StoreException.class,
                () -> Database.open(Database.Settings.parse("postgresql://postgres:secret@127.0.0.1:1/chat", null, null), Path.of("unused")));
        assertTrue(e.getMessage().contains("could not be reached"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret"), "no password in messages: " + e.getMessage());
        assertEquals(List.of("postgres", "s3cr:t"), List.of(Database.Settings.parse("postgres://postgres:s3cr%3At@db:5432/chat?sslmode=require", null, null).user(),
                Database.Settings.parse("postgres://postgres:s3cr%3At@db:5432/chat?sslmode=require", null, null).password()));
        assertEquals("jdbc:postgresql://db:5432/chat?sslmode=require", Database.Settings.parse("postgres://u:p@db:5432/chat?sslmode=require", null, null).url());
    }
}
