package com.sciaticachat.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A learnt second look for the person's names that {@link Names}' rules miss: each word's chance of being part
 * of a name, from its shape, what the name lists and the dictionary know of it, and the words around it. The model is
 * a logistic regression fitted by {@code src/fit/name_tagger.py} on the development and earlier held-out sets of
 * {@code src/test/resources/privacy/}; its weights and its threshold live in {@value #WEIGHTS}.
 */
final class NameTagger {
    static final String WEIGHTS = "/model/name-tagger.json";
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*(?:['’-]\\p{L}[\\p{L}\\p{M}]*)*|\\[name\\]");

    private NameTagger() {}

    /** A word of the text and where it stands. */
    record Word(int start, int end, String text, String lower) {}

    static List<Word> words(String s) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(s);
        while (m.find()) {
            String w = m.group().replaceAll("['’]s$", "");
            words.add(new Word(m.start(), m.start() + w.length(), w, w.toLowerCase(Locale.ROOT)));
        }
        return words;
    }

    /** The words of a text the model reads as (part of) a person's name, as typed. */
    static Set<String> names(String s) {
        Model model = Model.INSTANCE;
        List<Word> words = words(s);
        String textCase = textCase(s);
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            if (!candidate(w)) continue;
            if (model.chance(features(s, textCase, words, i)) >= model.threshold) names.add(w.text());
        }
        return names;
    }

    /** How the whole text is typed: with no capitals, mostly in capitals, or in mixed case. */
    static String textCase(String s) {
        long upper = s.codePoints().filter(Character::isUpperCase).count(), lower = s.codePoints().filter(Character::isLowerCase).count();
        return upper == 0 ? "none" : upper > 3 * lower ? "caps" : "mixed";
    }

    /** Whether the model is asked about a word: not a name already replaced, not an initial, not a word no one is named. */
    static boolean candidate(Word w) {
        return !w.text().equals("[name]") && w.text().length() >= 2 && !Names.neverAName(w.lower());
    }

    /** What the model reads of word {@code i}: its shape, the lists, its neighbours, and combinations of those. */
    static List<String> features(String s, String textCase, List<Word> words, int i) {
        Word w = words.get(i);
        List<String> f = new ArrayList<>(48);
        String lower = w.lower();
        boolean cap = Character.isUpperCase(w.text().codePointAt(0)), allCaps = w.text().length() > 1 && w.text().equals(w.text().toUpperCase(Locale.ROOT));
        boolean given = Names.givenNames().contains(lower), surname = Names.surnames().contains(lower), proper = Names.properNouns().contains(lower);
        boolean dict = Names.common(lower), notName = Names.notNames().contains(lower), ascii = lower.matches("[a-z'’-]+");
        boolean start = i == 0 || s.substring(words.get(i - 1).end(), w.start()).matches(".*[.!?:;\\n].*");
        String shape = allCaps ? "caps" : cap ? "cap" : "low";
        f.add("bias");
        f.add("shape=" + shape + "|text=" + textCase);
        f.add("shape=" + shape + "|start=" + start);
        f.add("len=" + Math.min(w.text().length(), 8));
        String lists = (given ? "G" : "") + (surname ? "S" : "") + (proper ? "P" : "") + (dict ? "D" : "") + (notName ? "N" : "") + (ascii ? "" : "X");
        f.add("lists=" + lists);
        f.add("lists=" + lists + "|shape=" + shape + "|text=" + textCase);
        f.add("lists=" + lists + "|start=" + start);
        if (dict) f.add("w=" + lower);
        // how the word is made: names of a language share their endings and beginnings ("-enko", "-son", "Mc-"), misspellings do not
        if (!dict && lower.length() > 3) {
            f.add("end3=" + lower.substring(lower.length() - 3));
            f.add("end4=" + lower.substring(lower.length() - 4));
            f.add("start3=" + lower.substring(0, 3));
        }
        if (w.text().contains("-")) f.add("hyphen");
        for (int d = -2; d <= 2; d++) {
            if (d == 0) continue;
            int j = i + d;
            String at = "@" + d;
            if (j < 0 || j >= words.size()) {
                f.add(at + "=edge");
                continue;
            }
            Word o = words.get(j);
            String ol = o.lower();
            f.add(at + "=" + ol);
            if (Math.abs(d) == 1) {
                String between = d < 0 ? s.substring(o.end(), w.start()) : s.substring(w.end(), o.start());
                String sep = between.isBlank() ? "_" : between.strip().replaceAll("\\s+", "").replaceAll("[0-9]+", "9");
                f.add(at + "sep=" + (sep.length() > 3 ? sep.substring(0, 3) : sep));
                boolean oCap = Character.isUpperCase(o.text().codePointAt(0));
                boolean oGiven = Names.givenNames().contains(ol), oSurname = Names.surnames().contains(ol), oDict = Names.common(ol);
                f.add(at + "shape=" + (oCap ? "cap" : "low") + "|" + shape);
                f.add(at + "lists=" + (oGiven ? "G" : "") + (oSurname ? "S" : "") + (oDict ? "D" : "") + "|" + lists);
                f.add(at + "=" + ol + "|" + shape + "|" + (dict ? "D" : "-"));
            }
        }
        if (i > 0 && i + 1 < words.size()) f.add("around=" + words.get(i - 1).lower() + "_" + words.get(i + 1).lower());
        f.add("prevchar=" + (w.start() == 0 ? "^" : String.valueOf(s.charAt(w.start() - 1)).replaceAll("\\s", "_")));
        f.add("nextchar=" + (w.end() >= s.length() ? "$" : String.valueOf(s.charAt(w.end())).replaceAll("\\s", "_")));
        return f;
    }

    /** The fitted weights and the threshold above which a word is a name. */
    private static final class Model {
        static final Model INSTANCE = load();
        final Map<String, Double> weights;
        final double threshold;

        Model(Map<String, Double> weights, double threshold) {
            this.weights = weights;
            this.threshold = threshold;
        }

        double chance(List<String> features) {
            double z = 0;
            for (String f : features) z += weights.getOrDefault(f, 0.0);
            return 1 / (1 + Math.exp(-z));
        }

        private static Model load() {
            try (InputStream in = NameTagger.class.getResourceAsStream(WEIGHTS)) {
                if (in == null) throw new IllegalStateException(WEIGHTS + " is missing from the classpath");
                JsonNode root = new ObjectMapper().readTree(in);
                Map<String, Double> weights = new HashMap<>();
                root.get("weights").fields().forEachRemaining(e -> weights.put(e.getKey(), e.getValue().asDouble()));
                return new Model(Map.copyOf(weights), root.get("threshold").asDouble());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
