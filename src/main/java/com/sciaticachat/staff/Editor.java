package com.sciaticachat.staff;

import com.sciaticachat.corpus.CorpusError;
import com.sciaticachat.corpus.CorpusLoader;
import com.sciaticachat.corpus.VisitorQuestionsFile;

import com.sciaticachat.analysis.OutOfScopeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The staff console's writes to the corpus: the same files, checked the same way as an edit in a text
 * editor, never lost. Each write names the version of the file it was based on and is refused when the
 * file changed since (someone saved it meanwhile); the file is replaced whole, atomically; then the corpus
 * is reloaded and the outcome says whether the change is live, and if not, why.
 */
public final class Editor {

    /** Reloads the corpus and returns the mistakes found in it, if any. */
    @FunctionalInterface
    public interface Reloader {
        List<CorpusError> reload();
    }

    /** The file changed on disk since the version the write was based on. */
    public static final class StaleVersionException extends Exception {
        public StaleVersionException(String file) {
            super(file + " was changed since the console read it (saved in an editor, or from another console); "
                    + "nothing was written: look again, then repeat the change.");
        }
    }

    /**
     * What a write did: whether the file changed, its version now, and the mistakes that keep it from
     * going live (none: it is live).
     */
    public record Outcome(boolean changed, String version, List<CorpusError> problems) {
        public boolean live() {
            return problems.isEmpty();
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final Path dir;
    private final Path journal;
    private final Reloader reloader;

    /**
     * {@code journal}: where the console's filings are remembered (one JSON line each), so that a filing that
     * later disappears from the file (saved over from an older copy in an editor) is noticed; null for none.
     */
    public Editor(Path dir, Path journal, Reloader reloader) {
        this.dir = dir;
        this.journal = journal;
        this.reloader = reloader;
    }

    /** A filing made from the console: the question and the heading it went under. */
    private record Filed(String heading, String question, String time) {}

    /**
     * The console's filings that are no longer in visitor-questions.txt although nobody undid them: the
     * file was saved over, most likely from a copy opened in an editor before the filing.
     */
    public synchronized List<CorpusError> lost() throws IOException {
        Path file = dir.resolve(VisitorQuestionsFile.FILE_NAME);
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String shown = CorpusLoader.shownPath(dir, file);
        List<CorpusError> out = new java.util.ArrayList<>();
        for (Filed f : remembered().values()) {
            if (VisitorQuestionsFile.holds(text, f.question())) continue;
            out.add(CorpusError.warning(shown, 0, "'" + f.question() + "', filed under [" + f.heading() + "] from the console ("
                    + f.time().substring(0, Math.min(16, f.time().length())).replace('T', ' ') + " UTC), is no longer in this file: "
                    + "it was probably saved from a copy opened before the filing; file it again, or forget it",
                    new CorpusError.Fix("refile", f.question(), null, f.heading())));
        }
        return out;
    }

    /**
     * Stops watching for every filing that is no longer in the file: staff restored or published a version
     * without them on purpose, so they are not "lost".
     */
    public synchronized void forgetLost() throws IOException {
        for (CorpusError e : lost()) forget(e.fix().text());
    }

    /** Stops watching for a filing (staff chose to let it go). */
    public synchronized void forget(String question) throws IOException {
        note("forget", "", question);
    }

    /** The filings made from the console and not undone or forgotten, by question. */
    private java.util.Map<String, Filed> remembered() throws IOException {
        java.util.Map<String, Filed> out = new java.util.LinkedHashMap<>();
        if (journal == null || !Files.exists(journal)) return out;
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            try {
                com.fasterxml.jackson.databind.JsonNode e = JSON.readTree(line);
                String q = VisitorQuestionsFile.key(e.path("question").asText());
                if (e.path("type").asText().equals("filed")) out.put(q, new Filed(e.path("heading").asText(), e.path("question").asText(), e.path("time").asText()));
                else out.remove(q);
            } catch (IOException | RuntimeException ignored) {
                // a torn line: that filing is simply not watched
            }
        }
        return out;
    }

    private void note(String type, String heading, String question) throws IOException {
        if (journal == null) return;
        Files.createDirectories(journal.toAbsolutePath().getParent());
        String line = JSON.writeValueAsString(java.util.Map.of("type", type, "heading", heading, "question", question,
                "time", java.time.Instant.now().toString())) + "\n";
        Files.writeString(journal, line, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** A short fingerprint of a settings file as it is on disk now ("" when there is none). */
    public String version(String fileName) throws IOException {
        Path file = dir.resolve(fileName);
        return Files.exists(file) ? fingerprint(Files.readAllBytes(file)) : "";
    }

    /** Files a visitor's question under a heading (or {@code not covered}), at the end of that heading's block. */
    public synchronized Outcome file(String heading, String question, String basedOn) throws IOException, StaleVersionException {
        Outcome o = change(VisitorQuestionsFile.FILE_NAME, basedOn,
                text -> VisitorQuestionsFile.holds(text, question) ? text : VisitorQuestionsFile.withQuestion(text, heading, question));
        if (o.changed()) note("filed", heading, question);
        return o;
    }

    /**
     * Takes a filing back out (undo), from the file as it is now: the question under its heading is found by its words, so
     * an edit saved meanwhile elsewhere in the file does not stand in the way (nor is it lost).
     */
    public synchronized Outcome unfile(String heading, String question) throws IOException {
        Outcome o;
        try {
            o = change(VisitorQuestionsFile.FILE_NAME, null, text -> VisitorQuestionsFile.withoutQuestion(text, heading, question));
        } catch (StaleVersionException e) {
            throw new IllegalStateException("no version was asked for", e);
        }
        note("undone", heading, question);
        return o;
    }

    /** Moves one filed question (on its line) under another heading. */
    public synchronized Outcome move(int line, String question, String heading, String basedOn) throws IOException, StaleVersionException {
        return change(VisitorQuestionsFile.FILE_NAME, basedOn, text -> {
            List<VisitorQuestionsFile.Entry> at = VisitorQuestionsFile.entries(text).stream().filter(e -> e.line() == line).toList();
            if (at.isEmpty() || !VisitorQuestionsFile.key(at.get(0).question()).equals(VisitorQuestionsFile.key(question))) return text;
            return VisitorQuestionsFile.withQuestion(VisitorQuestionsFile.withoutLine(text, line), heading, question);
        });
    }

    /** Files every question under the heading on {@code line} under another heading instead. */
    public synchronized Outcome refileHeading(int line, String oldHeading, String heading, String basedOn)
            throws IOException, StaleVersionException {
        return change(VisitorQuestionsFile.FILE_NAME, basedOn, text -> {
            String[] lines = text.split("\r\n|\r|\n", -1);
            if (line < 1 || line > lines.length || !lines[line - 1].strip().equals("[" + oldHeading + "]")) return text;
            return VisitorQuestionsFile.withHeading(text, line, heading);
        });
    }

    /** Deletes a topic from out-of-scope.txt (its line, when it still says {@code topic}). */
    public synchronized Outcome dropTopic(int line, String topic, String basedOn) throws IOException, StaleVersionException {
        return change(OutOfScopeFile.FILE_NAME, basedOn, text -> OutOfScopeFile.lines(text).stream()
                .anyMatch(t -> t.line() == line && t.text().equals(topic.strip())) ? VisitorQuestionsFile.withoutLine(text, line) : text);
    }

    private Outcome change(String fileName, String basedOn, UnaryOperator<String> edit) throws IOException, StaleVersionException {
        Path file = dir.resolve(fileName);
        byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        if (basedOn != null && !basedOn.equals(Files.exists(file) ? fingerprint(bytes) : "")) {
            throw new StaleVersionException(CorpusLoader.shownPath(dir, file));
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String edited = edit.apply(text);
        if (edited.equals(text)) return new Outcome(false, fingerprint(bytes), problems(file));
        // the temporary file ends in .tmp, which is never part of the corpus: the watcher never reads half a file
        Path tmp = file.resolveSibling(fileName + ".tmp");
        Files.writeString(tmp, edited, StandardCharsets.UTF_8);
        Replace.with(tmp, file);
        return new Outcome(true, fingerprint(edited.getBytes(StandardCharsets.UTF_8)), problems(file));
    }

    /** Reloads, and keeps the mistakes that are about this file. */
    private List<CorpusError> problems(Path file) {
        String shown = CorpusLoader.shownPath(dir, file);
        return reloader.reload().stream().filter(e -> !e.warning() && e.file().equals(shown)).toList();
    }

    static String fingerprint(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
