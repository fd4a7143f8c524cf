package com.sciaticachat.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Counts by UTC day: a kind (questions, status, section, helpful, not_helpful), a name within it ("" for
 * questions) and a number. Replicas add to the same rows; nothing a visitor wrote is kept here.
 */
public final class StatisticsStore {
    /** One count. */
    public record Count(LocalDate day, String kind, String name, long n) {}

    private final Database db;

    public StatisticsStore(Database db) {
        this.db = db;
    }

    /** Adds each count to what is kept, in one transaction. */
    public void add(List<Count> counts) {
        if (counts.isEmpty()) return;
        // rows locked in one order by every replica: two transactions never wait on each other in a circle
        List<Count> ordered = counts.stream().sorted(java.util.Comparator.comparing(Count::day).thenComparing(Count::kind)
                .thenComparing(Count::name)).toList();
        db.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE daily_count SET n = n + ? WHERE count_day = ? AND kind = ? AND name = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO daily_count (count_day, kind, name, n) VALUES (?, ?, ?, ?)")) {
                for (Count k : ordered) {
                    update.setLong(1, k.n());
                    update.setDate(2, Date.valueOf(k.day()));
                    update.setString(3, k.kind());
                    update.setString(4, k.name());
                    if (update.executeUpdate() > 0) continue;
                    insert.setDate(1, Date.valueOf(k.day()));
                    insert.setString(2, k.kind());
                    insert.setString(3, k.name());
                    insert.setLong(4, k.n());
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Adds counts, trying again once when another replica made the same new row at the same moment. */
    public void addRetrying(List<Count> counts) {
        try {
            add(counts);
        } catch (StoreException e) {
            add(counts);
        }
    }

    /** The counts of the days from {@code from} to {@code to}, both included. */
    public List<Count> between(LocalDate from, LocalDate to) {
        return db.call(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count_day, kind, name, n FROM daily_count WHERE count_day BETWEEN ? AND ?")) {
                s.setDate(1, Date.valueOf(from));
                s.setDate(2, Date.valueOf(to));
                List<Count> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) out.add(new Count(r.getDate(1).toLocalDate(), r.getString(2), r.getString(3), r.getLong(4)));
                }
                return out;
            }
        });
    }

    /** Drops days before {@code day}. */
    public void dropBefore(LocalDate day) {
        db.call(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM daily_count WHERE count_day < ?")) {
                s.setDate(1, Date.valueOf(day));
                return s.executeUpdate();
            }
        });
    }

    public boolean isEmpty() {
        return db.call(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM daily_count FETCH FIRST 1 ROWS ONLY"); ResultSet r = s.executeQuery()) {
                return !r.next();
            }
        });
    }

    /** Convenience for imports: one kind's counts of a day. */
    public static void addAll(List<Count> out, LocalDate day, String kind, Map<String, Integer> counts) {
        counts.forEach((name, n) -> out.add(new Count(day, kind, name, n)));
    }
}
