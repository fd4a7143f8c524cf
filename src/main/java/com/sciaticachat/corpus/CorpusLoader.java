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

    public Corpus load(Path dir) throws CorpusException {
        List<CorpusError> errors = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            throw new CorpusException(List.of(new CorpusError(dir.toString(), 0, "the corpus folder does not exist or is not a folder")));
        }
        List<Path> files = files(dir, errors);
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
                continue;
            }
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
        if (!errors.isEmpty()) throw new CorpusException(errors);
        return new Corpus(documents, settings, fingerprint(dir));
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

    /** SHA-256 over the names and bytes of every corpus file (unreadable files count by name only). */
    public static String fingerprint(Path dir) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path p : files(dir, new ArrayList<>())) {
                sha.update(dir.relativize(p).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                try {
                    sha.update(Files.readAllBytes(p));
                } catch (IOException e) {
                    sha.update("<unreadable>".getBytes(StandardCharsets.UTF_8));
                }
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
