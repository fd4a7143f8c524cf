package com.sciaticachat.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shorthand read as plain English before a message is read for red flags or looked up: texting abbreviations ("u",
 * "rn", "ppl") and the charting abbreviations nurses, paramedics and therapists write ("hx prostate CA, new LBP
 * x2wk" → "history of prostate cancer, new low back pain for 2 weeks"). The sentence model and the guide's words
 * know the plain words, not the abbreviations.
 *
 * <p>The glossary is the bundled {@value #RESOURCE}; numbers with units ("x2wk", "3d", "45yo", "35F") and "R" or "L"
 * before a word of the body are read here. Reading twice gives the same text: no plain word is itself shorthand.
 */
public final class Shorthand {
    static final String RESOURCE = "/analysis/shorthand.tsv";

    /** One reading of a written form: exact case when the form has a capital; {@code after}: words one of which must come just before. */
    private record Entry(String written, String readAs, boolean exactCase, Set<String> after, boolean filler) {
        boolean matches(String token, String previous, boolean shouting, boolean fillers) {
            if (filler && !fillers) return false;
            if (!after.isEmpty() && (previous == null || !after.contains(previous.toLowerCase(Locale.ROOT)))) return false;
            if (exactCase) return !shouting && token.equals(written);
            return !allCapitals(token) || shouting;
        }
    }

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['\u2019][\\p{L}]+)?(?:/[\\p{L}\\p{N}]*)?");
    private static final String UNIT = "(d|days?|wks?|weeks?|w|mos?|months?|yrs?|years?|hrs?|hours?)";
    /** "x2wk", "x 3 days": for how long. */
    private static final Pattern FOR = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])x\\s?(\\d+(?:\\.\\d+)?)\\s?" + UNIT + "(?![\\p{L}\\p{N}])");
    /** "gave out x3", "x2 today": how many times, once {@link #FOR} has read "x3d"; in lower case only ("X5" names a thing). */
    private static final Pattern TIMES = Pattern.compile("(?<![\\p{L}\\p{N}])x(\\d{1,2})(?![\\p{L}\\p{N}]|[.,/-]\\d)");
    /** "3d", "2wks", "6mo": a number glued to its unit. */
    private static final Pattern GLUED = Pattern.compile("(?<![\\p{L}\\p{N}.])(\\d+(?:\\.\\d+)?)(d|wk|wks|w|mo|mos|yr|yrs|hr|hrs|h)(?![\\p{L}\\p{N}])");
    private static final Pattern YEARS_OLD = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(\\d{1,3})\\s?(?:yo|y/o|y\\.o\\.)(?![\\p{L}\\p{N}])");
    /** "35F", "(62M)": an age and a sex; a temperature ("101F") is 95 or more. */
    private static final Pattern AGE_SEX = Pattern.compile("(?<![\\p{L}\\p{N}.])(\\d{1,2})([FM])(?![\\p{L}\\p{N}])");
    private static final Pattern SIDE = Pattern.compile("(?<![\\p{L}\\p{N}])(R|L|Rt|Lt|rt|lt)\\.?\\s+(?=(?i:legs?|foot|feet|hips?|side|knee|buttock|butt|glutes?|sciatica|arm|thigh|calf|ankle|heel|toes?|lower|low|hamstring|shin|LE|SI)(?![\\p{L}]))");

    private final Map<String, List<Entry>> entries;

    private Shorthand(Map<String, List<Entry>> entries) {
        this.entries = entries;
    }

    private static volatile Shorthand bundled;

    public static Shorthand get() {
        Shorthand s = bundled;
        if (s == null) bundled = s = read();
        return s;
    }

    private static Shorthand read() {
        Map<String, List<Entry>> entries = new HashMap<>();
        for (String[] c : BundledTable.rows(RESOURCE, 2, 3, "the shorthand glossary")) {
            String written = c[0];
            boolean exact = !written.equals(written.toLowerCase(Locale.ROOT));
            Set<String> after = c.length == 3 ? Set.of(c[2].toLowerCase(Locale.ROOT).split("\\s+")) : Set.of();
            boolean filler = c[1].startsWith("~");
            entries.computeIfAbsent(written.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(new Entry(written, filler ? c[1].substring(1) : c[1], exact, after, filler));
        }
        entries.replaceAll((k, v) -> List.copyOf(v));
        return new Shorthand(Map.copyOf(entries));
    }

    /** The text with its shorthand in plain words, fillers ("tho", "tbh") too; a text without any comes back as it is. */
    public String expand(String text) {
        return expand(text, true);
    }

    /** The text as the search reads it: its shorthand in plain words, its fillers as written. */
    public String forSearch(String text) {
        return expand(text, false);
    }

    private String expand(String text, boolean fillers) {
        String s = numbers(text);
        boolean shouting = shouting(s);
        Matcher m = TOKEN.matcher(s);
        StringBuilder out = new StringBuilder(s.length() + 16);
        int last = 0;
        String previous = null;
        while (m.find()) {
            String token = m.group();
            String read = reading(token, previous, shouting, fillers);
            int slash = token.indexOf('/');
            if (read == null && slash >= 0 && slash < token.length() - 1) {
                // "w/numbness", "w/u": the shorthand before the slash, then the word after it, itself read
                String head = token.substring(0, slash + 1);
                String headRead = reading(head, previous, shouting, fillers);
                if (headRead != null) {
                    String rest = token.substring(slash + 1);
                    String restRead = reading(rest, head, shouting, fillers);
                    read = headRead + " " + (restRead == null ? rest : restRead);
                }
            }
            if (read != null) {
                out.append(s, last, m.start()).append(read);
                last = m.end();
            }
            previous = token;
        }
        if (last == 0) return s;
        return out.append(s, last, s.length()).toString();
    }

    private String reading(String token, String previous, boolean shouting, boolean fillers) {
        List<Entry> candidates = entries.get(token.toLowerCase(Locale.ROOT));
        if (candidates == null) return null;
        for (Entry e : candidates) {
            if (e.matches(token, previous, shouting, fillers)) return e.readAs();
        }
        return null;
    }

    private static String numbers(String text) {
        String s = FOR.matcher(text).replaceAll(r -> "for " + r.group(1) + " " + unit(r.group(2)));
        s = TIMES.matcher(s).replaceAll(r -> r.group(1) + " times");
        s = GLUED.matcher(s).replaceAll(r -> r.group(1) + " " + unit(r.group(2)));
        s = YEARS_OLD.matcher(s).replaceAll(r -> r.group(1) + " years old");
        s = AGE_SEX.matcher(s).replaceAll(r -> Integer.parseInt(r.group(1)) >= 95 ? Matcher.quoteReplacement(r.group())
                : r.group(1) + " year old " + (r.group(2).equals("F") ? "woman" : "man"));
        return SIDE.matcher(s).replaceAll(r -> r.group(1).toLowerCase(Locale.ROOT).startsWith("r") ? "right " : "left ");
    }

    private static String unit(String u) {
        String l = u.toLowerCase(Locale.ROOT);
        if (l.startsWith("d")) return "days";
        if (l.startsWith("w")) return "weeks";
        if (l.startsWith("mo")) return "months";
        if (l.startsWith("y")) return "years";
        return "hours";
    }

    /** Mostly capitals: shouting, where "AM" is a word and not a time. */
    private static boolean shouting(String s) {
        int letters = 0, capitals = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) capitals++;
            }
        }
        return letters >= 12 && capitals > letters * 0.6;
    }

    private static boolean allCapitals(String token) {
        boolean letter = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLowerCase(c)) return false;
            if (Character.isLetter(c)) letter = true;
        }
        return letter;
    }
}
