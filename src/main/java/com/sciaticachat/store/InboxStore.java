package com.sciaticachat.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The unanswered inbox's log: questions and staff marks as JSON, in the order they happened. Replicas
 * append to one log and each replays what it has not seen; {@link #epoch()} grows when the log is
 * compacted, so a replica knows to replay it whole.
 */
public final class InboxStore {
    /** One entry of the log. */
    public record Event(long id, String body) {}

    private final Database db;

    public InboxStore(Database db) {
        this.db = db;
    }

    /** Keeps an entry; returns its id. */
    public long append(String body) {
        return db.call(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO inbox_event (body) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, body);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** The entries after {@code id}, oldest first. */
    public List<Event> after(long id) {
        return db.call(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, body FROM inbox_event WHERE id > ? ORDER BY id")) {
                s.setLong(1, id);
                List<Event> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) out.add(new Event(r.getLong(1), r.getString(2)));
                }
                return out;
            }
        });
    }

    public boolean isEmpty() {
        return db.call(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT 1 FROM inbox_event FETCH FIRST 1 ROWS ONLY")) {
                return !r.next();
            }
        });
    }

    /** Adds entries in one transaction (an import: all of them, or none). */
    public void appendAll(List<String> bodies) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO inbox_event (body) VALUES (?)")) {
                for (String b : bodies) {
                    s.setString(1, b);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /** Drops entries (a compaction) and moves the epoch on, in one transaction. */
    public void remove(Collection<Long> ids) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM inbox_event WHERE id = ?")) {
                for (long id : ids) {
                    s.setLong(1, id);
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE store_counter SET val = val + 1 WHERE name = 'inbox_epoch'");
            }
            return null;
        });
    }

    /** Grows with every compaction. */
    public long epoch() {
        return db.call(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT val FROM store_counter WHERE name = 'inbox_epoch'")) {
                return r.next() ? r.getLong(1) : 0L;
            }
        });
    }
}
