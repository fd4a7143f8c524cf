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

    public void add(Entry e) {
        db.call(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO feedback (created_at, question, section_id, helpful, visitor_comment) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, e.time());
                s.setString(2, e.question());
                s.setString(3, e.sectionId());
                s.setBoolean(4, e.helpful());
                if (e.comment() == null) s.setNull(5, Types.VARCHAR);
                else s.setString(5, e.comment());
                return s.executeUpdate();
            }
        });
    }

    /** The newest entries first, at most {@code limit}. */
    public List<Entry> newest(int limit) {
        return db.call(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT created_at, question, section_id, helpful, visitor_comment FROM feedback "
                    + "ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                s.setInt(1, limit);
                List<Entry> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) out.add(new Entry(r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4), r.getString(5)));
                }
                return out;
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
        return newest(1).isEmpty();
    }
}
