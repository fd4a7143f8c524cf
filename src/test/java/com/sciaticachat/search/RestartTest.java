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
