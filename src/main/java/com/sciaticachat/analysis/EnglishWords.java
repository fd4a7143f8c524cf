package com.sciaticachat.analysis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
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

    /** The vocabulary ranks. */
    private record Data(Map<String, Integer> rank, double logMaxRank) {}

    private final java.util.concurrent.CompletableFuture<Data> data;
    private final java.util.concurrent.CompletableFuture<java.util.Set<String>> dictionary = new java.util.concurrent.CompletableFuture<>();

    private EnglishWords() {
        this.data = java.util.concurrent.CompletableFuture.supplyAsync(EnglishWords::load, r -> {
            Thread t = new Thread(r, "words-load");
            t.setDaemon(true);
            t.start();
        });
    }

    /**
     * Starts loading the 134,000-word dictionary in the background, if not already. The service calls this
     * once it is answering, so the load does not compete with start-up; a lookup before that loads it itself.
     */
    public void preloadDictionary() {
        if (dictionaryStarted.compareAndSet(false, true)) {
            Thread t = new Thread(this::loadDictionary, "dictionary-load");
            t.setDaemon(true);
            t.start();
        }
    }

    private final java.util.concurrent.atomic.AtomicBoolean dictionaryStarted = new java.util.concurrent.atomic.AtomicBoolean();

    private void loadDictionary() {
        try {
            dictionary.complete(dictionary());
        } catch (IOException | RuntimeException e) {
            dictionary.completeExceptionally(e);
        }
    }

    private java.util.Set<String> words() {
        if (dictionaryStarted.compareAndSet(false, true)) loadDictionary();
        return dictionary.join();
    }

    /** The word lists; they load on a background thread from the first call, and a lookup waits for them. */
    public static EnglishWords get() {
        EnglishWords local = instance;
        if (local == null) {
            synchronized (EnglishWords.class) {
                local = instance;
                if (local == null) instance = local = new EnglishWords();
            }
        }
        return local;
    }

    private Data data() {
        return data.join();
    }

    private static Data load() {
        try (InputStream in = EnglishWords.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath (it comes with the embedding model jar)");
            // stream the 700 KB tokenizer file to its model.vocab object instead of building a tree of it
            Map<String, Integer> rank = new HashMap<>(32_000);
            try (JsonParser p = new JsonFactory().createParser(in)) {
                int depth = 0;
                String path = "";
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) depth++;
                    else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) depth--;
                    else if (t == JsonToken.FIELD_NAME && depth == 1) path = p.currentName();
                    else if (t == JsonToken.FIELD_NAME && depth == 2 && path.equals("model") && p.currentName().equals("vocab")) {
                        p.nextToken();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String word = p.currentName();
                            int id = p.nextIntValue(-1);
                            if (id >= FIRST_WORD_ID && word.length() > 1 && word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                                rank.put(word, id - FIRST_WORD_ID);
                            }
                        }
                        break;
                    }
                }
            }
            return new Data(rank, Math.log(1 + rank.values().stream().mapToInt(Integer::intValue).max().orElse(1)));
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
        return data().rank().containsKey(lowerCaseWord) || words().contains(lowerCaseWord);
    }

    /** True for a word of the spelling dictionary alone (without the model's vocabulary, which has many names). */
    public boolean inDictionary(String lowerCaseWord) {
        return words().contains(lowerCaseWord);
    }

    /** Whether a word is among the {@code top} commonest English words ("will", "how", "should"). */
    public boolean among(String lowerCaseWord, int top) {
        Integer r = data().rank().get(lowerCaseWord);
        return r != null && r < top && inDictionary(lowerCaseWord);
    }

    /** 0 for the commonest words, rising to 1 for rare words and words not in the list. */
    public double rarity(String lowerCaseWord) {
        Data d = data();
        Integer r = d.rank().get(lowerCaseWord);
        if (r == null) return 1.0;
        return Math.log(1 + r) / d.logMaxRank();
    }
}
