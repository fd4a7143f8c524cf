package com.sciaticachat.search;

import com.sciaticachat.corpus.CorpusLoader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the live index in step with the corpus folder while the service runs. File events wake it at
 * once, and the folder's fingerprint is also compared every {@code poll} in case an event was missed (some
 * editors and network folders do that). After a change it waits until the files have stopped changing for
 * {@code settle}, so a save in several writes is read once, whole; then it reloads. One thread, one reload
 * at a time; a failed reload leaves the last good index serving and is reported by the index's status.
 */
public final class CorpusWatcher implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(CorpusWatcher.class);

    private final LiveIndex index;
    private final Path dir;
    private final java.util.function.Function<Path, String> fingerprint;
    private final Duration settle;
    private final Duration poll;
    private final WatchService watch;
    private final Thread thread;
    private volatile boolean running = true;

    public CorpusWatcher(LiveIndex index, Duration settle, Duration poll) throws IOException {
        this.index = index;
        this.dir = index.corpusDir();
        this.fingerprint = index::fingerprintOnDisk;
        this.settle = settle;
        this.poll = poll;
        this.watch = FileSystems.getDefault().newWatchService();
        registerTree();
        this.thread = new Thread(this::run, "corpus-watcher");
        thread.setDaemon(true);
    }

    public CorpusWatcher start() {
        thread.start();
        LOG.info("Watching {} for changes", dir);
        return this;
    }

    private void registerTree() {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> dirs = Files.walk(dir)) {
            // not the folders the corpus never reads: its history (.history) changes with every publish
            for (Path d : dirs.filter(Files::isDirectory).filter(d -> !CorpusLoader.isIgnored(dir, d)).toList()) {
                d.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not watch {} for events ({}); checking it every {} ms instead", dir, e.toString(), poll.toMillis());
        }
    }

    private void run() {
        // start from what is served, not from the disk: a change made before this thread ran still counts
        String seen = index.status().fingerprint();
        while (running) {
            try {
                if (!drain(poll)) {
                    String now = fingerprint.apply(dir);
                    if (now.equals(seen)) continue;
                }
                // something changed: wait until the folder is quiet and stable, then read it once
                String before;
                String after = fingerprint.apply(dir);
                do {
                    before = after;
                    while (running && drain(settle)) {
                        // more events: keep waiting for quiet
                    }
                    after = fingerprint.apply(dir);
                } while (running && !after.equals(before));
                if (!running) break;
                registerTree();
                if (after.equals(seen)) continue;
                seen = after;
                index.reload();
            } catch (ClosedWatchServiceException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.error("Reloading the corpus failed; still serving the last good index", e);
            }
        }
    }

    /** Waits up to {@code timeout} for file events; true when some came (they are consumed). */
    private boolean drain(Duration timeout) throws InterruptedException {
        WatchKey key = watch.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (key == null) return false;
        do {
            key.pollEvents();
            key.reset();
            key = watch.poll();
        } while (key != null);
        return true;
    }

    /**
     * Stops watching. Never interrupts the thread: an interrupt during Lucene I/O closes the index's file
     * channels for every reader. Closing the watch service ends the loop; a reload under way finishes first.
     */
    @Override
    public void close() throws IOException {
        running = false;
        watch.close();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
