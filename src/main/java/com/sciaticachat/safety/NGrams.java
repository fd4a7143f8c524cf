package com.sciaticachat.safety;

import com.sciaticachat.analysis.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Word n-grams (one to three words) of a message, and their tf-idf weights, as the framing model reads them. */
public final class NGrams {
    public static final int MAX_N = 3;

    private NGrams() {}

    /** Each n-gram of the folded message, with its count; contractions spelt out ("can't" → "can not"). */
    public static Map<String, Integer> of(String message) {
        String[] w = Words.expandContractions(Words.fold(message)).split("[^a-z0-9]+");
        List<String> words = new ArrayList<>();
        for (String s : w) if (!s.isEmpty()) words.add(s);
        Map<String, Integer> out = new HashMap<>();
        for (int n = 1; n <= MAX_N; n++) {
            for (int i = 0; i + n <= words.size(); i++) out.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
        }
        return out;
    }

    /** Sublinear tf (1 + ln count) times idf, normalised to unit length, over the known n-grams. */
    public static Map<Integer, Double> tfidf(Map<String, Integer> counts, Map<String, Integer> index, double[] idf) {
        Map<Integer, Double> out = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer i = index.get(e.getKey());
            if (i == null) continue;
            double v = (1 + Math.log(e.getValue())) * idf[i];
            out.put(i, v);
            norm += v * v;
        }
        if (norm > 0) {
            double n = Math.sqrt(norm);
            out.replaceAll((k, v) -> v / n);
        }
        return out;
    }
}
