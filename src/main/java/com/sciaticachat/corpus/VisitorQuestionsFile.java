package com.sciaticachat.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Questions visitors asked, each filed by staff under the part of the guide that answers it
 * ({@code corpus/visitor-questions.txt}):
 * <pre>
 * [Symptoms]
 * my leg goes to sleep when i sit
 * [not covered]
 * can you help with tennis elbow
 * </pre>
 * A line in brackets names a section by its heading as written in the guide (or its id, as {@code eval}
 * shows it; the guide's title names its opening section); the questions below it are matched like the
 * section's alternate questions but never shown, and kept out of the guide's vocabulary (a visitor's typo
 * must not become a word the spelling corrector trusts). Questions under {@code [not covered]} are about
 * topics the guide does not cover and count like the lines of {@code out-of-scope.txt}. {@code #} starts a
 * note. Alternate questions in the Markdown are for phrasings staff write from a section's content; this
 * file is for the real questions, in their thousands, that the unanswered inbox and the clinic's desk
 * collect.
 */
public final class VisitorQuestionsFile {
    public static final String FILE_NAME = "visitor-questions.txt";
    /**
     * The questions shipped inside the chat for the guide it comes with, in this file's format: where the jar
     * keeps them, and their name among a corpus's settings (a name no file of the folder can have).
     */
    public static final String TRAINING = "training/visitor-questions.txt";
    /** The heading for questions about topics the guide does not cover. */
    public static final String NOT_COVERED = "not covered";
    static final int MAX_LENGTH = 300;

    private VisitorQuestionsFile() {}

    /** One question and the heading it is filed under, as written (null before the first heading). */
    public record Entry(String heading, String question, int line) {}

    /** A filed question and the file it is in: {@link #FILE_NAME} (the clinic's) or {@link #TRAINING} (shipped). */
    public record Filing(String file, Entry entry) {}

    /** Every filed question of a corpus: the clinic's, then the shipped training questions. */
    public static List<Filing> filings(Corpus corpus) {
        List<Filing> out = new ArrayList<>();
        for (String file : List.of(FILE_NAME, TRAINING)) {
            for (Entry e : entries(corpus.settingsFile(file))) out.add(new Filing(file, e));
        }
        return out;
    }

    /** How many questions each section has: its alternates, and the questions filed under it (clinic's and shipped). */
    public static Map<String, Integer> questionsPerSection(Corpus corpus) {
        Map<String, Integer> out = new HashMap<>();
        corpus.sections().forEach(s -> out.merge(s.id(), s.questions().size(), Integer::sum));
        Map<String, String> names = sectionNames(corpus);
        for (Filing f : filings(corpus)) {
            String id = isNotCovered(f.entry().heading()) ? null : sectionOf(names, f.entry().heading());
            if (id != null) out.merge(id, 1, Integer::sum);
        }
        return out;
    }

    /** The shipped training questions (those in {@code file} when given). */
    public static String training(java.nio.file.Path file) throws java.io.IOException {
        if (file != null) return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        try (java.io.InputStream in = VisitorQuestionsFile.class.getResourceAsStream("/" + TRAINING)) {
            if (in == null) throw new java.io.IOException("the jar has no /" + TRAINING);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The file's questions in order; lines in error are left out (see {@link #validate}). */
    public static List<Entry> entries(String text) {
        List<Entry> out = new ArrayList<>();
        String heading = null;
        for (Line line : lines(text)) {
            if (line.heading() != null) heading = line.heading();
            else if (heading != null && line.text().length() <= MAX_LENGTH) out.add(new Entry(heading, line.text(), line.number()));
        }
        return out;
    }

    /** A line that is not blank or a note: its number, its text stripped, and the heading it is, if it is one. */
    private record Line(int number, String text, String heading) {}

    /** The heading a line is, between [ and ] (stripped), or null when it is none. */
    private static String headingOf(String line) {
        String t = line.strip();
        return t.length() >= 2 && t.startsWith("[") && t.endsWith("]") ? t.substring(1, t.length() - 1).strip() : null;
    }

    private static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            out.add(new Line(i + 1, t, headingOf(t)));
        }
        return out;
    }

    /**
     * A visitor's question as it can be filed: on one line, and never read as a heading or a note; empty
     * when nothing is left or it is too long to file.
     */
    public static String fileable(String question) {
        String q = question.replaceAll("\\s+", " ").strip().replaceFirst("^[#\\[ ]+", "").replaceFirst("[\\] ]+$", "");
        return q.length() > MAX_LENGTH ? "" : q;
    }

    /** Whether the file already holds the question, case and spacing aside. */
    public static boolean holds(String text, String question) {
        String k = key(question);
        return entries(text).stream().anyMatch(e -> key(e.question()).equals(k));
    }

    /**
     * The file's text with the question added under the heading: at the end of that heading's block when the
     * file has one (the last, if several), else in a new block at the end.
     */
    public static String withQuestion(String text, String heading, String question) {
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        int insertAt = -1;
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            String h = headingOf(t);
            if (h != null) inBlock = Slugs.slug(h).equals(Slugs.slug(heading));
            // a heading written wrong ("[Opening Hours", its ] missing) still ends the block before it: what follows is not this heading's
            else if (t.startsWith("[")) inBlock = false;
            if (inBlock && !t.isEmpty() && !t.startsWith("#")) insertAt = i + 1;
        }
        if (insertAt >= 0) {
            lines.add(insertAt, question);
            return String.join("\n", lines);
        }
        StringBuilder sb = new StringBuilder(text);
        if (!text.isEmpty() && !text.endsWith("\n")) sb.append('\n');
        if (!text.isEmpty()) sb.append('\n');
        return sb.append('[').append(heading).append("]\n").append(question).append('\n').toString();
    }

    /** The text without the first line under {@code heading} (any block of it) that is the question, case and spacing aside. */
    public static String withoutQuestion(String text, String heading, String question) {
        for (Entry e : entries(text)) {
            if (Slugs.slug(e.heading()).equals(Slugs.slug(heading)) && key(e.question()).equals(key(question))) {
                return withoutEmptyHeadings(withoutLine(text, e.line()), heading);
            }
        }
        return text;
    }

    /** The text without the blocks of {@code heading} that file no question (nor a note): a heading left empty by an undo. */
    static String withoutEmptyHeadings(String text, String heading) {
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        for (int i = lines.size() - 1; i >= 0; i--) {
            String h = headingOf(lines.get(i));
            if (h == null || !Slugs.slug(h).equals(Slugs.slug(heading))) continue;
            int end = i + 1;
            while (end < lines.size() && lines.get(end).isBlank()) end++;
            boolean empty = end == lines.size() || headingOf(lines.get(end)) != null;
            if (!empty) continue;
            // the heading, and the blank line before it that set it apart
            lines.remove(i);
            if (i > 0 && lines.get(i - 1).isBlank()) lines.remove(i - 1);
        }
        return String.join("\n", lines);
    }

    /** The text without its line {@code number} (1-based). */
    public static String withoutLine(String text, int number) {
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        if (number >= 1 && number <= lines.size()) lines.remove(number - 1);
        return String.join("\n", lines);
    }

    /** The text with the heading on line {@code number} replaced: its questions are filed under another heading. */
    public static String withHeading(String text, int number, String heading) {
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
        if (number >= 1 && number <= lines.size()) lines.set(number - 1, "[" + heading + "]");
        return String.join("\n", lines);
    }

    /** Two writings of one question, case and spacing aside, have the same key. */
    public static String key(String question) {
        return question.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** Whether a heading is {@code [not covered]}, however it is capitalised or spaced. */
    public static boolean isNotCovered(String heading) {
        return Slugs.slug(heading).equals(Slugs.slug(NOT_COVERED));
    }

    /**
     * What each heading staff may write names: a section's id, the part of it after the document, the
     * slug of its heading, and a document's title or id for its opening section; then the former names of
     * renamed sections. A name two sections share maps to null (ambiguous).
     */
    public static Map<String, String> sectionNames(Corpus corpus) {
        Map<String, String> names = new HashMap<>();
        for (Document doc : corpus.documents()) {
            for (Section s : doc.sections()) {
                for (String k : SectionRenames.names(doc, s)) {
                    if (names.containsKey(k) && !s.id().equals(names.get(k))) names.put(k, null);
                    else names.put(k, s.id());
                }
            }
        }
        corpus.aliases().forEach(names::putIfAbsent);
        return names;
    }

    /** The section a heading names, or null when it names none (or several). */
    public static String sectionOf(Map<String, String> names, String heading) {
        String k = Slugs.slug(heading);
        return names.containsKey(k) ? names.get(k) : names.get(heading.strip().toLowerCase(Locale.ROOT));
    }

    /** The guide's section a mistyped heading most likely means ("Parkng": "Parking"): at most two letters apart, and only one such. */
    static java.util.Optional<Section> closest(Corpus corpus, String heading) {
        String typed = Slugs.slug(heading);
        Section found = null;
        int best = 3;
        boolean tie = false;
        for (Section s : corpus.sections()) {
            int d = distance(typed, Slugs.slug(s.title()), 3);
            if (d >= 3) continue;
            if (d < best) {
                best = d;
                found = s;
                tie = false;
            } else if (d == best && found != null && !found.title().equals(s.title())) {
                tie = true;
            }
        }
        return found == null || tie ? java.util.Optional.empty() : java.util.Optional.of(found);
    }

    /** Edit distance between two texts, or {@code limit} when it is at least that. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) return limit;
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], limit);
    }

    /**
     * Each line staff got wrong, with what to do about it. Questions under a heading the guide does not
     * have (any more), or that several sections share, are warnings: they wait for staff to file them
     * again and block nothing.
     */
    public static List<CorpusError> validate(String shownPath, String text, Corpus corpus) {
        List<CorpusError> errors = new ArrayList<>();
        Map<String, String> names = sectionNames(corpus);
        Map<String, Integer> seen = new LinkedHashMap<>();
        Map<Integer, Integer> waiting = new LinkedHashMap<>();
        Map<Integer, String> waitingHeading = new HashMap<>();
        String heading = null;
        int headingLine = 0;
        boolean headingOk = false;
        for (Line line : lines(text)) {
            int n = line.number();
            String t = line.text();
            if (line.heading() != null) {
                heading = line.heading();
                headingLine = n;
                headingOk = isNotCovered(heading) || sectionOf(names, heading) != null;
                if (heading.isEmpty()) {
                    errors.add(new CorpusError(shownPath, n, "this heading is empty; write a heading of the guide between the brackets, or [not covered]"));
                } else if (!headingOk) {
                    waitingHeading.put(n, heading);
                    waiting.put(n, 0);
                }
                continue;
            }
            if (t.startsWith("[") && !t.contains("]")) {
                errors.add(new CorpusError(shownPath, n, "this heading's closing ] is missing: write it as [" + t.substring(1).strip() + "]"));
            } else if (t.endsWith("]") && !t.contains("[")) {
                errors.add(new CorpusError(shownPath, n, "this heading's opening [ is missing: write it as [" + t.substring(0, t.length() - 1).strip() + "]"));
            } else if (t.startsWith("[") || t.endsWith("]")) {
                errors.add(new CorpusError(shownPath, n, "a heading is written on a line of its own, between [ and ]"));
            } else if (heading == null) {
                errors.add(new CorpusError(shownPath, n, "this question has no heading above it; put it under [the guide's heading that answers it]"));
            } else if (t.length() > MAX_LENGTH) {
                errors.add(new CorpusError(shownPath, n, "a question is at most " + MAX_LENGTH + " characters"));
            } else if (headingOk) {
                Integer first = seen.putIfAbsent(key(t), n);
                if (first != null) {
                    errors.add(CorpusError.warning(shownPath, n, "this question is already on line " + first + "; keep one of the two"));
                }
            } else if (!heading.isEmpty()) {
                waiting.merge(headingLine, 1, Integer::sum);
            }
        }
        waiting.forEach((n, count) -> {
            String h = waitingHeading.get(n);
            String what = count == 1 ? "1 question filed" : count + " questions filed";
            boolean shared = names.containsKey(Slugs.slug(h)); // the heading exists, but more than one section has it
            java.util.Optional<Section> meant = shared ? java.util.Optional.empty() : closest(corpus, h);
            errors.add(CorpusError.warning(shownPath, n, (shared
                    ? what + " under '" + h + "', a heading more than one section has, wait to be filed again: "
                            + "write the section's id as the console shows it"
                    : what + " under '" + h + "', a heading the guide does not have (any more), wait to be filed again: "
                            + meant.map(c -> "did you mean '" + c.title() + "'? ").orElse("")
                            + "pick their section in the staff console, or copy a heading from the guide")
                    + " (they are not used meanwhile)", new CorpusError.Fix("refile-heading", h, meant.map(Section::id).orElse(null), null)));
        });
        errors.sort(java.util.Comparator.comparingInt(CorpusError::line));
        return errors;
    }
}
