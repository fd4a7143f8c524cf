package com.sciaticachat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The corpus replicas share: the files of the newest published version, and who published each version
 * and when. A replica publishes what went live from its console or folder; the others copy it.
 */
public final class CorpusStore {
    /** A published version: its number, fingerprint and author, and (when read whole) its files by relative path. */
    public record Version(long id, String fingerprint, String author, String time, Map<String, byte[]> files) {}

    private final Database db;

    public CorpusStore(Database db) {
        this.db = db;
    }

    /** The newest version's number and fingerprint (no files); null when nothing was published yet. */
    public Version newest() {
        return db.call(CorpusStore::newest);
    }

    private static Version newest(Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT id, fingerprint, author, created_at FROM corpus_version ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")) {
            return r.next() ? new Version(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), Map.of()) : null;
        }
    }

    /** The newest version with its files, read as one consistent picture; null when nothing was published yet. */
    public Version read() {
        return db.transaction(c -> {
            lock(c);
            Version v = newest(c);
            if (v == null) return null;
            Map<String, byte[]> files = new TreeMap<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT path, content FROM corpus_file")) {
                while (r.next()) files.put(r.getString(1), r.getBytes(2));
            }
            return new Version(v.id(), v.fingerprint(), v.author(), v.time(), files);
        });
    }

    /**
     * Makes these files the newest version, unless the newest already has this fingerprint (two replicas
     * over one folder publish the same change). Returns the newest version's number.
     */
    public long publish(String fingerprint, String author, Map<String, byte[]> files) {
        return publish(fingerprint, author, files, false);
    }

    /**
     * Makes these files the first version: only when no version with a document exists yet (two replicas
     * starting at once: the first wins, the other takes its version). Returns the version made, or -1 when none was
     * (one exists already, with these files or others).
     */
    public long publishFirst(String fingerprint, String author, Map<String, byte[]> files) {
        return publish(fingerprint, author, files, true);
    }

    private long publish(String fingerprint, String author, Map<String, byte[]> files, boolean onlyFirst) {
        return db.transaction(c -> {
            lock(c);
            Version newest = newest(c);
            // the same files published already (by another replica over a copy of the folder): nothing is made, and
            // a first publication says so, so that only the replica that made it says it was first
            if (newest != null && newest.fingerprint().equals(fingerprint)) return onlyFirst ? -1L : newest.id();
            if (onlyFirst && newest != null) {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM corpus_file WHERE path LIKE '%.md'")) {
                    r.next();
                    if (r.getLong(1) > 0) return -1L;
                }
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM corpus_file");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO corpus_file (path, content) VALUES (?, ?)")) {
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    s.setString(1, f.getKey());
                    s.setBytes(2, f.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO corpus_version (fingerprint, author, created_at) VALUES (?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, fingerprint);
                s.setString(2, author.length() > 1000 ? author.substring(0, 1000) : author);
                s.setString(3, Instant.now().toString());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Publishing and reading whole take turns through one row's lock. */
    private static void lock(Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT val FROM store_counter WHERE name = 'corpus_lock' FOR UPDATE")) {
            r.next();
        }
    }
}
