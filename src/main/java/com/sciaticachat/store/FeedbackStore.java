package com.sciaticachat.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Visitors' feedback on answers, newest kept. The caller scrubs the question and comment first. */
public final class FeedbackStore {
    /** One visitor's feedback. */
    public record Entry(String time, String question, String sectionId, boolean helpful, String comment) {}

    private final Database db;

    public FeedbackStore(Database db) {
        this.db = db;
    }

    /** Keeps an entry; {@code commentKey} (or null) lets a comment follow it once ({@link #comment}). */
    public void add(Entry e, String commentKey) {
        db.call(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO feedback (created_at, question, section_id, helpful, visitor_comment, comment_key) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, e.time());
                s.setString(2, e.question());
                s.setString(3, e.sectionId());
                s.setBoolean(4, e.helpful());
                if (e.comment() == null) s.setNull(5, Types.VARCHAR);
                else s.setString(5, e.comment());
                if (commentKey == null) s.setNull(6, Types.VARCHAR);
                else s.setString(6, commentKey);
                return s.executeUpdate();
            }
        });
    }

    /**
     * The newest entries first, at most {@code limit}; with {@code from} and {@code before} (ISO instants, null
     * for no bound) only those made from the one and before the other.
     */
    public List<Entry> newest(int limit, String from, String before) {
        return db.call(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT created_at, question, section_id, helpful, visitor_comment FROM feedback "
                    + "WHERE created_at >= ? AND created_at < ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                s.setString(1, from == null ? "" : from);
                s.setString(2, before == null ? "~" : before);
                s.setInt(3, limit);
                List<Entry> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) out.add(new Entry(r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4), r.getString(5)));
                }
                return out;
            }
        });
    }

    /** Adds the comment to the entry kept with this key; false when there is none (or it has its comment). */
    public boolean comment(String commentKey, String comment) {
        return db.call(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE feedback SET visitor_comment = ?, comment_key = NULL WHERE comment_key = ?")) {
                s.setString(1, comment);
                s.setString(2, commentKey);
                return s.executeUpdate() > 0;
            }
        });
    }

    /** Keeps only the newest {@code kept} entries. */
    public void trim(int kept) {
        db.call(c -> {
            long newest;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(id) FROM feedback")) {
                r.next();
                newest = r.getLong(1);
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM feedback WHERE id <= ?")) {
                s.setLong(1, newest - kept);
                return s.executeUpdate();
            }
        });
    }

    public boolean isEmpty() {
        return newest(1, null, null).isEmpty();
    }
}
