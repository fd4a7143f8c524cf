package com.sciaticachat.safety;

import com.sciaticachat.analysis.Words;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a message keeps its symptoms to one side, and tells of no change: "it's only down my left leg", "left leg
 * only, the right one is fine", "not in the other leg", "numbness in my left buttock and thigh". Such a message rules
 * out a sign that is never one-sided ({@code both_sides: yes} in {@code safety.yml}: both legs, the saddle area): the
 * classic sciatica a visitor describes is one-sided, and the sentence model reads "leg", "only", "buttock" and "both"
 * alike.
 *
 * <p>A sign that spreads is told by what changed, so any word of time, change or the other side outside the
 * one-sided phrase ("was only the left, now both", "only the right leg before", "the left has joined in", "too")
 * keeps the message from counting: it must say one side and nothing that could mean two.
 */
final class OneSided {
    private OneSided() {}

    private static final String SIDE = "(?:leg|side|foot|hip|buttock|butt|bum|cheek|calf|thigh)";
    private static final String NEGATION = "(?:not|no|never|nothing|isn't|doesn't|does not|don't|didn't|hasn't|has not|ain't|nor|without)";
    private static final String FINE = "(?:fine|ok|okay|clean|normal|strong|good|unaffected|clear|alright|all right|perfect)";

    /** One side said: "only (down) my left leg", "right leg only", "one-sided", "not both", "the other leg is fine". */
    private static final List<Pattern> ONE_SIDE = List.of(
            Pattern.compile("\\bonly\\b(?:\\W+\\w+){0,3}?\\W+(?:one|1|left|right|single)\\b(?:\\W+\\w+)?\\W+" + SIDE),
            Pattern.compile("\\b(?:one|left|right|1)\\W+" + SIDE + "s?\\W+only\\b"),
            Pattern.compile("\\bone[- ]sided\\b"),
            Pattern.compile("\\b(?:just|only)\\W+(?:on\\W+)?(?:the|my|his|her|one)\\W+(?:left|right)\\b"),
            Pattern.compile("\\bonly\\W+(?:on\\W+)?(?:the\\W+)?(?:left|right)\\b"),
            Pattern.compile("\\bnot\\W+(?:in\\W+|on\\W+|down\\W+)?both\\b"),
            Pattern.compile("\\b(?:other|opposite|second|left|right)\\W+(?:leg|side|foot)\\W+"
                    + "(?:(?:is|are|feels?|still|totally|completely|perfectly)\\W+)*" + FINE + "\\b"),
            Pattern.compile(NEGATION + "\\W+(?:\\w+\\W+){0,3}?(?:go(?:ing|es)?|spread(?:ing|s)?|mov(?:e|es|ing)|travel(?:s|ing|ling)?)\\W+"
                    + "(?:to|into|in|down)\\W+(?:(?:the|my|his|her)\\W+)?(?:other|opposite|second)\\W+(?:leg|side)"));

    /** One side named: "my left buttock", "on the right side", "one-sided", "only the left". */
    private static final Pattern LATERAL = Pattern.compile("\\b(?:left|right|one)\\W+(?:\\w+\\W+){0,2}?(?:side|buttock|buttocks|butt|cheek|bum|glute|hip|"
            + "leg|thigh|foot)\\b|\\bon\\W+(?:(?:the|my|his|her)\\W+)?(?:left|right)\\b");

    /**
     * Words of the middle of the body, or of both cheeks, where saddle numbness is told ("when I wipe", "down there",
     * "between my legs", "both cheeks", "my bottom"): with any of them the message is not kept to one side, whatever
     * side it names. Erring on this list's side keeps an alarm.
     */
    static final Pattern MIDDLE = Pattern.compile("\\b(?:genital\\w*|privates?|private parts?|private area|groin|crotch|between|"
            + "down there|down below|anus|anal|perine\\w*|taint|wip(?:e|es|ing|ed)|toilet|loo|paper|inner|inside of|vagina\\w*|penis|"
            + "scrotum|testic\\w*|balls|vulva|labia|bits|nether|undercarriage|sex\\w*|bedroom|saddle|cheeks|bottom|back passage|"
            + "rectum|seat area|where (?:i|you|he|she|we) sit|sit on|sitting on|lady|front and back|all around|around|buttocks|glutes)\\b");

    private static final Pattern LEFT = Pattern.compile("\\bleft\\b");
    private static final Pattern RIGHT = Pattern.compile("\\bright\\b");

    /**
     * Outside the one-sided phrase: a word of time, change, spreading or two sides, which a spreading sign needs ("first"
     * that closes a sentence asks what to do first: "should she see a physician first?").
     */
    private static final Pattern CHANGE_OR_TWO = Pattern.compile("\\b(?:before|used to|at first|earlier|previously|first(?!\\W*$)(?!\\s*[?.!;])|start(?:ed|s|ing)?|now|"
            + "today|yesterday|tonight|this morning|since|anymore|any more|join(?:ed|s)?|also|too|as well|spread\\w*|jump\\w*|"
            + "mov(?:e|ed|es|ing)|travel\\w*|both|two|2|each|either|bilateral|switch\\w*|went|gone|go(?:es|ing)? over|cross\\w*|"
            + "worse|worsening|getting)\\b");

    /** Words of the present: with no other side and nothing of before, they tell how things are now, not a change. */
    private static final Pattern PRESENT = Pattern.compile("now|today|tonight|this morning");

    /** The side named, with the word of the body that may follow it ("on the right side"). */
    private static final Pattern NAMED = Pattern.compile("(?:" + LATERAL.pattern() + ")(?:\\W+" + SIDE + "s?\\b)?");

    /** Outside the side named: another side or limb ("now the right", "the other one", "my foot too"). */
    private static final Pattern OTHER_SIDE = Pattern.compile("\\b(?:left|right|other|opposite|second|another|" + SIDE + "s?|feet)\\b");

    /** Words that tell of how it was before now (besides those {@link #CHANGE_OR_TWO} already finds). */
    private static final Pattern BEFORE = Pattern.compile("\\b(?:was|were|had|used|did|until|till|til|then)\\b");

    /**
     * Whether the message keeps its symptoms to one side: it says so, or names one side ("numbness in my left buttock");
     * and it says nothing of change or of the other side, names no two sides, and no word of the middle of the body.
     */
    static boolean only(String message) {
        String text = Words.fold(message);
        char[] masked = text.toCharArray();
        boolean said = false;
        for (Pattern p : ONE_SIDE) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                said = true;
                for (int i = m.start(); i < m.end(); i++) masked[i] = ' ';
            }
        }
        if (!said) {
            if (!LATERAL.matcher(text).find()) return false;
            if (LEFT.matcher(text).find() && RIGHT.matcher(text).find()) return false;
        }
        String rest = new String(masked);
        if (MIDDLE.matcher(rest).find()) return false;
        boolean present = false;
        for (Matcher m = CHANGE_OR_TWO.matcher(rest); m.find(); ) {
            if (!PRESENT.matcher(m.group()).matches()) return false;
            present = true;
        }
        // "her pain now radiates down one leg": a word of the present alone says how things are now, one side, unless the
        // message also names another side or limb, or tells of how it was ("left leg only, now the right")
        return !present || !OTHER_SIDE.matcher(NAMED.matcher(rest).replaceAll(" ")).find() && !BEFORE.matcher(rest).find();
    }
}
