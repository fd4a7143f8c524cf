package com.sciaticachat.search;

import com.sciaticachat.corpus.Corpus;
import com.sciaticachat.corpus.CorpusError;
import com.sciaticachat.corpus.CorpusException;
import com.sciaticachat.corpus.LastGood;
import com.sciaticachat.index.CorpusReader;
import com.sciaticachat.index.Fields;
import com.sciaticachat.index.IndexBuilder;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index the service answers from, kept in step with the corpus folder.
 *
 * <p>One Lucene directory, one {@link SearcherManager}. A rebuild reads and checks the corpus, writes a
 * new commit with {@link IndexBuilder} and refreshes the manager: requests that already hold a snapshot
 * finish on it, new requests get the new one. Each file stands alone: a file with a mistake is read as
 * the serving commit holds it (its last good version), a new file with a mistake stays out, and every
 * other file goes live; the mistakes and warnings are reported in {@link #status()}.
 */
public final class LiveIndex implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);

    /** The index could not be opened at all: nothing to serve. */
    public static final class StartupException extends Exception {
        public StartupException(String message) {
            super(message);
        }
    }

    /** What the service is serving and whether the corpus on disk is live. */
    public record Status(boolean degraded, int documents, int sections, String builtAt, String fingerprint,
                         Instant lastReload, List<CorpusError> corpusErrors, List<CorpusError> warnings, long reloads) {}

    /** The outcome of one reload. */
    public record ReloadResult(boolean changed, boolean ok, List<CorpusError> errors, IndexBuilder.Summary summary) {}

    private final Path corpusDir;
    private final Path indexDir;
    private final CorpusReader reader;
    private final IndexBuilder builder;
    private final Directory directory;
    private final SearcherManager manager;

    private volatile List<CorpusError> errors = List.of();
    private volatile List<CorpusError> warnings = List.of();
    private volatile Instant lastReload = Instant.now();
    private volatile long reloads;
    /** Opened on an index of an older corpus, not yet reloaded. */
    private volatile boolean stale;
    /** Reloads that left a file in error, or failed to build: the last good version kept serving. */
    private volatile long failedReloads;
    /** Goes up each time a new commit is swapped in; what was computed from an older one is stale. */
    private volatile long generation;
    /** Told each time a change to the corpus goes live whole (no file in error). */
    private final List<Runnable> published = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<java.util.Set<String>>> served = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final String modelId;

    private LiveIndex(Path corpusDir, Path indexDir, CorpusReader reader, IndexBuilder builder, Directory directory, String modelId)
            throws IOException {
        this.modelId = modelId;
        this.corpusDir = corpusDir;
        this.indexDir = indexDir;
        this.reader = reader;
        this.builder = builder;
        this.directory = directory;
        this.manager = new SearcherManager(directory, new SnapshotFactory());
    }

    /**
     * Opens the index in {@code indexDir}, building it first when it is missing, of another schema or
     * model, or older than the corpus. A broken corpus with a usable index starts degraded; a broken
     * corpus with no usable index cannot start.
     */
    public static LiveIndex open(Path corpusDir, Path indexDir, CorpusReader reader, IndexBuilder builder, String modelId)
            throws StartupException, IOException {
        return open(corpusDir, indexDir, reader, builder, modelId, false);
    }

    /**
     * The same, for a service that watches its corpus: a usable index of an older corpus is served at once as it
     * stands, and the corpus watcher's first look reloads the change like any edit (a visitor asking during a
     * restart is answered from the last good index rather than waiting for a rebuild, and a rebuild that fails is
     * reported as on the live path). {@link #stale()} says a reload is due.
     */
    public static LiveIndex openServing(Path corpusDir, Path indexDir, CorpusReader reader, IndexBuilder builder, String modelId)
            throws StartupException, IOException {
        return open(corpusDir, indexDir, reader, builder, modelId, true);
    }

    private static LiveIndex open(Path corpusDir, Path indexDir, CorpusReader reader, IndexBuilder builder, String modelId, boolean serveStale)
            throws StartupException, IOException {
        Files.createDirectories(indexDir);
        Directory directory = FSDirectory.open(indexDir);
        try {
            Map<String, String> commit = usableCommit(directory, modelId);
            LiveIndex live;
            try {
                if (commit != null) removeUnusedFiles(directory);
                // unchanged since the index was built (it was read then): nothing to read or build
                // (or changed, for a service that serves the last index while it reads the change)
                boolean unchanged = commit != null && reader.fingerprint(corpusDir).equals(commit.get(Fields.COMMIT_FINGERPRINT));
                if (unchanged || commit != null && serveStale) {
                    live = serving(commit, new LiveIndex(corpusDir, indexDir, reader, builder, directory, modelId));
                    live.stale = !unchanged;
                    if (live.stale) LOG.info("Serving the index in {} as it was; the corpus changed since, and is read and built next", indexDir);
                    return live;
                }
                LastGood lastGood = commit == null ? LastGood.NONE : lastGood(directory);
                // the safety rules' gate reads thousands of phrasings first: tens of seconds on a small machine, said so
                LOG.info("Reading {} and checking its safety rules (up to a minute on 2 cores)", corpusDir);
                CorpusReader.Reading reading = reader.read(corpusDir, lastGood);
                LOG.info("Building the index in {} ({})", indexDir, commit == null ? "none usable yet" : "the corpus changed");
                IndexBuilder.Summary s;
                try {
                    s = builder.build(reading.corpus(), directory, notes(reading.errors(), reading.warnings()));
                } catch (LockObtainFailedException e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    if (commit == null) throw e;
                    // a full disk, a read-only folder, a model that would not load: the last commit is intact, serve it
                    LOG.error("Building the index failed; serving the last good index", e);
                    live = serving(commit, new LiveIndex(corpusDir, indexDir, reader, builder, directory, modelId));
                    live.errors = List.of(writeFailure(indexDir, e));
                    live.failedReloads++; // counted as a failed reload on the live path is, for the metric operators alert on
                    return live;
                }
                LOG.info("Indexed {} documents, {} sections ({} units) in {} ms", s.documents(), s.sections(), s.units(), s.millis());
                live = new LiveIndex(corpusDir, indexDir, reader, builder, directory, modelId);
                live.report(reading.errors(), withConflicts(reading, s));
            } catch (CorpusException e) {
                if (commit == null) {
                    throw new StartupException("The corpus in " + corpusDir + " cannot be served, and there is no earlier index in "
                            + indexDir + " to serve meanwhile. Fix these and start again:\n" + e.getMessage());
                }
                live = new LiveIndex(corpusDir, indexDir, reader, builder, directory, modelId);
                live.report(e.errors(), List.of());
            } catch (LockObtainFailedException e) {
                throw new StartupException("The index folder " + indexDir + " is locked by another process "
                        + "(is another copy of the service or an 'index' command running?)");
            }
            return live;
        } catch (StartupException | IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * Another corpus folder (a draft of this one) read and indexed the same way, in its own index folder:
     * what the chat would answer were that folder live.
     */
    public LiveIndex sibling(Path otherCorpus, Path otherIndex) throws StartupException, IOException {
        return open(otherCorpus, otherIndex, reader, builder, modelId);
    }

    /** The names of the settings files the corpus folder may hold besides its documents. */
    public java.util.Set<String> settingsFiles() {
        return reader.settingsFiles();
    }

    /** The mistakes (not warnings) a read of another folder would find, with every check this index's corpus passes. */
    public List<CorpusError> check(Path folder) {
        try {
            return reader.read(folder, LastGood.NONE).errors();
        } catch (CorpusException e) {
            return e.errors();
        }
    }

    /** The index serving its commit as it stands, with what the read behind it reported. */
    private static LiveIndex serving(Map<String, String> commit, LiveIndex live) {
        live.restoreNotes(commit.get(Fields.COMMIT_NOTES));
        return live;
    }

    private static CorpusError writeFailure(Path indexDir, Exception e) {
        String shown = indexDir.getFileName() == null ? indexDir.toString() : indexDir.getFileName().toString();
        return new CorpusError(shown, 0, "the index could not be written (" + e + "); still serving the last good index");
    }

    /**
     * Deletes what a build cut short left behind (a crash or kill mid-build): files no commit refers to.
     * Opening a writer does that; it is rolled back at once, so the commit is untouched. A folder that
     * cannot be written to is left as it is.
     */
    static void removeUnusedFiles(Directory directory) {
        try (org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(directory,
                new org.apache.lucene.index.IndexWriterConfig().setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.APPEND)
                        .setCommitOnClose(false))) {
            w.rollback();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Left-over index files could not be removed: {}", e.toString());
        }
    }

    /**
     * What the service in {@code indexDir} last served (its files and the renames it followed), read without writing or
     * locking anything; {@link LastGood#NONE} when there is no usable index there. {@code check} reads the corpus against
     * it, so that it says what the running service says (a heading renamed while it ran, its filings followed).
     */
    public static LastGood lastServed(Path indexDir, String modelId) {
        if (!Files.isDirectory(indexDir)) return LastGood.NONE;
        try (Directory directory = FSDirectory.open(indexDir)) {
            return usableCommit(directory, modelId) == null ? LastGood.NONE : lastGood(directory);
        } catch (IOException | RuntimeException e) {
            return LastGood.NONE;
        }
    }

    /** The files and renames of the commit in the directory, read without opening a manager. */
    private static LastGood lastGood(Directory directory) throws IOException {
        try (DirectoryReader r = DirectoryReader.open(directory)) {
            return Snapshot.lastGood(r);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static List<CorpusError> notes(List<CorpusError> errors, List<CorpusError> warnings) {
        List<CorpusError> all = new java.util.ArrayList<>(errors);
        all.addAll(warnings);
        return all;
    }

    /** The read's warnings, and the settings files' lines the build set aside because a section answers them. */
    private static List<CorpusError> withConflicts(CorpusReader.Reading reading, IndexBuilder.Summary summary) {
        List<CorpusError> all = new java.util.ArrayList<>(reading.warnings());
        all.addAll(com.sciaticachat.index.NewContent.warnings(summary.conflicts(), reading.corpus().folder()));
        return all;
    }

    private void restoreNotes(String json) {
        if (json == null) return;
        try {
            List<CorpusError> all = JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<List<CorpusError>>() {});
            report(all.stream().filter(e -> !e.warning()).toList(), all.stream().filter(CorpusError::warning).toList());
        } catch (IOException e) {
            LOG.debug("The index's notes could not be read: {}", e.toString());
        }
    }

    /** Keeps what a read found for {@link #status()}, and logs each mistake once. */
    private void report(List<CorpusError> newErrors, List<CorpusError> newWarnings) {
        for (CorpusError e : newErrors) if (!errors.contains(e)) LOG.warn("Corpus mistake: {}", e);
        for (CorpusError w : newWarnings) if (!warnings.contains(w)) LOG.info("Corpus warning: {}", w);
        errors = List.copyOf(newErrors);
        warnings = List.copyOf(newWarnings);
    }

    /** The commit's user data when the directory holds an index this version can read, else null. */
    static Map<String, String> usableCommit(Directory directory, String modelId) {
        try {
            if (!DirectoryReader.indexExists(directory)) return null;
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            if (!Fields.schema().equals(data.get(Fields.COMMIT_SCHEMA)) || !modelId.equals(data.get(Fields.COMMIT_MODEL))) {
                LOG.info("The index was built by another version (schema {}, model {}); it will be rebuilt",
                        data.get(Fields.COMMIT_SCHEMA), data.get(Fields.COMMIT_MODEL));
                return null;
            }
            return data;
        } catch (IOException | RuntimeException e) {
            LOG.warn("The index could not be read ({}); it will be rebuilt", e.toString());
            return null;
        }
    }

    /** Runs {@code work} on the current snapshot, released afterwards whatever happens. */
    public <T> T withSnapshot(Function<Snapshot, T> work) {
        Snapshot snapshot;
        try {
            snapshot = (Snapshot) manager.acquire();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            return work.apply(snapshot);
        } finally {
            try {
                manager.release(snapshot);
            } catch (IOException e) {
                LOG.warn("Releasing a searcher failed: {}", e.toString());
            }
        }
    }

    /**
     * Reads the corpus again and, when it changed, indexes what can be served (each broken file as it was
     * last served) and swaps it in. One reload at a time; a failed one leaves the serving index as it was.
     */
    public synchronized ReloadResult reload() {
        reloads++;
        stale = false;
        try {
            return readAndSwap();
        } finally {
            // when the reload ended, so /health's time means "what visitors get now reflects the folder as of then"
            lastReload = Instant.now();
        }
    }

    private ReloadResult readAndSwap() {
        String serving = withSnapshot(s -> s.commitData().get(Fields.COMMIT_FINGERPRINT));
        if (reader.fingerprint(corpusDir).equals(serving)) return new ReloadResult(false, errors.isEmpty(), errors, null);
        CorpusReader.Reading reading;
        try {
            LastGood lastGood = withSnapshot(Snapshot::lastGood);
            reading = readSettled(lastGood);
        } catch (CorpusException e) {
            report(e.errors(), warnings);
            failedReloads++;
            return new ReloadResult(false, false, errors, null);
        }
        try {
            IndexBuilder.Summary summary = builder.build(reading.corpus(), directory, notes(reading.errors(), reading.warnings()));
            manager.maybeRefreshBlocking();
            generation++;
            report(reading.errors(), withConflicts(reading, summary));
            LOG.info("Corpus reloaded: {} documents, {} sections in {} ms{}", summary.documents(), summary.sections(), summary.millis(),
                    errors.isEmpty() ? "" : " (" + errors.size() + " mistakes: the files they are in serve their last good version)");
            java.util.Set<String> inError = new java.util.TreeSet<>();
            String prefix = reading.corpus().folder() + "/";
            for (CorpusError e : errors) if (e.file() != null && e.file().startsWith(prefix)) inError.add(e.file().substring(prefix.length()));
            for (java.util.function.Consumer<java.util.Set<String>> r : served) {
                try {
                    r.accept(inError);
                } catch (RuntimeException e) {
                    LOG.warn("After a change went live: {}", e.getMessage());
                }
            }
            if (errors.isEmpty()) {
                for (Runnable r : published) {
                    try {
                        r.run();
                    } catch (RuntimeException e) {
                        LOG.warn("After publishing a change: {}", e.getMessage());
                    }
                }
            }
            if (!errors.isEmpty()) failedReloads++;
            return new ReloadResult(true, errors.isEmpty(), errors, summary);
        } catch (IOException | RuntimeException e) {
            errors = List.of(writeFailure(indexDir, e));
            LOG.error("Rebuilding the index failed; still serving the last good index", e);
            failedReloads++;
            return new ReloadResult(false, false, errors, null);
        }
    }

    /**
     * Reads the corpus, then checks that its files did not change while they were read (a file caught in
     * the middle of being saved is still valid Markdown, just shorter); if they did, reads them again.
     */
    private CorpusReader.Reading readSettled(LastGood lastGood) throws CorpusException {
        CorpusReader.Reading reading = reader.read(corpusDir, lastGood);
        for (int attempt = 0; attempt < SETTLE_ATTEMPTS && !reader.fingerprint(corpusDir).equals(reading.corpus().fingerprint()); attempt++) {
            LOG.debug("The corpus changed while it was read; reading it again");
            reading = reader.read(corpusDir, lastGood);
        }
        return reading;
    }

    private static final int SETTLE_ATTEMPTS = 5;

    /**
     * Runs {@code listener} each time a change to the corpus goes live, also while some files have mistakes (they
     * serve their last good version), with those files' paths inside the corpus folder (in the reloading thread).
     */
    public void onServed(java.util.function.Consumer<java.util.Set<String>> listener) {
        served.add(listener);
    }

    /** Runs {@code listener} each time a change to the corpus goes live with no file in error (in the reloading thread). */
    public void onPublished(Runnable listener) {
        published.add(listener);
    }

    /** Which commit is being served, as a number that grows with every swap (for caches of answers). */
    public long failedReloads() {
        return failedReloads;
    }

    public long generation() {
        return generation;
    }

    public Status status() {
        return withSnapshot(s -> new Status(!errors.isEmpty(),
                Integer.parseInt(s.commitData().getOrDefault(Fields.COMMIT_DOCUMENTS, "0")),
                s.catalog().size(),
                s.commitData().get(Fields.COMMIT_BUILT_AT),
                s.commitData().get(Fields.COMMIT_FINGERPRINT),
                lastReload, errors, warnings, reloads));
    }

    /** The corpus files' fingerprint as they are now; differs from the served one when there is something to reload. */
    String fingerprintOnDisk(Path dir) {
        return reader.fingerprint(dir);
    }

    /** Whether this index was opened on an older corpus and no reload has run since (see {@link #openServing}). */
    public boolean stale() {
        return stale;
    }

    public Path corpusDir() {
        return corpusDir;
    }

    @Override
    public void close() throws IOException {
        try {
            manager.close();
        } finally {
            directory.close();
        }
    }
}
