package com.sciaticachat.safety;

import com.sciaticachat.analysis.Words;
import java.util.regex.Pattern;

/**
 * Whether a message ties the numbness or tingling of its legs or feet to a posture that presses on them: "both my legs
 * get tingly when I sit cross-legged", "my feet fall asleep kneeling in the garden". Legs that go to sleep in such a
 * posture and wake when it ends are the everyday pins and needles, not the numbness of both legs that comes and stays;
 * the chat asks the check question about the emergency signs rather than sending the visitor to 911 on that alone.
 */
final class InAPosition {
    private InAPosition() {}

    /** Postures that press on the legs' nerves, in English and Spanish. */
    private static final Pattern POSTURE = Pattern.compile("\\b(?:cross[- ]?legged|criss[- ]?cross\\w*|legs? crossed|cross(?:ing)? (?:my|her|his|their) legs"
            + "|kneel\\w*|knelt|on (?:my|her|his|their) knees|squat\\w*|crouch\\w*|lotus|indian style|(?:sit|sitting|sat) on (?:my|her|his|their) (?:legs|feet|heels)"
            + "|(?:sit|sitting|sat) on the (?:floor|ground)|(?:sit|sitting|sat) (?:in )?seiza|piernas cruzadas|de rodillas|en cuclillas)\\b");
    /** Words that tie it to the posture: the numbness comes with it. */
    private static final Pattern WHEN = Pattern.compile("\\b(?:when|whenever|while|if|after|every time|everytime|each time|from|cuando|si)\\b");
    /** Words that say it no longer goes with the posture: it stays, or came without it. */
    private static final Pattern STAYS = Pattern.compile("\\b(?:stay\\w*|won'?t go|doesn'?t go|does not go|not going away|all the time|constant\\w*|"
            + "even (?:when|after|lying|standing|walking)|still numb|for hours|for days|since|getting worse|worse and worse|bladder|bowel|pee|poop|wet)\\b");
    private static final Pattern NUMB = Pattern.compile("\\b(?:numb\\w*|tingl\\w*|pins (?:and|n|&) needles|asleep|dead|prickl\\w*|"
            + "hormigue\\w*|dormid\\w*|duerm\\w*)");

    /** Whether the message's numbness comes with a posture that presses on the legs and says nothing of it staying. */
    static boolean only(String message) {
        String text = Words.fold(message);
        return NUMB.matcher(text).find() && POSTURE.matcher(text).find() && WHEN.matcher(text).find() && !STAYS.matcher(text).find();
    }
}
