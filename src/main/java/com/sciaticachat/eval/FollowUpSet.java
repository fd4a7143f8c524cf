package com.sciaticachat.eval;

import com.sciaticachat.chat.ChatService;
import com.sciaticachat.chat.Reply;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Follow-up pairs: a first question and the section that answers it, then a follow-up that needs it and the
 * section that answers that ("-": none). Each follow-up is asked with the first turn as history, as the
 * widget sends it, with the first turn answered right (what the follow-up leans on is what was shown).
 * Columns (tab-separated): kind, first question, its section, follow-up, its section.
 */
public final class FollowUpSet {
    record Pair(String kind, String first, String firstSection, String followUp, String expected) {}

    /** Right follow-ups per kind, and in all. */
    public record Figures(Map<String, int[]> byKind, int right, int total, List<String> misses) {
        public double share() {
            return total == 0 ? Double.NaN : right / (double) total;
        }

        public double share(String kind) {
            int[] k = byKind.get(kind);
            return k == null || k[1] == 0 ? Double.NaN : k[0] / (double) k[1];
        }
    }

    private FollowUpSet() {}

    static List<Pair> read(Path file) throws IOException {
        List<Pair> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] c = line.split("\t", -1);
            if (c.length != 5) throw new IOException(file + ": a line without 5 columns: " + line);
            out.add(new Pair(c[0].strip(), c[1].strip(), c[2].strip(), c[3].strip(), c[4].strip()));
        }
        return out;
    }

    /** Asks every follow-up of the file; {@code withHistory} false asks it alone, as the widget once did. */
    public static Figures run(ChatService chat, Path file, boolean withHistory) throws IOException {
        Map<String, int[]> byKind = new TreeMap<>();
        int right = 0, total = 0;
        List<String> misses = new ArrayList<>();
        for (Pair p : read(file)) {
            List<ChatService.Turn> history = withHistory ? List.of(new ChatService.Turn(p.first(), p.firstSection())) : List.of();
            Reply r = chat.trace(p.followUp(), null, history).reply();
            boolean ok = p.expected().equals("-") ? r.status() == Reply.Status.NO_MATCH
                    : r.answer() != null && r.answer().sectionId().equals(p.expected());
            int[] k = byKind.computeIfAbsent(p.kind(), x -> new int[2]);
            k[1]++;
            total++;
            if (ok) {
                k[0]++;
                right++;
            } else {
                misses.add(p.kind() + ": " + p.first() + " [" + p.firstSection() + "] / " + p.followUp() + " -> "
                        + (r.answer() == null ? r.status().value() : r.answer().sectionId()) + " (expected " + p.expected() + ")");
            }
        }
        return new Figures(byKind, right, total, misses);
    }

    public static void print(Figures f, String name, PrintStream out) {
        out.printf(Locale.ROOT, "Follow-ups: %s (%d pairs)%n", name, f.total());
        f.byKind().forEach((kind, k) -> out.printf(Locale.ROOT, "  %-12s %3d of %3d  %5.1f%%%n", kind, k[0], k[1], 100.0 * k[0] / k[1]));
        out.printf(Locale.ROOT, "  right section: %.1f%%%n", 100 * f.share());
    }

    /** The pairs whose follow-up did not get its section: kind, both questions, what it got and what it should have. */
    public static void printMisses(Figures f, PrintStream out) {
        out.println("Misses:");
        f.misses().forEach(m -> out.println("  " + m));
    }
}
