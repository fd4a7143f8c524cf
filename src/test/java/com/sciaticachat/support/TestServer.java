package com.sciaticachat.support;

import com.sciaticachat.Application;
import com.sciaticachat.config.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * The real service on a free port, over a copy of a corpus and a fresh index in a temporary folder.
 * Servers over the bundled corpus are shared by the test classes of one run (starting one costs the
 * model load); tests that change a corpus start their own.
 */
public final class TestServer implements AutoCloseable {
    private static final Map<String, TestServer> SHARED = new ConcurrentHashMap<>();

    public final Application app;
    public final Path corpus;
    public final Path index;
    public final String base;

    private TestServer(Config config, Path corpus, Path index) throws Exception {
        this.app = Application.open(config.withDirs(corpus, index).withPort(0));
        this.corpus = corpus;
        this.index = index;
        this.base = "http://localhost:" + app.serve();
    }

    /**
     * A server over a copy of {@code source} (a corpus folder) with the given settings. A fixture without
     * safety files gets the clinic's: the service does not go live without safety rules.
     */
    public static TestServer start(Path source, Config config) throws Exception {
        Path root = TestFiles.temporaryFolder("sciatica-test");
        Path corpus = root.resolve("corpus");
        TestFiles.copyTree(source, corpus);
        TestFiles.addClinicSafetyFiles(corpus);
        return new TestServer(config, corpus, root.resolve("index"));
    }

    /** A server over an existing corpus folder and index folder (to restart on the same state). */
    public static TestServer over(Path corpus, Path index, Config config) throws Exception {
        return new TestServer(config, corpus, index);
    }

    /** The shared server over the bundled corpus (allowing one extra origin for cross-site tests). */
    public static TestServer bundled() {
        return SHARED.computeIfAbsent("bundled", k -> {
            try {
                TestServer s = start(TestFiles.bundledCorpus(), Config.defaults()
                        .withAllowedOrigins(List.of("https://clinic.example", TestHostPage.shared().origin()))
                        .withContact("(919) 555-0142"));
                Runtime.getRuntime().addShutdownHook(new Thread(s::closeQuietly));
                return s;
            } catch (Exception e) {
                throw new IllegalStateException("could not start the test server", e);
            }
        });
    }

    public HttpJson http() {
        return new HttpJson(base);
    }

    void closeQuietly() {
        try {
            close();
        } catch (Exception ignored) {
            // the JVM is exiting
        }
    }

    @Override
    public void close() throws IOException {
        app.close();
    }

}
