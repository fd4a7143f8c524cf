package com.sciaticachat.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A folded message as words and marks, each with where it lies, so a reading can set some of them aside and keep the
 * rest as written ({@link Denials}, {@link PastEpisodes}, {@link Hypotheticals}, {@link OtherPeople}).
 */
record Tokens(String text, List<String> words, List<int[]> spans) {
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9']+|[.,;:!?()\\n]|[^a-z0-9'.,;:!?()\\n\\s]+");

    static Tokens of(String folded) {
        List<String> words = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        Matcher m = TOKEN.matcher(folded);
        while (m.find()) {
            words.add(m.group());
            spans.add(new int[] {m.start(), m.end()});
        }
        return new Tokens(folded, words, spans);
    }

    private static final Pattern MARK = Pattern.compile("[.,;:!?()\\n]");

    /** Whether a token is a mark that ends a clause. */
    static boolean isMark(String token) {
        return MARK.matcher(token).matches();
    }

    /** Whether a token is a mark that ends a sentence. */
    static boolean isSentenceEnd(String token) {
        return token.equals(".") || token.equals("!") || token.equals("?") || token.equals(";") || token.equals("\n");
    }

    /** Where the clause holding {@code at} starts: after the nearest mark or word of {@code breaks} before it. */
    static int clauseStart(List<String> tokens, int at, java.util.Set<String> breaks) {
        int k = at;
        while (k > 0 && !isMark(tokens.get(k - 1)) && !breaks.contains(tokens.get(k - 1))) k--;
        return k;
    }

    /** A word without its "'s" ("mum's" → "mum", "back's" → "back"); the word itself when it has none. */
    static String bare(String word) {
        return word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
    }

    /** The text without the tokens marked, its punctuation and spacing tidied. */
    String without(boolean[] drop) {
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (int i = 0; i < words.size(); i++) {
            if (!drop[i]) continue;
            out.append(text, last, spans.get(i)[0]);
            last = spans.get(i)[1];
        }
        out.append(text.substring(last));
        return tidy(out.toString());
    }

    /** The tokens marked, each run of them a sentence of its own. */
    String only(boolean[] drop) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (!drop[i]) continue;
            if (i > 0 && !drop[i - 1] && out.length() > 0) out.append(". ");
            out.append(words.get(i)).append(' ');
        }
        return tidy(out.toString());
    }

    private static String tidy(String text) {
        return text.replaceAll("\\s+([,.;:!?])", "$1").replaceAll("[,\\s]*([.;:!?])(?![0-9a-z])[,.;:!?\\s]*", "$1 ").replaceAll(",[,\\s]*", ", ")
                .replaceAll("^[,.;:!?\\s]+", "").replaceAll("\\s+", " ").strip();
    }
}
