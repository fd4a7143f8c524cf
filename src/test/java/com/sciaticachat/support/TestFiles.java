package com.sciaticachat.support;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Fixture folders and copies of them. */
public final class TestFiles {
    private TestFiles() {}

    /**
     * A copy of the clinic's corpus as it was shipped, kept under {@code src/test/resources/corpora/clinic}:
     * the live {@code corpus/} belongs to the clinic, and no edit staff make there may fail the build.
     */
    public static Path bundledCorpus() {
        return fixture("clinic");
    }

    /** A fixture corpus under {@code src/test/resources/corpora/NAME}. */
    public static Path fixture(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/corpora/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no fixture corpus " + name, e);
        }
    }

    public static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Copies the clinic's safety and small-talk files into a corpus that has none of its own. */
    public static void addClinicSafetyFiles(Path corpus) throws IOException {
        for (String name : new String[] {"safety.yml", "small-talk.yml"}) {
            Path target = corpus.resolve(name);
            if (!Files.exists(target)) Files.copy(bundledCorpus().resolve(name), target);
        }
    }

    private static final java.util.List<Path> TEMPORARY = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    static {
        // a test run left half a gigabyte of corpora and indexes in /tmp, every run
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (TEMPORARY) {
                TEMPORARY.forEach(TestFiles::deleteTree);
            }
        }));
    }

    /** A fresh temporary folder, deleted with what it holds when the test JVM exits. */
    public static Path temporaryFolder(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        TEMPORARY.add(dir);
        return dir;
    }

    /** A fresh temporary folder holding a copy of a corpus. */
    public static Path copyOf(Path corpus) throws IOException {
        Path dir = temporaryFolder("corpus").resolve("corpus");
        copyTree(corpus, dir);
        return dir;
    }

    /** Deletes a folder and what it holds (what cannot be deleted is left). */
    public static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a throw-away folder: the system's temp cleaner gets the rest
        }
    }
}
