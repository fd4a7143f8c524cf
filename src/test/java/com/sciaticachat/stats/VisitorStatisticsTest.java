package com.sciaticachat.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import com.sciaticachat.store.Database;
import com.sciaticachat.store.StatisticsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily counts behind the console's charts: counted by day, reported over a range, kept across restarts. */
class VisitorStatisticsTest {
    @TempDir
    Path dir;

    private static Clock at(String day) {
        return Clock.fixed(Instant.parse(day + "T10:00:00Z"), ZoneOffset.UTC);
    }

    private final List<Database> opened = new java.util.ArrayList<>();

    private StatisticsStore store() {
        Database db = Database.open(Database.Settings.EMBEDDED, dir.resolve("store"));
        opened.add(db);
        return new StatisticsStore(db);
    }

    @org.junit.jupiter.api.AfterEach
    void closeStores() {
        opened.forEach(Database::close);
    }

    @Test
    void counts_by_day_and_section_survive_a_restart_and_come_out_as_a_report_and_csv() throws Exception {
        try (VisitorStatistics s = new VisitorStatistics(store(), at("2026-11-30"))) {
            s.asked("answered", "guide/causes");
            s.asked("answered", "guide/causes");
            s.asked("no_match", null);
            s.feedback("guide/causes", true);
            s.feedback("guide/causes", false);
        }
        opened.remove(0).close();
        try (VisitorStatistics s = new VisitorStatistics(store(), at("2026-12-02"))) {
            s.asked("urgent", null);
            VisitorStatistics.Report r = s.report(LocalDate.parse("2026-11-29"), LocalDate.parse("2026-12-02"));
            assertEquals(4, r.questions());
            assertEquals(4, r.days().size(), "every day of the range, empty ones too");
            assertEquals(0, r.days().get(0).get("questions"));
            assertEquals(3, r.days().get(1).get("questions"));
            assertEquals(2, r.statuses().get("answered"));
            assertEquals(1, r.statuses().get("urgent"));
            assertEquals(List.of(new VisitorStatistics.SectionFigures("guide/causes", 2, 1, 1)), r.sections());
            String csv = s.csv(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-01"), List.of("answered", "no_match", "urgent"));
            assertEquals("date,questions,answered,no_match,urgent,helpful,not_helpful\n2026-11-30,3,2,1,0,1,1\n2026-12-01,0,0,0,0,0,0\n", csv);
            assertEquals(0, s.report(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02")).questions());
        }
    }

    @Test
    void replicas_add_to_the_same_counts() throws Exception {
        StatisticsStore shared = store();
        try (VisitorStatistics a = new VisitorStatistics(shared, at("2026-12-02")); VisitorStatistics b = new VisitorStatistics(shared, at("2026-12-02"))) {
            a.asked("answered", "guide/causes");
            b.asked("answered", "guide/causes");
            b.asked("urgent", null);
            a.flush();
            b.flush();
            VisitorStatistics.Report r = a.report(LocalDate.parse("2026-12-02"), LocalDate.parse("2026-12-02"));
            assertEquals(3, r.questions(), "A reports B's questions too");
            assertEquals(List.of(new VisitorStatistics.SectionFigures("guide/causes", 2, 0, 0)), r.sections());
        }
    }

    @Test
    void an_earlier_versions_file_is_imported_once_and_a_damaged_one_is_left_alone() throws Exception {
        Path file = dir.resolve("visitor-statistics.json");
        Files.writeString(file, "{\"2026-11-30\":{\"questions\":2,\"statuses\":{\"answered\":2},\"sections\":{\"guide/causes\":2},"
                + "\"helpful\":{},\"notHelpful\":{}}}", StandardCharsets.UTF_8);
        Path damaged = dir.resolve("other/visitor-statistics.json");
        Files.createDirectories(damaged.getParent());
        Files.writeString(damaged, "{ not json", StandardCharsets.UTF_8);
        try (VisitorStatistics s = new VisitorStatistics(store(), at("2026-12-02"))) {
            s.importOnce(damaged);
            assertTrue(Files.exists(damaged), "left where it is");
            s.importOnce(file);
            s.importOnce(file);
            s.asked("answered", "guide/causes");
            assertEquals(3, s.report(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-02")).questions(), "imported once");
            assertTrue(Files.exists(dir.resolve("visitor-statistics.json.imported")));
        }
    }
}
