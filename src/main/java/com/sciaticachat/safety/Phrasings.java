package com.sciaticachat.safety;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Labelled visitor messages for the safety check: red flags (labelled with the sign's id in
 * {@code safety.yml}) and calm messages (labelled with their kind). The detector learns from the bundled
 * file; the safety gate and {@code eval --safety} measure with it or with a held-out file of the same form.
 *
 * <p>Tab-separated: {@code message, label, who, voice}; {@code #} starts a note.
 */
public record Phrasings(String name, List<Phrasing> items, String fingerprint) {

    /** The phrasings the detector is fitted on, inside the jar. */
    public static final String BUNDLED = "/safety/phrasings.tsv";

    /** The kinds of calm message: none of them may alarm. */
    public static final Set<String> CALM_KINDS = Set.of("ordinary", "condition-question", "relative-history", "past-resolved",
            "negated", "hypothetical", "harmless-sense");

    /**
     * One message.
     *
     * @param label a red flag's sign id, or a calm kind
     * @param who   self or other for a red flag, "-" for calm
     */
    public record Phrasing(String message, String label, String who, String voice, int line) {
        public boolean redFlag() {
            return !CALM_KINDS.contains(label);
        }

        /** A calm message that mirrors a red flag: the sign asked about, over, denied, imagined or someone's history. */
        public boolean mirrorsRedFlag() {
            return MIRRORS.contains(label);
        }
    }

    /** The calm kinds that speak of a sign without it happening now. */
    public static final Set<String> MIRRORS = Set.of("condition-question", "relative-history", "past-resolved", "negated", "hypothetical");

    public static Phrasings bundled() throws IOException {
        try (InputStream in = Phrasings.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IOException("the jar has no " + BUNDLED);
            return parse(BUNDLED, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    public static Phrasings read(Path file) throws IOException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    public static Phrasings parse(String name, String text) throws IOException {
        List<Phrasing> items = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cols = line.split("\t");
            if (cols.length != 4 || cols[0].isBlank() || cols[1].isBlank()) {
                throw new IOException(name + ":" + (i + 1) + ": expected 4 tab-separated columns (message, label, who, voice)");
            }
            items.add(new Phrasing(cols[0].strip(), cols[1].strip(), cols[2].strip(), cols[3].strip(), i + 1));
        }
        return new Phrasings(name, List.copyOf(items), sha256(text));
    }

    public List<Phrasing> redFlags() {
        return items.stream().filter(Phrasing::redFlag).toList();
    }

    public List<Phrasing> calm() {
        return items.stream().filter(p -> !p.redFlag()).toList();
    }

    static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
