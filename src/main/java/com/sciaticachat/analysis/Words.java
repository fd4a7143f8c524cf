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

    /** "don't" → "do not", "I'm" → "i am": the words behind contractions, for matching and negation. */
    public static String expandContractions(String folded) {
        String s = folded;
        for (String[] c : CONTRACTIONS) s = s.replace(c[0], c[1]);
        return s;
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
