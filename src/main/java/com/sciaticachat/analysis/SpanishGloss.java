package com.sciaticachat.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A question typed in Spanish, glossed word by word into English (the bundled glossary
 * {@value #RESOURCE}), so that the English guide's words and the English sentence model can find its
 * section. Longer phrases are glossed before the words in them; a word the glossary lacks stays as typed
 * (names, English words, what spelling correction may still mend). A question that is not Spanish is
 * returned unchanged.
 */
public final class SpanishGloss {
    static final String RESOURCE = "/analysis/spanish-gloss.tsv";
    /** The longest phrase of the glossary, in words. */
    private static final int LONGEST = 5;

    private final Map<String, String> phrases;
    private final Map<String, String> prefixes;

    private SpanishGloss(Map<String, String> phrases, Map<String, String> prefixes) {
        this.phrases = phrases;
        this.prefixes = prefixes;
    }

    private static volatile SpanishGloss bundled;

    public static SpanishGloss get() {
        SpanishGloss g = bundled;
        if (g == null) bundled = g = read();
        return g;
    }

    private static SpanishGloss read() {
        Map<String, String> phrases = new HashMap<>(), prefixes = new HashMap<>();
        for (String[] c : BundledTable.rows(RESOURCE, 2, 2, "the Spanish glossary")) {
            if (c[0].endsWith("*")) prefixes.put(c[0].substring(0, c[0].length() - 1), c[1]);
            else phrases.put(c[0], c[1]);
        }
        return new SpanishGloss(Map.copyOf(phrases), Map.copyOf(prefixes));
    }

    /** The question in English words when it is Spanish; otherwise the question itself. */
    public String gloss(String question) {
        String folded = Words.fold(question);
        String[] words = folded.split("[^a-z0-9?]+");
        List<String> w = new ArrayList<>();
        for (String s : words) {
            if (s.isEmpty()) continue;
            // "ciatica?" → "ciatica", "?": the question mark stays a question mark
            if (s.endsWith("?") && s.length() > 1) {
                w.add(s.substring(0, s.length() - 1).replace("?", ""));
                w.add("?");
            } else {
                w.add(s);
            }
        }
        if (!spanish(folded, w)) return question;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < w.size(); ) {
            int taken = 0;
            String english = null;
            for (int n = Math.min(LONGEST, w.size() - i); n >= 1 && english == null; n--) {
                english = phrases.get(String.join(" ", w.subList(i, i + n)));
                if (english != null) taken = n;
            }
            if (english == null) {
                english = word(w.get(i));
                taken = 1;
            }
            if (!english.isEmpty()) {
                if (out.length() > 0 && !english.equals("?")) out.append(' ');
                out.append(english);
            }
            i += taken;
        }
        return out.toString();
    }

    /** Whether a folded word is one the glossary lists, alone or by its beginning. */
    public boolean knows(String word) {
        return phrases.containsKey(word) || prefixed(word) != null;
    }

    /** A word's gloss: as listed, by a listed beginning, or as the listed word it misspells; else the word itself. */
    private String word(String w) {
        String english = prefixed(w);
        if (english != null) return english;
        if (w.length() < 5 || EnglishWords.get().inDictionary(w)) return w;
        int allowed = w.length() >= 8 ? 2 : 1;
        String best = null;
        int bestDistance = allowed + 1;
        for (Map.Entry<String, String> p : phrases.entrySet()) {
            String key = p.getKey();
            if (key.indexOf(' ') >= 0 || Math.abs(key.length() - w.length()) > allowed) continue;
            int d = SpellingCorrector.distance(w, key, allowed);
            if (d < bestDistance) {
                bestDistance = d;
                best = p.getValue();
            }
        }
        return best == null ? w : best;
    }

    private String prefixed(String word) {
        for (Map.Entry<String, String> p : prefixes.entrySet()) {
            if (word.startsWith(p.getKey()) && word.length() > p.getKey().length()) return p.getValue();
        }
        return null;
    }

    /**
     * Spanish by its small words; with as many English ones (or none of either), when at least two of its
     * words are Spanish words of the glossary that English does not have ("ejercicios ciatica").
     */
    private boolean spanish(String folded, List<String> words) {
        Language guessed = Language.guess(folded, null);
        if (guessed != null) return guessed == Language.SPANISH;
        int spanishOnly = 0;
        EnglishWords english = EnglishWords.get();
        for (String s : words) if (knows(s) && !english.inDictionary(s)) spanishOnly++;
        return spanishOnly >= 2;
    }
}
