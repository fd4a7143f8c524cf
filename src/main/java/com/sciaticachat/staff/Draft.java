package com.sciaticachat.staff;

import com.sciaticachat.corpus.CorpusError;
import com.sciaticachat.corpus.CorpusLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The console's draft of the corpus: a copy of the corpus folder that staff edit, try questions against and
 * then publish whole, or discard. Visitors never see it. Each file of the draft remembers the version of
 * the live file it started from; publishing is refused when a live file changed since (saved in an editor,
 * or published from another console), so no edit is ever lost by being written over.
 */
public final class Draft {

    /** Checks a folder as the live corpus is checked: the mistakes a reload of it would find. */
    @FunctionalInterface
    public interface Checker {
        List<CorpusError> check(Path folder);
    }

    /** What the draft changes against the live corpus. */
    public record Change(String file, Kind kind, boolean liveChangedSince) {
        public enum Kind { ADDED, CHANGED, DELETED }
    }

    /** A file of the corpus as the console shows it: its path in the folder, version, and whether the draft changes it. */
    public record File(String name, String version, Change.Kind draft) {}

    /** The file's text has mistakes: nothing was saved. */
    public static final class InvalidException extends Exception {
        private final List<CorpusError> errors;

        InvalidException(List<CorpusError> errors) {
            super(errors.isEmpty() ? "not a corpus file" : errors.get(0).toString());
            this.errors = List.copyOf(errors);
        }

        public List<CorpusError> errors() {
            return errors;
        }
    }

    /** A name the corpus cannot hold ("../x.md", "notes.docx", ".hidden.md"). */
    public static final class BadNameException extends Exception {
        BadNameException(String message) {
            super(message);
        }
    }

    private static final String BASE_FILE = "draft-base.properties";
    /** Who changed the draft, one name per line, so its publication credits each of them. */
    private static final String AUTHORS_FILE = "draft-authors.txt";
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]{0,80}(/[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]{0,80}){0,3}");

    private final Path live;
    private final Path root;
    private final Set<String> settingsFiles;
    private final Checker checker;

    /**
     * @param live          the corpus folder visitors are answered from
     * @param root          where the draft lives (under the index folder: never part of the corpus)
     * @param settingsFiles the names of the corpus's settings files (besides Markdown documents)
     */
    public Draft(Path live, Path root, Set<String> settingsFiles, Checker checker) {
        this.live = live;
        this.root = root;
        this.settingsFiles = Set.copyOf(settingsFiles);
        this.checker = checker;
    }

    /** The draft's corpus folder; named as the live one, so mistakes name files as staff know them. */
    public Path folder() {
        Path name = live.toAbsolutePath().normalize().getFileName();
        return root.resolve(name == null ? "corpus" : name.toString());
    }

    public synchronized boolean exists() {
        return Files.isDirectory(folder()) && Files.isRegularFile(root.resolve(BASE_FILE));
    }

    /** The corpus's files as the console edits them: the draft's when there is one, else the live ones. */
    public synchronized List<File> files() throws IOException {
        Map<String, Change.Kind> changed = new TreeMap<>();
        if (exists()) for (Change c : changes()) changed.put(c.file(), c.kind());
        Path from = exists() ? folder() : live;
        List<File> out = new ArrayList<>();
        for (String name : names(from)) out.add(new File(name, fingerprint(from.resolve(name)), changed.get(name)));
        for (Map.Entry<String, Change.Kind> e : changed.entrySet()) {
            if (e.getValue() == Change.Kind.DELETED) out.add(new File(e.getKey(), "", Change.Kind.DELETED));
        }
        out.sort(Comparator.comparing(File::name));
        return out;
    }

    /** A file's text as the console edits it (the draft's, else the live one), or null when there is none. */
    public synchronized String read(String name) throws IOException, BadNameException {
        Path file = (exists() ? folder() : live).resolve(checked(name));
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    /**
     * Saves a file into the draft (starting one when there is none) after checking it as a reload would:
     * when the text has mistakes nothing is saved. {@code basedOn} is the version the console was showing
     * ("" for a new file); a save based on an older version is refused.
     *
     * @param text the file's new text, or null to delete the file
     */
    public synchronized void save(String name, String text, String basedOn) throws IOException, BadNameException, InvalidException,
            Editor.StaleVersionException {
        String rel = checked(name);
        Path source = exists() ? folder() : live;
        Path current = source.resolve(rel);
        String now = Files.isRegularFile(current) ? fingerprint(current) : "";
        if (basedOn != null && !basedOn.equals(now)) throw new Editor.StaleVersionException(CorpusLoader.shownPath(source, current));
        if (text != null) {
            // checked in a scratch copy first: the draft only ever holds files that would go live
            Path scratch = root.resolve("check").resolve(folder().getFileName().toString());
            deleteTree(scratch.getParent());
            copyTree(source, scratch);
            Path candidate = scratch.resolve(rel);
            Files.createDirectories(candidate.getParent());
            Files.writeString(candidate, text, StandardCharsets.UTF_8);
            String shown = CorpusLoader.shownPath(scratch, candidate);
            List<CorpusError> errors = checker.check(scratch).stream().filter(e -> !e.warning() && e.file().equals(shown)).toList();
            deleteTree(scratch.getParent());
            if (!errors.isEmpty()) throw new InvalidException(errors.stream().map(Draft::forTheDraft).toList());
        }
        start();
        Path file = folder().resolve(rel);
        if (text == null) {
            Files.deleteIfExists(file);
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A reload's mistake, worded for a draft: nothing is served from a draft, so what a reload would serve meanwhile is left out. */
    private static CorpusError forTheDraft(CorpusError e) {
        String m = e.message().replaceAll("\\s*\\((?:this file is not served until it is fixed|the last good version)[^)]*\\)\\s*$", "");
        return new CorpusError(e.file(), e.line(), m, e.warning(), e.fix());
    }

    /** Renames a document in the draft (its text moves to the new name). {@code basedOn}: the version the console showed. */
    public synchronized void rename(String from, String to, String basedOn) throws IOException, BadNameException, InvalidException,
            Editor.StaleVersionException {
        String text = read(from);
        if (text == null) throw new BadNameException("There is no file '" + from + "' to rename");
        if (!CorpusLoader.isDocument(checked(to)) || !CorpusLoader.isDocument(checked(from))) throw new BadNameException("Only documents (.md) can be renamed");
        if (read(to) != null) throw new BadNameException("'" + to + "' already exists: choose another name");
        Path source = exists() ? folder() : live;
        if (basedOn != null && !basedOn.equals(fingerprint(source.resolve(checked(from))))) {
            throw new Editor.StaleVersionException(CorpusLoader.shownPath(source, source.resolve(checked(from))));
        }
        save(to, text, "");
        save(from, null, null);
    }

    /** What the draft changes, file by file; none when there is no draft. */
    public synchronized List<Change> changes() throws IOException {
        if (!exists()) return List.of();
        Properties base = base();
        Set<String> all = new TreeSet<>(names(folder()));
        base.stringPropertyNames().forEach(all::add);
        List<Change> out = new ArrayList<>();
        for (String name : all) {
            String started = base.getProperty(name, "");
            Path mine = folder().resolve(name);
            String draft = Files.isRegularFile(mine) ? fingerprint(mine) : "";
            if (draft.equals(started)) continue;
            Path theirs = live.resolve(name);
            String liveNow = Files.isRegularFile(theirs) ? fingerprint(theirs) : "";
            Change.Kind kind = started.isEmpty() ? Change.Kind.ADDED : draft.isEmpty() ? Change.Kind.DELETED : Change.Kind.CHANGED;
            out.add(new Change(name, kind, !liveNow.equals(started)));
        }
        return out;
    }

    /**
     * Writes the draft's changes into the live corpus (each file replaced atomically, deleted files
     * removed) and drops the draft. Refused, with nothing written, when a live file the draft changes was
     * changed since the draft copied it.
     *
     * @return the changes written
     */
    public synchronized List<Change> publish() throws IOException, Editor.StaleVersionException {
        List<Change> changes = changes();
        for (Change c : changes) {
            if (c.liveChangedSince()) throw new Editor.StaleVersionException(CorpusLoader.shownPath(live, live.resolve(c.file())));
        }
        for (Change c : changes) {
            Path target = live.resolve(c.file());
            if (c.kind() == Change.Kind.DELETED) {
                Files.deleteIfExists(target);
                continue;
            }
            Files.createDirectories(target.getParent());
            // ends in .tmp, which the corpus never reads: the watcher never sees half a file
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.copy(folder().resolve(c.file()), tmp, StandardCopyOption.REPLACE_EXISTING);
            Replace.with(tmp, target);
        }
        discard();
        return changes;
    }

    /** Notes that this person changed the draft (nothing when there is no draft). */
    public synchronized void contributed(String name) throws IOException {
        if (!exists() || name == null || name.isBlank()) return;
        List<String> names = new ArrayList<>(contributors());
        if (names.contains(name.strip())) return;
        names.add(name.strip());
        Files.write(root.resolve(AUTHORS_FILE), names, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Who changed the draft, in the order they first did. */
    public synchronized List<String> contributors() throws IOException {
        Path file = root.resolve(AUTHORS_FILE);
        if (!exists() || !Files.exists(file)) return List.of();
        return Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    /** Drops the draft. */
    public synchronized void discard() throws IOException {
        deleteTree(root.resolve(AUTHORS_FILE));
        deleteTree(root.resolve(BASE_FILE));
        deleteTree(folder());
    }

    private void start() throws IOException {
        if (exists()) return;
        deleteTree(folder());
        copyTree(live, folder());
        Properties base = new Properties();
        for (String name : names(live)) base.setProperty(name, fingerprint(live.resolve(name)));
        Files.createDirectories(root);
        try (var out = Files.newBufferedWriter(root.resolve(BASE_FILE), StandardCharsets.UTF_8)) {
            base.store(out, "the live corpus's files when this draft began");
        }
    }

    private Properties base() throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(root.resolve(BASE_FILE), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    /** A file name the corpus can hold: a Markdown document or a settings file, inside the folder, not hidden. */
    private String checked(String name) throws BadNameException {
        String n = name == null ? "" : name.strip().replace('\\', '/');
        if (!NAME.matcher(n).matches() || n.contains("..")) {
            throw new BadNameException("'" + name + "' is not a file name the corpus can hold: use letters, digits, spaces, '-', '_' "
                    + "and end it in .md (for example prices.md)");
        }
        if (!CorpusLoader.isDocument(n) && !settingsFiles.contains(n)) {
            throw new BadNameException("'" + n + "' is not read by the chat: documents end in .md; the settings files are "
                    + String.join(", ", new TreeSet<>(settingsFiles)));
        }
        return n;
    }

    /** The corpus files of a folder (what the chat reads, or reports), by path inside it. */
    private List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        return CorpusLoader.files(dir, new ArrayList<>()).stream().filter(Files::isRegularFile)
                .map(p -> CorpusLoader.relative(dir, p)).filter(n -> CorpusLoader.isDocument(n) || settingsFiles.contains(n)).sorted().toList();
    }

    private void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String name : names(from)) {
            Path target = to.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(from.resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A file's version as the console names it: the same fingerprint the Editor checks writes against. */
    static String fingerprint(Path file) throws IOException {
        return Editor.fingerprint(Files.readAllBytes(file));
    }
}
