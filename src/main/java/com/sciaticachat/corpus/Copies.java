package com.sciaticachat.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Documents that repeat another document: a copy saved beside the original ("Clinic Info - Copy.md"), an
 * older version kept in a subfolder. Served together, two sections saying the same thing leave the chat
 * unsure which to answer from, and it answers neither; so a copy is left out, with a warning naming both
 * files (one named like a copy also when staff edited part of it). Of two documents that repeat each other, the
 * one kept is the one not named like a copy, then the one nearer the top of the folder, then the first by name.
 */
public final class Copies {
    /** Two sections say the same when this share of their three-word runs is common to both. */
    static final double SAME_SECTION = 0.8;
    /** A document is a copy when this share of its sections say the same as sections of one other document. */
    static final double COPY = 0.8;
    /**
     * A document named like a copy ("Clinic Info (copy).md") is one when this share says the same: staff edit a copy to try a
     * change, and served beside the original its edited section contradicts the original's (two opening hours).
     */
    static final double NAMED_COPY = 0.5;

    private static final Pattern COPY_NAME = Pattern.compile(
            "(?i).*(?:\\bcopy\\b|\\bcopie\\b|\\bkopie\\b|\\bcopia\\b|\\bbackup\\b|\\bbak\\b|\\bold\\b|\\(\\d+\\)|[ _-]\\d+\\.md$).*");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** The corpus without its copies, and a warning for each one left out. */
    public record Result(Corpus corpus, List<CorpusError> warnings) {}

    private Copies() {}

    public static Result setAside(Corpus corpus) {
        List<Document> byPreference = new ArrayList<>(corpus.documents());
        byPreference.sort(Comparator.comparing((Document d) -> COPY_NAME.matcher(d.file()).matches())
                .thenComparingInt(d -> d.file().split("/").length)
                .thenComparing(Document::file));
        List<Document> kept = new ArrayList<>();
        List<List<Set<String>>> keptRuns = new ArrayList<>();
        Set<Document> left = new HashSet<>();
        List<CorpusError> warnings = new ArrayList<>();
        for (Document d : byPreference) {
            List<Set<String>> runs = d.sections().stream().map(Copies::runs).toList();
            int original = -1, same = 0;
            double share = COPY_NAME.matcher(d.file()).matches() ? NAMED_COPY : COPY;
            for (int k = 0; k < kept.size() && original < 0; k++) {
                int n = repeated(runs, keptRuns.get(k));
                if (!runs.isEmpty() && n >= share * runs.size()) {
                    original = k;
                    same = n;
                }
            }
            if (original < 0) {
                kept.add(d);
                keptRuns.add(runs);
                continue;
            }
            left.add(d);
            warnings.add(CorpusError.warning(d.file(), 1, String.format(Locale.ROOT,
                    "this document repeats %s (%d of its %d sections say the same), so it is left out: with two copies the chat "
                            + "cannot tell which to answer from. Delete this copy, or move it out of the corpus folder; "
                            + "if it is the newer version, replace the other file with it", kept.get(original).file(), same, runs.size())));
        }
        if (left.isEmpty()) return new Result(corpus, List.of());
        List<Document> documents = corpus.documents().stream().filter(d -> !left.contains(d)).toList();
        return new Result(new Corpus(documents, corpus.settingsFiles(), corpus.fingerprint(), corpus.folder(), corpus.sources(),
                corpus.aliases()), warnings);
    }

    /** How many of a document's sections say the same as some section of the other. */
    private static int repeated(List<Set<String>> sections, List<Set<String>> other) {
        int n = 0;
        for (Set<String> s : sections) {
            for (Set<String> o : other) {
                if (same(s, o)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static boolean same(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return a.equals(b);
        int common = 0;
        for (String r : a) if (b.contains(r)) common++;
        return common >= SAME_SECTION * Math.max(a.size(), b.size());
    }

    /** A section's heading and text as the set of its runs of three words (its words alone when it has fewer). */
    private static Set<String> runs(Section s) {
        StringBuilder text = new StringBuilder(s.title());
        for (Block b : s.blocks()) text.append(' ').append(b.plainText());
        String[] w = NOT_A_LETTER.split(text.toString().toLowerCase(Locale.ROOT).strip());
        Set<String> out = new HashSet<>();
        if (w.length < 3) {
            out.add(String.join(" ", w));
            return out;
        }
        for (int i = 0; i + 2 < w.length; i++) out.add(w[i] + " " + w[i + 1] + " " + w[i + 2]);
        return out;
    }
}
