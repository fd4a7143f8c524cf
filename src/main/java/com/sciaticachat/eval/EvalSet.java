package com.sciaticachat.eval;

import com.sciaticachat.corpus.Slugs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A labelled question set: tab-separated {@code split, category, expected, question}; {@code #} starts a
 * note. {@code expected} is a section id (or the part after the document, e.g. {@code causes}), several
 * separated by {@code |}, or {@code -} when the right reply is no answer.
 */
public record EvalSet(String name, List<Case> cases) {

    /** Where the bundled sets live in the jar. */
    public static final String BUNDLED_QUESTIONS = "/eval/questions.tsv";

    /** The bundled visitor questions (the safety set is measured by {@code eval --safety}). */
    public static EvalSet bundled() throws IOException {
        return bundled(BUNDLED_QUESTIONS);
    }

    public record Case(String split, String category, Set<String> expected, String question, int line) {
        public boolean expectsNoAnswer() {
            return expected.isEmpty();
        }
    }

    public static EvalSet read(Path file) throws IOException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    public static EvalSet bundled(String resource) throws IOException {
        try (InputStream in = EvalSet.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("the jar has no " + resource);
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static EvalSet parse(String name, String text) throws IOException {
        List<Case> cases = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cols = line.split("\t");
            if (cols.length != 4) {
                throw new IOException(name + ":" + (i + 1) + ": expected 4 tab-separated columns (split, category, expected, question)");
            }
            Set<String> expected = cols[2].trim().equals("-") ? Set.of() : Set.copyOf(Arrays.asList(cols[2].trim().split("\\|")));
            cases.add(new Case(cols[0].trim(), cols[1].trim(), expected, cols[3].trim(), i + 1));
        }
        return new EvalSet(name, List.copyOf(cases));
    }

    public EvalSet split(String split) {
        if (split == null || split.equals("all")) return this;
        return new EvalSet(name + " (" + split + ")", cases.stream().filter(c -> c.split().equals(split)).toList());
    }

    /**
     * True when {@code sectionId} is one of the expected ids (given in full or by the part after the document).
     * A label is read as a person writes it: the heading itself ("If You're Running Late") or a slug that
     * spells its punctuation differently ({@code if-youre-running-late} for {@code if-you-re-running-late})
     * names the same section.
     */
    public static boolean matches(Case c, String sectionId) {
        if (sectionId == null) return false;
        int slash = sectionId.indexOf('/');
        String document = slash < 0 ? "" : sectionId.substring(0, slash), section = sectionId.substring(slash + 1);
        for (String e : c.expected()) {
            if (sectionId.equals(e) || sectionId.endsWith("/" + e)) return true;
            int at = e.indexOf('/');
            if (at >= 0 && !loose(e.substring(0, at)).equals(loose(document))) continue;
            if (loose(e.substring(at + 1)).equals(loose(section))) return true;
        }
        return false;
    }

    /** A label or id with its case, accents, punctuation and spacing left out. */
    private static String loose(String label) {
        return Slugs.slug(label).replace("-", "");
    }
}
