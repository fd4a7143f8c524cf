package com.sciaticachat.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a corpus folder: every {@code .md} file is a document; the settings files named at construction
 * (synonyms, red flags, small talk) are read as UTF-8 text for the packages that understand them.
 * Every other file is listed as not read. Each file stands on its own: a mistake in one sets aside that
 * file only.
 */
public final class CorpusLoader {

    private final MarkdownParser parser;
    private final Set<String> settingsFileNames;

    public CorpusLoader(String defaultPublisher, Set<String> settingsFileNames) {
        this.parser = new MarkdownParser(defaultPublisher);
        this.settingsFileNames = Set.copyOf(settingsFileNames);
    }

    /**
     * What can be served, and every mistake and warning found. A file with a mistake is replaced by its
     * last good version when there is one, else left out; its mistakes are reported under its own name.
     */
    public record Loaded(Corpus corpus, List<CorpusError> errors) {}

    /** Fails on the first file with a mistake (for tools that read a corpus once, with nothing to fall back to). */
    public Corpus load(Path dir) throws CorpusException {
        Loaded loaded = loadAll(dir, Map.of());
        List<CorpusError> errors = loaded.errors().stream().filter(e -> !e.warning()).toList();
        if (!errors.isEmpty()) throw new CorpusException(errors);
        return loaded.corpus();
    }

    /**
     * Reads every file it can. {@code lastGood} holds the text of each file as last served, by its path in
     * the folder: a file that now has a mistake is read from there instead, so one mistake never takes
     * down what was working.
     */
    public Loaded loadAll(Path dir, Map<String, String> lastGood) {
        List<CorpusError> errors = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Loaded(new Corpus(List.of(), Map.of(), "", shownPath(dir, dir)),
                    List.of(new CorpusError(dir.toString(), 0, "the corpus folder does not exist or is not a folder")));
        }
        List<Path> files = files(dir, errors);
        // the fingerprint is taken from the very bytes that are parsed, so it always describes what was read
        MessageDigest sha = sha256();
        List<Document> documents = new ArrayList<>();
        Map<String, String> idToFile = new HashMap<>();
        Map<String, String> settings = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        for (Path path : files) {
            String name = path.getFileName().toString();
            String rel = relative(dir, path);
            String shown = shownPath(dir, path);
            boolean settingsFile = settingsFileNames.contains(name) && path.getParent().equals(dir);
            if (!settingsFile && !isDocument(name)) {
                addToFingerprint(sha, dir, path, NOT_READ);
                errors.add(CorpusError.warning(shown, 0, notRead(name)));
                continue;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException | SecurityException e) {
                errors.add(new CorpusError(shown, 0, "this file could not be read (" + e.getClass().getSimpleName()
                        + "); check that it exists and that the service may read it" + stillServing(lastGood, rel)));
                addToFingerprint(sha, dir, path, UNREADABLE);
                bytes = null;
            }
            if (bytes != null) addToFingerprint(sha, dir, path, bytes);
            if (settingsFile) {
                List<CorpusError> own = new ArrayList<>();
                String text = bytes == null ? null : MarkdownParser.decodeUtf8(shown, bytes, own);
                if (text == null) text = lastGood.get(rel);
                errors.addAll(own);
                if (text != null) {
                    settings.put(name, text);
                    sources.put(rel, text);
                }
                continue;
            }
            String documentId = documentId(dir, path);
            String clash = idToFile.putIfAbsent(documentId, shown);
            if (clash != null) {
                errors.add(new CorpusError(shown, 0, "this file's name gives the same document id '" + documentId
                        + "' as " + clash + "; rename one of the two files (this one is not served meanwhile)"));
                continue;
            }
            MarkdownParser.Result result = bytes == null ? null : parser.parse(shown, documentId, bytes);
            if (result != null && result.ok()) {
                documents.add(result.document());
                errors.addAll(result.warnings());
                sources.put(rel, result.text());
                continue;
            }
            if (result != null) errors.addAll(withFallback(result.errors(), lastGood, rel));
            String previous = lastGood.get(rel);
            MarkdownParser.Result old = previous == null ? null : parser.parse(shown, documentId, previous.getBytes(StandardCharsets.UTF_8));
            if (old != null && old.ok()) {
                documents.add(old.document());
                sources.put(rel, previous);
            }
        }
        if (documents.isEmpty() && errors.stream().noneMatch(e -> !e.warning())) {
            errors.add(new CorpusError(shownPath(dir, dir), 0, "the corpus has no Markdown (.md) documents"));
        }
        return new Loaded(new Corpus(documents, settings, HexFormat.of().formatHex(sha.digest()), shownPath(dir, dir), sources, Map.of()),
                List.copyOf(errors));
    }

    /** The file's mistakes, the first one saying what is served meanwhile. */
    private static List<CorpusError> withFallback(List<CorpusError> errors, Map<String, String> lastGood, String rel) {
        if (errors.isEmpty()) return errors;
        List<CorpusError> out = new ArrayList<>(errors);
        CorpusError first = out.get(0);
        out.set(0, new CorpusError(first.file(), first.line(), first.message() + stillServing(lastGood, rel)));
        return out;
    }

    private static String stillServing(Map<String, String> lastGood, String rel) {
        return meanwhile(lastGood.containsKey(rel));
    }

    /** What a mistake's message adds about what is served meanwhile: the file's last good version, or nothing of it. */
    public static String meanwhile(boolean hasLastGood) {
        return hasLastGood ? " (visitors get this file's last good version until it is fixed; every other file is live)"
                : " (this file is not served until it is fixed; every other file is live)";
    }

    /** Whether a file name is a document's: ends in .md, in any case ("THERAPISTS.MD"); one test for every part that asks. */
    public static boolean isDocument(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".md");
    }

    private String notRead(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".docx") || lower.endsWith(".doc") || lower.endsWith(".odt") || lower.endsWith(".rtf") || lower.endsWith(".pdf")) {
            return "this file is not read: the chat reads Markdown (.md) documents only; copy its text into a .md file "
                    + "(plain text with '## ' headings works), then delete or move this one";
        }
        if (lower.endsWith("~") || lower.endsWith(".bak") || lower.endsWith(".orig") || lower.endsWith(".old")) {
            return "this file is not read (it looks like a backup copy); move it out of the corpus folder";
        }
        return "this file is not read: the chat reads Markdown (.md) documents and its settings files ("
                + String.join(", ", new TreeSet<>(settingsFileNames)) + "); rename it to end in .md if it is a document, "
                + "or move it out of the corpus folder";
    }

    /** How a file is named in messages to staff: the corpus folder's name, then the path inside it. */
    public static String shownPath(Path dir, Path file) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        String rel = dir.relativize(file).toString().replace('\\', '/');
        String base = name == null ? "corpus" : name.toString();
        return rel.isEmpty() ? base : base + "/" + rel;
    }

    /** A file's path inside the corpus folder, with forward slashes: how its last good version is keyed. */
    public static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    static String documentId(Path dir, Path file) {
        return documentId(relative(dir, file));
    }

    /** A document's id from its path in the folder: the path without {@code .md}, as a slug. */
    public static String documentId(String rel) {
        return Slugs.slug(rel.substring(0, rel.length() - 3));
    }

    /** The corpus files in a stable order; hidden files and editors' temporary files are not part of it. */
    public static List<Path> files(Path dir, List<CorpusError> errors) {
        try (Stream<Path> walk = Files.walk(dir)) {
            // symbolic links are kept even when broken, so a dangling one is reported rather than ignored
            return walk.filter(p -> Files.isRegularFile(p) || Files.isSymbolicLink(p))
                    .filter(p -> !isIgnored(dir, p))
                    .sorted()
                    .toList();
        } catch (IOException | RuntimeException e) {
            errors.add(new CorpusError(shownPath(dir, dir), 0, "the corpus folder " + dir.toAbsolutePath().normalize() + (Files.isDirectory(dir)
                    ? " could not be listed (" + e.getClass().getSimpleName() + ")" : " does not exist (CORPUS_DIR or --corpus names it)")));
            return List.of();
        }
    }

    /** Whether the corpus never reads this path: hidden (the history among them) or an editor's working file. */
    public static boolean isIgnored(Path dir, Path file) {
        for (Path part : dir.relativize(file)) {
            String n = part.toString();
            // hidden files, and the files editors keep while a document is open (a backup is reported instead)
            if (n.startsWith(".") || n.endsWith(".swp") || n.endsWith(".tmp") || n.startsWith("#") || n.startsWith("~$")) return true;
        }
        return false;
    }

    /**
     * SHA-256 over the names and bytes of the corpus files that make up a corpus (documents and settings
     * files; unreadable files count by name only). The same as {@link Corpus#fingerprint()} of a load of
     * the same bytes.
     */
    public String fingerprint(Path dir) {
        MessageDigest sha = sha256();
        for (Path p : files(dir, new ArrayList<>())) {
            if (!isCorpusFile(dir, p)) {
                addToFingerprint(sha, dir, p, NOT_READ);
                continue;
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(p);
            } catch (IOException | SecurityException e) {
                bytes = UNREADABLE;
            }
            addToFingerprint(sha, dir, p, bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** What an unreadable file counts as in a fingerprint: it is there, by name. */
    private static final byte[] UNREADABLE = "\u0000<unreadable>".getBytes(StandardCharsets.UTF_8);
    /** What a file that is not part of the corpus counts as: a name to report, never its bytes. */
    private static final byte[] NOT_READ = "\u0000<not read>".getBytes(StandardCharsets.UTF_8);

    private boolean isCorpusFile(Path dir, Path path) {
        String name = path.getFileName().toString();
        return (settingsFileNames.contains(name) && dir.equals(path.getParent())) || name.toLowerCase(Locale.ROOT).endsWith(".md");
    }

    private static void addToFingerprint(MessageDigest sha, Path dir, Path file, byte[] bytes) {
        sha.update(dir.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(bytes);
        sha.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
