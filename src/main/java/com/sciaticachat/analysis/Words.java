package com.sciaticachat.analysis;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Surface words as a visitor typed them: lower case, accents and curly quotes folded, split on non-letters. */
public final class Words {
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+(?:'[a-z]+)?");
    private static final Pattern HYPHENATED = Pattern.compile("[a-z]+(?:-[a-z]+)+");

    private Words() {}

    /** NFKC, lower case, accents removed, curly quotes straightened, whitespace collapsed. */
    public static String fold(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replace('\u2013', '-').replace('\u2014', ' ');
        s = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\p{Cntrl}&&[^\n\t]]", " ").replaceAll("\\s+", " ").trim();
    }

    private static final String[][] CONTRACTIONS = {
            {"can't", "can not"}, {"cannot", "can not"}, {"won't", "will not"}, {"shan't", "shall not"},
            {"n't", " not"}, {"'m", " am"}, {"'re", " are"}, {"'ve", " have"}, {"'ll", " will"}, {"'d", " would"}};

    /** Contractions typed without an apostrophe ("cant", "dont", "isnt"), as whole words. */
    private static final Pattern BARE_CONTRACTION = Pattern.compile(
            "\\b(?:(ca)nt|(do)nt|(wo)nt|(is)nt|(are)nt|(was)nt|(were)nt|(does)nt|(did)nt|(have)nt|(has)nt|(had)nt"
            + "|(could)nt|(should)nt|(would)nt|(must)nt|(need)nt|(ai)nt)\\b");

    /** "don't" → "do not", "I'm" → "i am", "cant" → "can not": the words behind contractions, for matching and negation. */
    public static String expandContractions(String folded) {
        String s = folded;
        for (String[] c : CONTRACTIONS) s = s.replace(c[0], c[1]);
        Matcher m = BARE_CONTRACTION.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String base = null;
            for (int g = 1; g <= m.groupCount() && base == null; g++) base = m.group(g);
            String verb = switch (base) {
                case "ca" -> "can";
                case "wo" -> "will";
                case "ai" -> "is";
                default -> base;
            };
            m.appendReplacement(out, verb + " not");
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\bim\\b", "i am").replaceAll("\\bive\\b", "i have");
    }

    /**
     * A question as the chat looks it up among the filed ones: folded, contractions expanded, punctuation and
     * spacing aside ("How do I book an appointment?" and "how do i book an appointment" are one question).
     */
    public static String asked(String question) {
        return expandContractions(fold(question)).replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** The words of a text, folded; "it's" stays one word. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(fold(text));
        while (m.find()) out.add(m.group());
        return out;
    }

    static List<String> joinedHyphenated(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = HYPHENATED.matcher(fold(text));
        while (m.find()) out.add(m.group().replace("-", ""));
        return out;
    }
}
