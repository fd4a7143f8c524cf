package com.sciaticachat.safety;

import com.sciaticachat.analysis.Words;
import java.util.ArrayList;
import java.util.List;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * Words and stems for the safety matcher: folded, contractions spelt out, Porter stems (the algorithm retrieval
 * uses through Lucene's PorterStemFilter, here called one word at a time through Snowball's implementation of it).
 */
final class Stems {
    private static final Pattern TOKEN = Pattern.compile("=?[a-z0-9]+");
    /** Stems of recent words; bounded, since visitors can type any number of distinct words. */
    static final int MAX_CACHED = 50_000;
    private static final Cache<String, String> CACHE = Caffeine.newBuilder().maximumSize(MAX_CACHED).build();

    private Stems() {}

    static String stem(String word) {
        String w = word.startsWith("=") ? word.substring(1) : word;
        return CACHE.get(w, k -> {
            PorterStemmer s = new PorterStemmer();
            s.setCurrent(k);
            s.stem();
            return s.getCurrent();
        });
    }

    static long cached() {
        CACHE.cleanUp();
        return CACHE.estimatedSize();
    }

    /** The words of a text: folded, "can't" and "cant" → "can not", punctuation dropped. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(Words.expandContractions(Words.fold(text)));
        while (m.find()) out.add(m.group());
        return out;
    }
}
