package com.sciaticachat.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.Application;
import com.sciaticachat.config.Config;
import com.sciaticachat.embed.BackgroundEmbedder;
import com.sciaticachat.embed.Embedder;
import com.sciaticachat.index.IndexBuilder;
import com.sciaticachat.support.TestFiles;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart after a rebuild that could not finish serves the last commit, says why, and tidies up. */
class RestartTest {

    /** Fails the way a full disk does, once the build has started writing. */
    private static final class FullDisk implements Embedder {
        private final Embedder real = BackgroundEmbedder.miniLm();

        @Override
        public float[] embed(String text) {
            throw new UncheckedIOException(new java.io.IOException("No space left on device"));
        }

        @Override
        public int dimension() {
            return real.dimension();
        }

        @Override
        public String modelId() {
            return real.modelId();
        }
    }

    @Test
    void a_restart_on_a_corpus_changed_meanwhile_answers_from_the_last_index_at_once_then_goes_live_with_the_change() throws Exception {
        // an attacker trial killed a rebuild and restarted: visitors' questions waited 19 to 26 s for the rebuild to end
        Path corpus, index;
        int sections;
        try (com.sciaticachat.support.TestServer first = com.sciaticachat.support.TestServer.start(TestFiles.bundledCorpus(), Config.defaults())) {
            sections = first.app.index().status().sections();
            corpus = first.corpus;
            index = first.index;
        }
        Files.writeString(corpus.resolve("parking.md"), "# Parking\n\n## Where to park\n\nPark behind the clinic on Oak Street.\n");
        try (com.sciaticachat.support.TestServer again = com.sciaticachat.support.TestServer.over(corpus, index, Config.defaults())) {
            assertTrue(again.app.index().stale() || again.app.index().status().sections() > sections, "opened without building first");
            assertEquals("answered", again.http().ask("what causes sciatica?").json().get("status").asText());
            com.sciaticachat.support.Await.until(java.time.Duration.ofSeconds(90), "the change read and live",
                    () -> again.app.index().status().sections() > sections);
            assertFalse(again.app.index().stale());
        }
    }

    @Test
    void a_restart_after_a_failed_rebuild_serves_the_last_commit_degraded_and_removes_partial_files(@TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("corpus"), index = tmp.resolve("index");
        TestFiles.copyTree(TestFiles.bundledCorpus(), corpus);
        TestFiles.addClinicSafetyFiles(corpus);
        Config config = Config.defaults().withDirs(corpus, index);
        int sections;
        try (Application first = Application.open(config)) {
            sections = first.index().status().sections();
        }
        Files.writeString(corpus.resolve("parking.md"), "# Parking\n\n## Where to park\n\nPark behind the clinic on Oak Street.\n");
        Path leftover = index.resolve("_zz9.cfs");
        Files.writeString(leftover, "half-written segment of a build that was killed");

        Embedder real = BackgroundEmbedder.miniLm();
        try (LiveIndex live = LiveIndex.open(corpus, index, Application.corpusReader(config, real), new IndexBuilder(new FullDisk()),
                real.modelId())) {
            LiveIndex.Status s = live.status();
            assertTrue(s.degraded(), "the failed build is reported");
            assertTrue(s.corpusErrors().get(0).message().contains("No space left on device"), s.corpusErrors().toString());
            assertEquals(sections, s.sections(), "the last commit is served whole");
            assertEquals(1, live.failedReloads(), "counted where operators alert on failed reloads, as on the live path");
        }
        assertFalse(Files.exists(leftover), "files no commit refers to are removed");
    }
}
