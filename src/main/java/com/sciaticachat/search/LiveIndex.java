package com.sciaticachat.search;

import com.sciaticachat.corpus.Corpus;
import com.sciaticachat.corpus.CorpusError;
import com.sciaticachat.corpus.CorpusException;
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
 * finish on it, new requests get the new one, and a corpus that fails its checks is never written, so
 * the last good commit keeps serving and its mistakes are reported in {@link #status()}.
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
                         Instant lastReload, List<CorpusError> corpusErrors, long reloads) {}

    /** The outcome of one reload. */
    public record ReloadResult(boolean changed, boolean ok, List<CorpusError> errors, IndexBuilder.Summary summary) {}

    private final Path corpusDir;
    private final Path indexDir;
    private final CorpusReader reader;
    private final IndexBuilder builder;
    private final Directory directory;
    private final SearcherManager manager;

    private volatile List<CorpusError> errors = List.of();
    private volatile Instant lastReload = Instant.now();
    private volatile long reloads;

    private LiveIndex(Path corpusDir, Path indexDir, CorpusReader reader, IndexBuilder builder, Directory directory)
            throws IOException {
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
        Files.createDirectories(indexDir);
        Directory directory = FSDirectory.open(indexDir);
        try {
            Map<String, String> commit = usableCommit(directory, modelId);
            List<CorpusError> startupErrors = List.of();
            try {
                // unchanged since the index was built (it was checked then): nothing to read or build
                if (commit != null && reader.fingerprint(corpusDir).equals(commit.get(Fields.COMMIT_FINGERPRINT))) {
                    return new LiveIndex(corpusDir, indexDir, reader, builder, directory);
                }
                Corpus corpus = reader.read(corpusDir);
                if (commit == null || !corpus.fingerprint().equals(commit.get(Fields.COMMIT_FINGERPRINT))) {
                    LOG.info("Building the index in {} ({})", indexDir, commit == null ? "none usable yet" : "the corpus changed");
                    IndexBuilder.Summary s = builder.build(corpus, directory);
                    LOG.info("Indexed {} documents, {} sections ({} units) in {} ms", s.documents(), s.sections(), s.units(), s.millis());
                }
            } catch (CorpusException e) {
                if (commit == null) {
                    throw new StartupException("The corpus in " + corpusDir + " has mistakes, and there is no earlier index in "
                            + indexDir + " to serve meanwhile. Fix these and start again:\n" + e.getMessage());
                }
                startupErrors = e.errors();
                startupErrors.forEach(err -> LOG.warn("Corpus mistake (still serving the last good index): {}", err));
            } catch (LockObtainFailedException e) {
                throw new StartupException("The index folder " + indexDir + " is locked by another process "
                        + "(is another copy of the service or an 'index' command running?)");
            }
            LiveIndex live = new LiveIndex(corpusDir, indexDir, reader, builder, directory);
            live.errors = startupErrors;
            return live;
        } catch (StartupException | IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
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
     * Reads the corpus again and, when it changed and passes every check, indexes it and swaps it in.
     * One reload at a time; a failed one leaves the serving index as it was.
     */
    public synchronized ReloadResult reload() {
        reloads++;
        lastReload = Instant.now();
        Corpus corpus;
        try {
            corpus = readSettled();
        } catch (CorpusException e) {
            errors = e.errors();
            errors.forEach(err -> LOG.warn("Corpus mistake (still serving the last good index): {}", err));
            return new ReloadResult(false, false, errors, null);
        }
        String serving = withSnapshot(s -> s.commitData().get(Fields.COMMIT_FINGERPRINT));
        if (corpus.fingerprint().equals(serving)) {
            if (!errors.isEmpty()) LOG.info("The corpus is fixed; it matches the index being served");
            errors = List.of();
            return new ReloadResult(false, true, List.of(), null);
        }
        try {
            IndexBuilder.Summary summary = builder.build(corpus, directory);
            manager.maybeRefreshBlocking();
            errors = List.of();
            LOG.info("Corpus reloaded: {} documents, {} sections in {} ms", summary.documents(), summary.sections(), summary.millis());
            return new ReloadResult(true, true, List.of(), summary);
        } catch (IOException | RuntimeException e) {
            String shown = indexDir.getFileName() == null ? indexDir.toString() : indexDir.getFileName().toString();
            errors = List.of(new CorpusError(shown, 0, "the index could not be written (" + e + "); still serving the last good index"));
            LOG.error("Rebuilding the index failed; still serving the last good index", e);
            return new ReloadResult(false, false, errors, null);
        }
    }

    /**
     * Reads the corpus, then checks that its files did not change while they were read (a file caught in
     * the middle of being saved is still valid Markdown, just shorter); if they did, reads them again.
     */
    private Corpus readSettled() throws CorpusException {
        Corpus corpus = reader.read(corpusDir);
        for (int attempt = 0; attempt < SETTLE_ATTEMPTS && !reader.fingerprint(corpusDir).equals(corpus.fingerprint()); attempt++) {
            LOG.debug("The corpus changed while it was read; reading it again");
            corpus = reader.read(corpusDir);
        }
        return corpus;
    }

    private static final int SETTLE_ATTEMPTS = 5;

    public Status status() {
        return withSnapshot(s -> new Status(!errors.isEmpty(),
                Integer.parseInt(s.commitData().getOrDefault(Fields.COMMIT_DOCUMENTS, "0")),
                s.sectionCount(),
                s.commitData().get(Fields.COMMIT_BUILT_AT),
                s.commitData().get(Fields.COMMIT_FINGERPRINT),
                lastReload, errors, reloads));
    }

    /** The corpus files' fingerprint as they are now; differs from the served one when there is something to reload. */
    String fingerprintOnDisk(Path dir) {
        return reader.fingerprint(dir);
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
