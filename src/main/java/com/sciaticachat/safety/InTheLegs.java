package com.sciaticachat.safety;

import com.sciaticachat.analysis.Words;
import java.util.regex.Pattern;

/**
 * Whether a message places its numbness or tingling in one leg or foot and says no word of the seat, the middle of
 * the body or two limbs: "my leg's gone numb and tingly, is that the sciatica?". Such a message rules out a sign of the saddle
 * area ({@code saddle_area: yes} in {@code safety.yml}): numbness down a leg is the sciatica itself, and the sentence
 * model reads "numb leg" much like "numb bum".
 *
 * <p>The words that keep the sign are many, because the saddle area is told in many ways ("where I sit", "my behind",
 * "the seat", "ahí abajo"); erring on their side keeps an alarm.
 */
final class InTheLegs {
    private InTheLegs() {}

    private static final String NUMB = "(?:numb\\w*|tingl\\w*|pins (?:and|n|&) needles|asleep|dead|hormigue\\w*|dormid\\w*|prickl\\w*|"
            + "no feeling|can'?t feel|cannot feel)";
    private static final String LIMB = "(?:leg|legs|foot|feet|toe|toes|calf|calves|shin|shins|knee|knees|ankle|ankles|heel|heels|sole|soles)";
    private static final Pattern NUMB_LIMB = Pattern.compile(NUMB + "\\W+(?:\\w+\\W+){0,5}?" + LIMB + "\\b|\\b" + LIMB + "\\W+(?:\\w+\\W+){0,5}?" + NUMB);

    /** Words of the seat, the hips and the buttocks, in English and Spanish, beside those of the middle of the body. */
    private static final Pattern SEAT = Pattern.compile("\\b(?:sit\\w*|sat|seat\\w*|behind|bum|bums|butt\\w*|ass|arse|hip|hips|thigh\\w*|glute\\w*|"
            + "buttock\\w*|cheek\\w*|hind|rear|tush\\w*|booty|buns|coccyx|tailbone|pelvi\\w*|lap|bike|bicycle|cushion|nalga\\w*|culo|trasero|"
            + "entre|abajo|poto|fondillo|muslo\\w*|sentar\\w*|sentad\\w*|parte\\w*|pompi\\w*|ingle|ano|zona|area|region\\w*|under\\w*|ahi|alla)\\b");

    /**
     * The thigh's outside, front, side or back is the leg, where sciatica is felt; its inside is of the saddle area: "my
     * outer thigh is numb", "numb on the front of my thigh", "my thigh is numb on the outside" (not "my inner thigh").
     */
    private static final Pattern THIGH_OUTSIDE = Pattern.compile("\\b(?:outer|outside|front|side|lateral|back)\\s+(?:part\\s+|side\\s+)?(?:of\\s+)?"
            + "(?:(?:my|the|his|her|your|their|left|right)\\s+){0,2}thighs?\\b|\\bthighs?\\b((?:\\W+\\w+){0,4}?)\\W+on\\s+(?:the\\s+)?"
            + "(?:outside|outer\\s+side|front|side|back)\\b");

    /** The message with a thigh placed on its outside, front, side or back told as a leg. */
    static String thighAsLeg(String text) {
        java.util.regex.Matcher m = THIGH_OUTSIDE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(" leg" + (m.group(1) == null ? " " : m.group(1))));
        m.appendTail(out);
        return out.toString();
    }

    /** Two limbs, which is a sign of its own (both legs): its alarm keeps the belief it shares with the saddle area. */
    private static final Pattern TWO = Pattern.compile("\\b(?:both|two|2|each|either|legs|feet|calves|knees|ankles|shins|heels)\\b");

    /** Whether the message places its numbness in one leg or foot and says no word of the seat, the middle or two limbs. */
    static boolean only(String message) {
        String text = thighAsLeg(Words.fold(message));
        return NUMB_LIMB.matcher(text).find() && !OneSided.MIDDLE.matcher(text).find() && !SEAT.matcher(text).find()
                && !TWO.matcher(text).find();
    }
}
