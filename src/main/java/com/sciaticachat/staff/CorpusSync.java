package com.sciaticachat.staff;

import com.sciaticachat.corpus.CorpusLoader;
import com.sciaticachat.store.CorpusStore;
import com.sciaticachat.store.StoreException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this replica's corpus folder the same as every other replica's, through the shared store: what
 * goes live here (from the console, a restore or the folder) is published to the store, and a version
 * another replica published is copied into the folder and reloaded. The store holds the newest version, so
 * no replica holds the corpus alone. When two replicas publish different changes at once, the later one is
 * the newest version (both stay in the history).
 */
public final class CorpusSync implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(CorpusSync.class);

    private final Path corpus;
    private final CorpusStore store;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "corpus-sync");
        t.setDaemon(true);
        return t;
    });
    /** The fingerprint of the version this replica last published or copied, and its number. */
    private String known;
    private long applied;
    /** A change went live here but could not be published (the database was down): tried again with each look. */
    private volatile boolean unpublished;
    /** The store had no corpus when this replica joined: its folder becomes the first version unless another's did first. */
    private volatile boolean joining;
    /** The folder as it was when this replica joined an empty store: changed since, it is a change made here. */
    private String joinedFingerprint;
    /** Said once: another replica's version waits because this folder has a change not shared yet. */
    private boolean held;

    private CorpusSync(Path corpus, CorpusStore store) {
        this.corpus = corpus;
        this.store = store;
    }

    /**
     * Joins the replicas before the index opens: the store's newest version replaces the folder's files (the
     * store is the truth). When nothing was published yet, this folder becomes the first version, but only
     * once this replica serves it ({@link #start}): a folder that cannot be served is never shared.
     */
    public static CorpusSync join(Path corpus, CorpusStore store) throws IOException {
        CorpusSync sync = new CorpusSync(corpus, store);
        CorpusStore.Version newest = store.read();
        if (newest == null) {
            sync.joining = true;
            sync.joinedFingerprint = fingerprint(sync.files());
        } else if (!hasDocuments(newest.files())) {
            // an earlier version without a single document (an empty folder published before this check) is never copied
            LOG.error("The shared corpus (version {}) has no documents; this replica keeps its own folder and publishes it once it serves it",
                    newest.id());
            sync.joining = true;
            sync.joinedFingerprint = fingerprint(sync.files());
        } else {
            sync.copy(newest, sync.files());
        }
        return sync;
    }

    /** Looks for versions other replicas published every {@code seconds}, reloading with {@code reload} after copying one. */
    public CorpusSync start(long seconds, Runnable reload) {
        poller.scheduleWithFixedDelay(() -> {
            try {
                if (joining) first();
                else if (unpublished) published();
                // a change made here that is not shared yet is never written over by another replica's
                if (!joining && !unpublished && pull()) reload.run();
            } catch (IOException | RuntimeException e) {
                LOG.error("Could not fetch the corpus other replicas published (trying again in {} s): {}", seconds, e.getMessage());
            }
        }, seconds, seconds, TimeUnit.SECONDS);
        return this;
    }

    /** Copies a newer version into the folder; returns whether it changed anything. */
    synchronized boolean pull() throws IOException {
        CorpusStore.Version newest = store.newest();
        if (newest == null || newest.id() == applied) return false;
        if (newest.fingerprint().equals(known)) {
            applied = newest.id();
            return false;
        }
        Map<String, byte[]> local = files();
        if (known != null && !fingerprint(local).equals(known)) {
            // a change made here is going live (or could not go live): it is never written over; it is published
            // when it goes live, and the other replica's version is taken after that
            if (!held) LOG.warn("Corpus version {} from another replica waits: this replica's folder has a change not shared yet", newest.id());
            held = true;
            return false;
        }
        held = false;
        CorpusStore.Version whole = store.read();
        boolean changed = copy(whole, local);
        if (changed) {
            try {
                CorpusHistory.of(corpus).expect(whole.author());
            } catch (RuntimeException noHistory) {
                // a folder without a history takes the change all the same
            }
            LOG.info("Corpus version {} (by {}) copied from the store", whole.id(), whole.author());
        }
        return changed;
    }

    /** The folder this replica serves becomes the first shared version, unless another replica's already is. */
    synchronized void first() throws IOException {
        Map<String, byte[]> files = files();
        if (!hasDocuments(files)) return; // nothing to share (yet)
        String fingerprint = fingerprint(files);
        if (!fingerprint.equals(joinedFingerprint)) {
            // the folder changed since joining: an edit made here is going live, and is published with its author then
            joining = false;
            known = joinedFingerprint;
            return;
        }
        long id = store.publishFirst(fingerprint, "the corpus folder of the first replica", files);
        joining = false;
        if (id < 0) {
            // another replica was first: its version is copied with the next look
            known = fingerprint;
            return;
        }
        applied = id;
        known = fingerprint;
        LOG.info("Corpus version {} published to the store: this replica's folder is the first shared corpus", id);
    }

    /** A change went live here: publishes it unless it is the version just copied or published. */
    public synchronized void published() {
        joining = false; // a change made here after joining is shared as any other
        try {
            publish(latestAuthor());
            unpublished = false;
        } catch (IOException | StoreException e) {
            if (!unpublished) LOG.error("The corpus change that went live here could not be shared with the other replicas yet "
                    + "(trying again every few seconds): {}", e.getMessage());
            unpublished = true;
        }
    }

    /** Who made the change now in the folder, as its history recorded it. */
    private String latestAuthor() {
        try {
            List<CorpusHistory.Version> newest = CorpusHistory.of(corpus).versions(1);
            if (!newest.isEmpty()) return newest.get(0).author();
        } catch (RuntimeException noHistory) {
            // published without a name
        }
        return "a file edited on disk";
    }

    private void publish(String author) throws IOException {
        Map<String, byte[]> files = files();
        if (!hasDocuments(files)) throw new IOException("the corpus folder has no documents to share");
        String fingerprint = fingerprint(files);
        if (fingerprint.equals(known)) return;
        applied = store.publish(fingerprint, author, files);
        known = fingerprint;
        LOG.info("Corpus version {} published to the store for the other replicas", applied);
    }

    /** Makes the folder, whose files are {@code local} now, hold exactly the version's; returns whether anything changed. */
    private boolean copy(CorpusStore.Version v, Map<String, byte[]> local) throws IOException {
        local = new TreeMap<>(local);
        boolean changed = false;
        Path root = corpus.toAbsolutePath().normalize();
        for (Map.Entry<String, byte[]> f : v.files().entrySet()) {
            Path target = root.resolve(f.getKey()).normalize();
            if (!target.startsWith(root) || target.equals(root)) {
                LOG.warn("Skipped '{}' from the store: not a path inside the corpus folder", f.getKey());
                continue;
            }
            byte[] mine = local.remove(f.getKey());
            if (mine != null && java.util.Arrays.equals(mine, f.getValue())) continue;
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".sync.tmp");
            Files.write(tmp, f.getValue());
            Replace.with(tmp, target);
            changed = true;
        }
        for (String gone : local.keySet()) {
            Files.deleteIfExists(root.resolve(gone));
            changed = true;
        }
        known = v.fingerprint();
        applied = v.id();
        return changed;
    }

    /** The corpus files by path relative to the folder ('/' between folders). */
    private Map<String, byte[]> files() throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        List<com.sciaticachat.corpus.CorpusError> errors = new ArrayList<>();
        for (Path p : CorpusLoader.files(corpus, errors)) {
            if (!Files.isRegularFile(p)) continue;
            out.put(CorpusLoader.relative(corpus, p), Files.readAllBytes(p));
        }
        if (!errors.isEmpty()) throw new IOException(errors.get(0).message());
        return out;
    }

    /** Whether a set of corpus files holds at least one document (an empty folder is never shared). */
    private static boolean hasDocuments(Map<String, byte[]> files) {
        return files.keySet().stream().anyMatch(com.sciaticachat.corpus.CorpusLoader::isDocument);
    }

    static String fingerprint(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                sha.update(f.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Integer.toString(f.getValue().length).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
