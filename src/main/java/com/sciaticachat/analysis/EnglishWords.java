package com.sciaticachat.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * What we know about English words, offline:
 * <ul>
 *   <li>whether a word is a real word: SCOWL's large American and British lists (134,000 words, in the
 *       jar; see {@code dictionary/SCOWL-NOTICE.txt}), so the spelling corrector leaves "acne", "elbow" or
 *       "migraine" alone even though the corpus does not use them, and a question about them stays one;</li>
 *   <li>roughly how common it is: the embedding model's WordPiece vocabulary (inside the model jar) is
 *       ordered by frequency, which tells how much an unknown word counts against an answer: "day"
 *       says little, "elbow" says the question is about something else.</li>
 * </ul>
 */
public final class EnglishWords {
    private static final String RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    private static final String DICTIONARY = "dictionary/english-words.txt.gz";
    /** Id of "the" in the BERT vocabulary: ids from here on are whole words, roughly most common first. */
    private static final int FIRST_WORD_ID = 1996;

    private static volatile EnglishWords instance;

    private final Map<String, Integer> rank;
    private final java.util.Set<String> dictionary;
    private final double logMaxRank;

    private EnglishWords(Map<String, Integer> rank, java.util.Set<String> dictionary) {
        this.rank = rank;
        this.dictionary = dictionary;
        this.logMaxRank = Math.log(1 + rank.values().stream().mapToInt(Integer::intValue).max().orElse(1));
    }

    public static EnglishWords get() {
        EnglishWords local = instance;
        if (local == null) {
            synchronized (EnglishWords.class) {
                local = instance;
                if (local == null) instance = local = load();
            }
        }
        return local;
    }

    private static EnglishWords load() {
        try (InputStream in = EnglishWords.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath (it comes with the embedding model jar)");
            JsonNode vocab = new ObjectMapper().readTree(in).path("model").path("vocab");
            Map<String, Integer> rank = new HashMap<>(32_000);
            for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String word = e.getKey();
                int id = e.getValue().asInt();
                if (id >= FIRST_WORD_ID && word.length() > 1 && word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                    rank.put(word, id - FIRST_WORD_ID);
                }
            }
            return new EnglishWords(rank, dictionary());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.Set<String> dictionary() throws IOException {
        try (InputStream raw = EnglishWords.class.getClassLoader().getResourceAsStream(DICTIONARY)) {
            if (raw == null) throw new IllegalStateException(DICTIONARY + " is missing from the classpath");
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    new java.util.zip.GZIPInputStream(raw), java.nio.charset.StandardCharsets.UTF_8));
            java.util.Set<String> words = new java.util.HashSet<>(200_000);
            for (String line; (line = in.readLine()) != null; ) words.add(line);
            return words;
        }
    }

    /** True for a real English word (in the dictionary or the model's vocabulary). */
    public boolean contains(String lowerCaseWord) {
        return dictionary.contains(lowerCaseWord) || rank.containsKey(lowerCaseWord);
    }

    /** 0 for the commonest words, rising to 1 for rare words and words not in the list. */
    public double rarity(String lowerCaseWord) {
        Integer r = rank.get(lowerCaseWord);
        if (r == null) return 1.0;
        return Math.log(1 + r) / logMaxRank;
    }

    public int size() {
        return rank.size();
    }
}
