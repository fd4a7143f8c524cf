package com.sciaticachat.staff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every published version of the corpus, kept as the commits of a Git repository whose files are the corpus
 * folder itself and whose history lives in its {@code .history} folder (JGit; technical staff can read it
 * with ordinary Git: {@code git --git-dir=corpus/.history log}). A version is recorded each time a change goes
 * live, from the console or from a file, with who made it; any version's changes can be shown, and any
 * version restored (its files written back, which then go live like any edit, and are recorded in turn).
 */
public final class CorpusHistory implements AutoCloseable {
    /** The history's folder inside the corpus folder; hidden, so the corpus never reads it as content. */
    public static final String FOLDER = ".history";
    private static final Logger LOG = LoggerFactory.getLogger(CorpusHistory.class);
    private static final String EMAIL = "staff@sciatica-chat.invalid";

    /** One published version. */
    public record Version(String id, String time, String author, String summary) {}

    private final Path corpus;
    private final Git git;
    /** Who the next recorded change is by, when the console made it; null: a file edited on disk. */
    private volatile String pendingAuthor;
    /** What the next recorded version did, when it was more than changing files (a restore). */
    private volatile String pendingSummary;

    private CorpusHistory(Path corpus, Git git) {
        this.corpus = corpus;
        this.git = git;
    }

    private static final java.util.Map<Path, CorpusHistory> OPEN = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        // the history is the service's own: the machine user's Git settings play no part in it, and a home folder the
        // service cannot write (a system user) is no reason for an error in the log (JGit keeps probes in ~/.config/jgit)
        org.eclipse.jgit.util.SystemReader.setInstance(new org.eclipse.jgit.util.SystemReader.Delegate(
                org.eclipse.jgit.util.SystemReader.getInstance()) {
            @Override
            public org.eclipse.jgit.storage.file.FileBasedConfig openUserConfig(org.eclipse.jgit.lib.Config parent,
                                                                               org.eclipse.jgit.util.FS fs) {
                return new InMemoryConfig(parent, fs);
            }

            @Override
            public org.eclipse.jgit.storage.file.FileBasedConfig openSystemConfig(org.eclipse.jgit.lib.Config parent,
                                                                                 org.eclipse.jgit.util.FS fs) {
                return new InMemoryConfig(parent, fs);
            }

            @Override
            public org.eclipse.jgit.storage.file.FileBasedConfig openJGitConfig(org.eclipse.jgit.lib.Config parent,
                                                                               org.eclipse.jgit.util.FS fs) {
                return new InMemoryConfig(parent, fs);
            }
        });
    }

    /** A Git configuration that is neither read from nor written to any file. */
    private static final class InMemoryConfig extends org.eclipse.jgit.storage.file.FileBasedConfig {
        InMemoryConfig(org.eclipse.jgit.lib.Config parent, org.eclipse.jgit.util.FS fs) {
            super(parent, null, fs);
        }

        @Override
        public void load() {
            // nothing to read
        }

        @Override
        public void save() {
            // nothing to write
        }

        @Override
        public boolean isOutdated() {
            return false;
        }
    }

    /**
     * The corpus's history, one per folder in this process (the service records into it, the console reads
     * it), created with the corpus as it is as the first version when it has none.
     */
    public static CorpusHistory of(Path corpus) {
        return OPEN.computeIfAbsent(corpus.toAbsolutePath().normalize(), dir -> {
            try {
                return open(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Closes the folder's history, if this process opened it. */
    public static void closeFor(Path corpus) {
        CorpusHistory h = OPEN.remove(corpus.toAbsolutePath().normalize());
        if (h != null) h.close();
    }

    private static CorpusHistory open(Path corpus) throws IOException {
        Path gitDir = corpus.resolve(FOLDER);
        Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setWorkTree(corpus.toFile()).build();
        if (!Files.exists(gitDir.resolve("HEAD"))) {
            repo.create();
            // what the corpus never reads is no part of a version: hidden files (this folder among them) and
            // the files editors keep while a document is open
            Path exclude = gitDir.resolve("info").resolve("exclude");
            Files.createDirectories(exclude.getParent());
            Files.writeString(exclude, ".*\n*.swp\n*.tmp\n#*\n~$*\n", StandardCharsets.UTF_8);
        }
        CorpusHistory history = new CorpusHistory(corpus, new Git(repo));
        history.record("the corpus as it was when its history began", "Sciatica Chat");
        return history;
    }

    /** How old Git's index lock must be to have been left by a process that stopped while writing (a write takes milliseconds). */
    static final long STALE_LOCK_MILLIS = 5_000;

    /**
     * Removes the index lock a process stopped mid-write left behind (a power cut, {@code kill -9}), which would
     * otherwise refuse every later version: this process writes the history alone (each replica keeps its own corpus
     * folder), and a live write holds the lock for milliseconds. A lock younger than {@link #STALE_LOCK_MILLIS} is waited out first.
     */
    private void clearStaleLock() throws IOException {
        Path lock = git.getRepository().getDirectory().toPath().resolve("index.lock");
        try {
            long age = System.currentTimeMillis() - Files.getLastModifiedTime(lock).toMillis();
            if (age < STALE_LOCK_MILLIS) Thread.sleep(STALE_LOCK_MILLIS - age);
            if (Files.deleteIfExists(lock)) {
                LOG.warn("Removed the lock a stopped process left in the corpus's history ({})", lock);
            }
        } catch (NoSuchFileException e) {
            // no lock: the usual case
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next change recorded is by this staff member (the console calls this before it writes). */
    public void expect(String author) {
        this.pendingAuthor = author;
    }

    /** The console's change did not happen (refused, failed): the next version is not credited to it. */
    public void forget() {
        this.pendingAuthor = null;
    }

    /** Records the corpus as it is now, when it differs from the last version. @return the new version, or null */
    public synchronized Version record() {
        return record(Set.of());
    }

    /**
     * Records the corpus as it is served now: every file as on disk except those with a mistake, which keep their
     * last recorded version (a version restored later never brings a mistake back). @return the new version, or null
     */
    public synchronized Version record(Set<String> inError) {
        String author = pendingAuthor, summary = pendingSummary;
        pendingAuthor = null;
        pendingSummary = null;
        return record(summary, author == null ? "a file edited on disk" : author, inError);
    }

    private synchronized Version record(String message, String author) {
        return record(message, author, Set.of());
    }

    private synchronized Version record(String message, String author, Set<String> inError) {
        try {
            clearStaleLock();
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            Repository repo = git.getRepository();
            ObjectId head = repo.resolve(Constants.HEAD);
            var recordedTree = head == null || inError.isEmpty() ? null : repo.parseCommit(head).getTree();
            for (String path : inError) {
                // a file in error keeps its last recorded version, or stays out if it never had one
                boolean recorded = false;
                if (recordedTree != null) {
                    try (TreeWalk t = TreeWalk.forPath(repo, path, recordedTree)) {
                        recorded = t != null;
                    }
                }
                if (recorded) git.reset().setRef(Constants.HEAD).addPath(path).call();
                else git.rm().setCached(true).addFilepattern(path).call();
            }
            var status = git.status().call();
            boolean first = head == null;
            if (!first && status.getAdded().isEmpty() && status.getChanged().isEmpty() && status.getRemoved().isEmpty()) return null;
            List<String> changed = new ArrayList<>();
            changed.addAll(status.getAdded());
            changed.addAll(status.getChanged());
            status.getRemoved().forEach(f -> changed.add(f + " (deleted)"));
            java.util.Collections.sort(changed);
            // a restore says which version it brought back and what that changed now, not only what the version once did
            String files = "changed " + String.join(", ", changed);
            String summary = message == null ? files : first ? message : message + "; " + files;
            PersonIdent who = new PersonIdent(author, EMAIL);
            RevCommit c = git.commit().setMessage(summary).setAuthor(who).setCommitter(who).setAllowEmpty(first).call();
            return version(c);
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException("the corpus's history could not record a version: " + e.getMessage(), e);
        }
    }

    /** The versions, newest first (at most {@code limit}). */
    public synchronized List<Version> versions(int limit) {
        try {
            List<Version> out = new ArrayList<>();
            if (git.getRepository().resolve(Constants.HEAD) == null) return out;
            for (RevCommit c : git.log().setMaxCount(limit).call()) out.add(version(c));
            return out;
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException("the corpus's history could not be read: " + e.getMessage(), e);
        }
    }

    /** What changed from {@code from} to {@code to} (from its previous version when {@code from} is null), as a unified diff. */
    public synchronized String changes(String from, String to) throws UnknownVersionException {
        Repository repo = git.getRepository();
        try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader();
             ByteArrayOutputStream out = new ByteArrayOutputStream(); DiffFormatter diff = new DiffFormatter(out)) {
            RevCommit target = walk.parseCommit(resolve(to));
            CanonicalTreeParser newTree = new CanonicalTreeParser(null, reader, target.getTree());
            CanonicalTreeParser oldTree = new CanonicalTreeParser();
            if (from != null) oldTree.reset(reader, walk.parseCommit(resolve(from)).getTree());
            else if (target.getParentCount() > 0) oldTree.reset(reader, walk.parseCommit(target.getParent(0)).getTree());
            diff.setRepository(repo);
            diff.setQuotePaths(false); // "Gutscheine ü.md", not "Gutscheine \303\274.md"
            for (DiffEntry e : diff.scan(oldTree, newTree)) diff.format(e);
            diff.flush();
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a version's files back into the corpus (each replaced whole, atomically) and deletes the files it
     * did not have; the change then goes live like any edit, and is recorded as restoring that version.
     */
    public synchronized void restore(String id, String author) throws UnknownVersionException, IOException {
        Repository repo = git.getRepository();
        Set<String> kept = new HashSet<>();
        try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            RevCommit c = walk.parseCommit(resolve(id));
            tree.addTree(c.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                String path = tree.getPathString();
                kept.add(path);
                byte[] bytes = repo.open(tree.getObjectId(0)).getBytes();
                Path file = corpus.resolve(path);
                if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) continue;
                Files.createDirectories(file.getParent());
                Path tmp = Files.createTempFile(file.getParent(), ".restore-", ".tmp");
                Files.write(tmp, bytes);
                Replace.with(tmp, file);
            }
            pendingAuthor = author;
            // the time as an instant, which the console shows in the reader's own time zone
            pendingSummary = "restored the version of " + java.time.Instant.parse(version(c).time()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    + " (\"" + version(c).summary() + "\")";
        }
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = corpus.relativize(f).toString().replace('\\', '/');
                if (rel.startsWith(".") || rel.contains("/.")) continue;
                if (!kept.contains(rel) && tracked(rel)) Files.delete(f);
            }
        }
    }

    private boolean tracked(String path) throws IOException {
        ObjectId head = git.getRepository().resolve(Constants.HEAD + "^{tree}");
        if (head == null) return false;
        try (TreeWalk t = TreeWalk.forPath(git.getRepository(), path, head)) {
            return t != null;
        }
    }

    /** A version that is not in the history. */
    public static final class UnknownVersionException extends Exception {
        public UnknownVersionException(String id) {
            super("There is no version '" + id + "' in the corpus's history");
        }
    }

    private ObjectId resolve(String id) throws UnknownVersionException {
        try {
            if (id == null || !id.matches("[0-9a-f]{7,40}")) throw new UnknownVersionException(String.valueOf(id));
            ObjectId o = git.getRepository().resolve(id + "^{commit}");
            if (o == null) throw new UnknownVersionException(id);
            return o;
        } catch (IOException | RuntimeException e) {
            throw new UnknownVersionException(id);
        }
    }

    private static Version version(RevCommit c) {
        return new Version(c.getName(), Instant.ofEpochSecond(c.getCommitTime()).toString(), c.getAuthorIdent().getName(),
                c.getShortMessage());
    }

    @Override
    public void close() {
        git.getRepository().close();
    }
}
