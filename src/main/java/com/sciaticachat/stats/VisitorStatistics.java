package com.sciaticachat.stats;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * the feedback each section got. Counts only, never a visitor's words. Kept in one JSON file, written
 * (atomically) a few seconds after a change and on close, so the counts survive restarts; days older than
 * {@value #KEPT_DAYS} are dropped.
 */
public final class VisitorStatistics implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(VisitorStatistics.class);
    static final int KEPT_DAYS = 400;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One day's counts. */
    public static final class Day {
        public int questions;
        public Map<String, Integer> statuses = new TreeMap<>();
        public Map<String, Integer> sections = new TreeMap<>();
        public Map<String, Integer> helpful = new TreeMap<>();
        public Map<String, Integer> notHelpful = new TreeMap<>();
    }

    /** A section's figures over a range. */
    public record SectionFigures(String sectionId, int asked, int helpful, int notHelpful) {}

    /** The figures over a range of days: one row per day (empty days included), totals by status, sections most asked. */
    public record Report(LocalDate from, LocalDate to, List<Map<String, Object>> days, Map<String, Integer> statuses, int questions,
                         List<SectionFigures> sections) {}

    private final Path file;
    private final Clock clock;
    private final TreeMap<LocalDate, Day> days = new TreeMap<>();
    private final ScheduledExecutorService writer;
    private boolean dirty;
    private boolean scheduled;

    public VisitorStatistics(Path file, Clock clock) throws IOException {
        this.file = file;
        this.clock = clock;
        if (Files.exists(file)) {
            try {
                Map<String, Day> read = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), new TypeReference<Map<String, Day>>() {});
                read.forEach((d, counts) -> days.put(LocalDate.parse(d), counts));
            } catch (IOException | RuntimeException e) {
                // a damaged file is set aside, not lost, and counting starts again
                Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + clock.millis());
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                LOG.warn("The visitor statistics in {} could not be read ({}); kept as {} and counting anew", file, e.getMessage(), aside);
            }
        }
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "statistics-writer");
            t.setDaemon(true);
            return t;
        });
    }

    private Day today() {
        LocalDate d = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Day day = days.computeIfAbsent(d, k -> new Day());
        while (days.size() > KEPT_DAYS) days.pollFirstEntry();
        return day;
    }

    /** A visitor's question got a reply of this status, from this section (or none). */
    public synchronized void asked(String status, String sectionId) {
        Day d = today();
        d.questions++;
        d.statuses.merge(status, 1, Integer::sum);
        if (sectionId != null) d.sections.merge(sectionId, 1, Integer::sum);
        changed();
    }

    /** A visitor said an answer from this section helped, or not. */
    public synchronized void feedback(String sectionId, boolean helpful) {
        Day d = today();
        (helpful ? d.helpful : d.notHelpful).merge(sectionId, 1, Integer::sum);
        changed();
    }

    public synchronized Report report(LocalDate from, LocalDate to) {
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
    public synchronized String csv(LocalDate from, LocalDate to, List<String> statusNames) {
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
        dirty = true;
        if (scheduled) return;
        scheduled = true;
        writer.schedule(this::flushQuietly, 2, TimeUnit.SECONDS);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not write the visitor statistics to {}: {}", file, e.toString());
        }
    }

    /** Writes the counts now, when they changed. */
    public synchronized void flush() throws IOException {
        scheduled = false;
        if (!dirty) return;
        Map<String, Day> out = new LinkedHashMap<>();
        days.forEach((d, c) -> out.put(d.toString(), c));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(out), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        dirty = false;
    }

    @Override
    public void close() throws IOException {
        writer.shutdownNow();
        flush();
    }
}
