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
import java.util.stream.Stream;

/**
 * Reads a corpus folder: every {@code .md} file is a document; the settings files named at construction
 * (synonyms, red flags, small talk) are read as UTF-8 text for the packages that understand them.
 * Collects every mistake before failing.
 */
public final class CorpusLoader {

    private final MarkdownParser parser;
    private final Set<String> settingsFileNames;

    public CorpusLoader(String defaultPublisher, Set<String> settingsFileNames) {
        this.parser = new MarkdownParser(defaultPublisher);
        this.settingsFileNames = Set.copyOf(settingsFileNames);
    }

    /** What could be read, and every mistake found (the corpus is usable only when there are none). */
    public record Loaded(Corpus corpus, List<CorpusError> errors) {}

    public Corpus load(Path dir) throws CorpusException {
        Loaded loaded = loadAll(dir);
        if (!loaded.errors().isEmpty()) throw new CorpusException(loaded.errors());
        return loaded.corpus();
    }

    /** Reads everything it can, so that later checks can report their mistakes too, all at once. */
    public Loaded loadAll(Path dir) {
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
        for (Path path : files) {
            String name = path.getFileName().toString();
            boolean settingsFile = settingsFileNames.contains(name) && path.getParent().equals(dir);
            if (!settingsFile && !name.toLowerCase(Locale.ROOT).endsWith(".md")) continue;
            String shown = shownPath(dir, path);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException | SecurityException e) {
                errors.add(new CorpusError(shown, 0, "this file could not be read (" + e.getClass().getSimpleName()
                        + "); check that it exists and that the service may read it"));
                addToFingerprint(sha, dir, path, UNREADABLE);
                continue;
            }
            addToFingerprint(sha, dir, path, bytes);
            if (settingsFile) {
                String text = MarkdownParser.decodeUtf8(shown, bytes, errors);
                if (text != null) settings.put(name, text);
                continue;
            }
            String documentId = documentId(dir, path);
            String clash = idToFile.putIfAbsent(documentId, shown);
            if (clash != null) {
                errors.add(new CorpusError(shown, 0, "this file's name gives the same document id '" + documentId
                        + "' as " + clash + "; rename one of the two files"));
                continue;
            }
            MarkdownParser.Result result = parser.parse(shown, documentId, bytes);
            errors.addAll(result.errors());
            if (result.ok()) documents.add(result.document());
        }
        if (errors.isEmpty() && documents.isEmpty()) {
            errors.add(new CorpusError(shownPath(dir, dir), 0, "the corpus has no Markdown (.md) documents"));
        }
        return new Loaded(new Corpus(documents, settings, HexFormat.of().formatHex(sha.digest()), shownPath(dir, dir)), List.copyOf(errors));
    }

    /** How a file is named in messages to staff: the corpus folder's name, then the path inside it. */
    public static String shownPath(Path dir, Path file) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        String rel = dir.relativize(file).toString().replace('\\', '/');
        String base = name == null ? "corpus" : name.toString();
        return rel.isEmpty() ? base : base + "/" + rel;
    }

    static String documentId(Path dir, Path file) {
        String rel = dir.relativize(file).toString().replace('\\', '/');
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
            errors.add(new CorpusError(shownPath(dir, dir), 0, "the corpus folder could not be listed (" + e.getClass().getSimpleName() + ")"));
            return List.of();
        }
    }

    static boolean isIgnored(Path dir, Path file) {
        for (Path part : dir.relativize(file)) {
            String n = part.toString();
            if (n.startsWith(".") || n.endsWith("~") || n.endsWith(".swp") || n.endsWith(".tmp") || n.startsWith("#")) return true;
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
            if (!isCorpusFile(dir, p)) continue;
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
