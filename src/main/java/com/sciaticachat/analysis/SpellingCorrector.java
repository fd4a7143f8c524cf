package com.sciaticachat.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixes typos against the corpus's own words ("syatica" → sciatica, "stretchs" → stretches) without
 * "correcting" real words the corpus happens not to use ("elbow" stays elbow, so a question about tennis
 * elbow is not turned into one about the lower back).
 *
 * <p>A word is left alone when the corpus knows it or when it is an English word; otherwise it is
 * replaced by the corpus word closest in Damerau-Levenshtein distance (1 edit for words up to 5 letters,
 * 2 for longer ones), preferring the same first letter and then the more frequent word; a word glued from
 * two corpus words ("tennisball", "backpain") is split. Anything else is left unknown.
 */
public final class SpellingCorrector {

    /** A replacement made in a question: what the visitor wrote and what it was read as. */
    public record Correction(String written, String readAs) {}

    private final Map<String, Integer> domain;
    /** Two corpus words that stand side by side, joined ("triggerpoint" → "trigger point"): targets for one-word typos. */
    private final Map<String, String> joined;
    private final Map<Integer, List<String>> byLength = new HashMap<>();
    private final EnglishWords english;

    /** @param domainWordCounts the corpus's words (lower case, ASCII) and how often each occurs */
    public SpellingCorrector(Map<String, Integer> domainWordCounts, EnglishWords english) {
        this(domainWordCounts, Map.of(), english);
    }

    /** @param joinedPairs corpus words that stand side by side, joined, mapped to the two words ("triggerpoint" → "trigger point") */
    public SpellingCorrector(Map<String, Integer> domainWordCounts, Map<String, String> joinedPairs, EnglishWords english) {
        this.domain = Map.copyOf(domainWordCounts);
        this.joined = Map.copyOf(joinedPairs);
        this.english = english;
        for (String w : domain.keySet()) byLength.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);
        for (String w : joined.keySet()) if (!domain.containsKey(w)) byLength.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);
    }

    /** Neighbouring words of texts joined: "Trigger Point Therapy" → triggerpoint, pointtherapy. */
    public static Map<String, String> joinedPairs(Collection<String> texts) {
        Map<String, String> out = new HashMap<>();
        for (String text : texts) {
            List<String> w = Words.split(text);
            for (int i = 0; i + 1 < w.size(); i++) {
                if (w.get(i).length() >= 3 && w.get(i + 1).length() >= 3 && w.get(i).matches("[a-z]+") && w.get(i + 1).matches("[a-z]+")) {
                    out.putIfAbsent(w.get(i) + w.get(i + 1), w.get(i) + " " + w.get(i + 1));
                }
            }
        }
        return out;
    }

    public boolean isDomainWord(String word) {
        return domain.containsKey(word);
    }

    /** The corpus word this word should be read as, or null to leave it as written. */
    public String correct(String word) {
        if (word.length() < 3 || domain.containsKey(word) || english.contains(word) || !word.chars().allMatch(Character::isLetter)) {
            return null;
        }
        if (joined.containsKey(word)) return joined.get(word);
        int max = word.length() <= 5 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int len = word.length() - max; len <= word.length() + max; len++) {
            for (String candidate : byLength.getOrDefault(len, List.of())) {
                if (candidate.length() < 3) continue;
                int d = distance(word, candidate, max);
                if (d > max) continue;
                if (best == null || better(word, d, candidate, bestDistance, best)) {
                    best = candidate;
                    bestDistance = d;
                }
            }
        }
        if (best != null) return joined.containsKey(best) && !domain.containsKey(best) ? joined.get(best) : best;
        return split(word);
    }

    private boolean better(String word, int d, String candidate, int bestDistance, String best) {
        if (d != bestDistance) return d < bestDistance;
        boolean sameFirst = candidate.charAt(0) == word.charAt(0);
        boolean bestSameFirst = best.charAt(0) == word.charAt(0);
        if (sameFirst != bestSameFirst) return sameFirst;
        int c = domain.getOrDefault(candidate, 0), b = domain.getOrDefault(best, 0);
        return c != b ? c > b : candidate.compareTo(best) < 0;
    }

    /** "tennisball" → "tennis ball" when both halves are corpus words of three letters or more. */
    private String split(String word) {
        for (int i = 3; i <= word.length() - 3; i++) {
            String a = word.substring(0, i), b = word.substring(i);
            if (domain.containsKey(a) && domain.containsKey(b)) return a + " " + b;
        }
        return null;
    }

    /** Optimal string alignment distance (edits, with adjacent swaps), giving up early once it exceeds {@code max}. */
    public static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) return max + 1;
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) return max + 1;
        }
        return d[a.length()][b.length()];
    }

    /** Counts lower-case ASCII words in texts, splitting on anything that is not a letter. */
    public static Map<String, Integer> countWords(Collection<String> texts) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            for (String w : Words.split(text)) {
                counts.merge(w, 1, Integer::sum);
            }
            // hyphenated words also count joined ("self-massage" → selfmassage), as the index joins them
            for (String joined : Words.joinedHyphenated(text)) counts.merge(joined, 1, Integer::sum);
        }
        return counts;
    }
}
