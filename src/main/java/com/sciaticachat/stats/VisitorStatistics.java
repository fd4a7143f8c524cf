package com.sciaticachat.stats;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sciaticachat.store.StatisticsStore;
import com.sciaticachat.store.StatisticsStore.Count;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What visitors ask, counted by day (UTC): questions, replies by status, the sections answered from, and
 * the feedback each section got. Counts only, never a visitor's words. Each count is added to the store as
 * it happens (replicas add to the same rows), so a replica that dies holds none; counts the store refused
 * wait in memory and are added with the next ones. Days older than {@value #KEPT_DAYS} are dropped.
 */
public final class VisitorStatistics implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(VisitorStatistics.class);
    static final int KEPT_DAYS = 400;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTIONS = "questions", STATUS = "status", SECTION = "section", HELPFUL = "helpful",
            NOT_HELPFUL = "not_helpful";

    /** One day's counts. */
    public static final class Day {
        public int questions;
        public Map<String, Integer> statuses = new TreeMap<>();
        public Map<String, Integer> sections = new TreeMap<>();
        public Map<String, Integer> helpful = new TreeMap<>();
        public Map<String, Integer> notHelpful = new TreeMap<>();

        void add(String kind, String name, int n) {
            switch (kind) {
                case QUESTIONS -> questions += n;
                case STATUS -> statuses.merge(name, n, Integer::sum);
                case SECTION -> sections.merge(name, n, Integer::sum);
                case HELPFUL -> helpful.merge(name, n, Integer::sum);
                case NOT_HELPFUL -> notHelpful.merge(name, n, Integer::sum);
                default -> { } // a kind a newer version counts
            }
        }

        void addTo(List<Count> out, LocalDate day) {
            if (questions != 0) out.add(new Count(day, QUESTIONS, "", questions));
            StatisticsStore.addAll(out, day, STATUS, statuses);
            StatisticsStore.addAll(out, day, SECTION, sections);
            StatisticsStore.addAll(out, day, HELPFUL, helpful);
            StatisticsStore.addAll(out, day, NOT_HELPFUL, notHelpful);
        }
    }

    /** A section's figures over a range. */
    public record SectionFigures(String sectionId, int asked, int helpful, int notHelpful) {}

    /** The figures over a range of days: one row per day (empty days included), totals by status, sections most asked. */
    public record Report(LocalDate from, LocalDate to, List<Map<String, Object>> days, Map<String, Integer> statuses, int questions,
                         List<SectionFigures> sections) {}

    private final StatisticsStore store;
    private final Clock clock;
    /** Counts the store refused, to be added with the next ones. */
    private TreeMap<LocalDate, Day> pending = new TreeMap<>();
    private final ScheduledExecutorService writer;
    private boolean scheduled;
    private volatile LocalDate pruned;

    public VisitorStatistics(StatisticsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "statistics-writer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Moves the counts of an earlier version's file ({@code index/stats/visitor-statistics.json}) into an empty
     * store once; the file is kept beside as {@code .imported}. A file that cannot be read is left where it is.
     */
    public void importOnce(Path file) {
        if (!Files.exists(file) || !store.isEmpty()) return;
        try {
            Map<String, Day> read = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), new TypeReference<Map<String, Day>>() {});
            List<Count> counts = new ArrayList<>();
            read.forEach((d, day) -> day.addTo(counts, LocalDate.parse(d)));
            store.add(counts);
            Files.move(file, file.resolveSibling(file.getFileName() + ".imported"), StandardCopyOption.REPLACE_EXISTING);
            LOG.info("Imported the visitor statistics of {} days from {}", read.size(), file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("The visitor statistics in {} could not be imported ({}); they are left there and counting goes on", file, e.getMessage());
        }
    }

    /** A visitor's question got a reply of this status, from this section (or none). */
    public void asked(String status, String sectionId) {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<Count> counts = new ArrayList<>(List.of(new Count(day, QUESTIONS, "", 1), new Count(day, STATUS, status, 1)));
        if (sectionId != null) counts.add(new Count(day, SECTION, sectionId, 1));
        add(counts);
    }

    /** A visitor said an answer from this section helped, or not. */
    public void feedback(String sectionId, boolean helpful) {
        add(List.of(new Count(LocalDate.now(clock.withZone(ZoneOffset.UTC)), helpful ? HELPFUL : NOT_HELPFUL, sectionId, 1)));
    }

    private void add(List<Count> counts) {
        try {
            store.addRetrying(counts);
            LocalDate day = counts.get(0).day();
            if (!day.equals(pruned)) {
                // once a day: days past the kept ones leave the store
                pruned = day;
                store.dropBefore(day.minusDays(KEPT_DAYS));
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                boolean first = pending.isEmpty();
                counts.forEach(c -> tally(pending, c));
                changed();
                if (first) LOG.error("Could not add to the visitor statistics (kept in memory, added again in a moment): {}", e.getMessage());
            }
        }
    }

    /** The counts of a range: what the store holds (every replica's) and what it refused from this one. */
    private synchronized TreeMap<LocalDate, Day> days(LocalDate from, LocalDate to) {
        TreeMap<LocalDate, Day> days = new TreeMap<>();
        store.between(from, to).forEach(c -> tally(days, c));
        List<Count> unwritten = new ArrayList<>();
        pending.subMap(from, true, to, true).forEach((d, day) -> day.addTo(unwritten, d));
        unwritten.forEach(c -> tally(days, c));
        return days;
    }

    /** Adds one count to the day it belongs to. */
    private static void tally(Map<LocalDate, Day> days, Count c) {
        days.computeIfAbsent(c.day(), k -> new Day()).add(c.kind(), c.name(), (int) c.n());
    }

    public Report report(LocalDate from, LocalDate to) {
        TreeMap<LocalDate, Day> days = days(from, to);
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, int[]> sections = new LinkedHashMap<>();
        int total = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Day day = days.get(d);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", d.toString());
            row.put("questions", day == null ? 0 : day.questions);
            row.put("statuses", day == null ? Map.of() : day.statuses);
            rows.add(row);
            if (day == null) continue;
            total += day.questions;
            day.statuses.forEach((k, v) -> statuses.merge(k, v, Integer::sum));
            day.sections.forEach((k, v) -> sections.computeIfAbsent(k, x -> new int[3])[0] += v);
            day.helpful.forEach((k, v) -> sections.computeIfAbsent(k, x -> new int[3])[1] += v);
            day.notHelpful.forEach((k, v) -> sections.computeIfAbsent(k, x -> new int[3])[2] += v);
        }
        List<SectionFigures> bySection = new ArrayList<>();
        sections.forEach((k, v) -> bySection.add(new SectionFigures(k, v[0], v[1], v[2])));
        bySection.sort(Comparator.comparingInt(SectionFigures::asked).thenComparingInt(s -> s.helpful() + s.notHelpful()).reversed()
                .thenComparing(SectionFigures::sectionId));
        return new Report(from, to, rows, statuses, total, bySection);
    }

    /** The day-by-day counts of a range as CSV: date, questions, then one column per status. */
    public String csv(LocalDate from, LocalDate to, List<String> statusNames) {
        TreeMap<LocalDate, Day> days = days(from, to);
        StringBuilder out = new StringBuilder("date,questions");
        statusNames.forEach(s -> out.append(',').append(s));
        out.append(",helpful,not_helpful\n");
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Day day = days.get(d);
            out.append(d).append(',').append(day == null ? 0 : day.questions);
            for (String s : statusNames) out.append(',').append(day == null ? 0 : day.statuses.getOrDefault(s, 0));
            out.append(',').append(day == null ? 0 : day.helpful.values().stream().mapToInt(Integer::intValue).sum());
            out.append(',').append(day == null ? 0 : day.notHelpful.values().stream().mapToInt(Integer::intValue).sum()).append('\n');
        }
        return out.toString();
    }

    private void changed() {
        if (scheduled) return;
        scheduled = true;
        writer.schedule(this::flushQuietly, 2, TimeUnit.SECONDS);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            synchronized (this) {
                changed();
            }
        }
    }

    /**
     * Adds the counts the store refused before; on failure they stay for the next try. Holds the lock while
     * writing, so a report never counts them twice or misses them.
     */
    public synchronized void flush() {
        scheduled = false;
        if (!pending.isEmpty()) {
            List<Count> counts = new ArrayList<>();
            pending.forEach((d, day) -> day.addTo(counts, d));
            store.addRetrying(counts);
            pending = new TreeMap<>();
            LOG.info("The visitor statistics kept in memory are in the store again");
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
        flush();
    }
}
