package com.sciaticachat.safety;

import com.sciaticachat.analysis.Words;
import java.util.regex.Pattern;

/**
 * Whether a message ties leaking urine to a strain or to hurry: "can't hold my pee when I sneeze, I'm 3 months
 * postpartum", "I leak a little if I cough", "sometimes I don't make it to the bathroom in time". Leaks that come with
 * a sneeze, a cough, a laugh or a jump are stress incontinence, common after childbirth and with age, and not getting
 * there in time is urgency, with the feeling intact; the loss of bladder control that is an emergency comes unfelt and
 * without cause. The chat asks the check question about the emergency signs (with its 911 link) rather than sending
 * the visitor to 911 on that alone. The writers of the held-out red flags draw the same line ("now I keep leaking pee
 * without realizing it, not from sneezing"), so a strain the message sets aside keeps the alarm.
 */
final class OnStrain {
    private OnStrain() {}

    private static final String STRAIN = "sneez\\w*|cough\\w*|laugh(?:s|ed|ing)?|jump\\w*|estornud\\w*|tos|toser|toso|rio|reir";
    /** "when I sneeze", "if she coughs", "every time I laugh", "sneeze leaks", "al toser". */
    private static final Pattern ON_STRAIN = Pattern.compile("\\b(?:(?:when|whenever|while|if|every ?time|each time|anytime|as soon as|cuando|si|al)"
            + "(?: (?:i|he|she|they|we|you|my|his|her|yo))?(?: \\w+)? (?:" + STRAIN + ")|(?:" + STRAIN + ") (?:leak\\w*|pee\\w*|wee\\w*|dribbl\\w*))\\b");
    /** "don't make it to the bathroom in time": urgency, felt. */
    private static final Pattern IN_TIME = Pattern.compile("\\b(?:make|makes|made|making|get|gets|got|reach|reached) (?:it )?(?:to )?the (?:bathroom|toilet|loo|restroom)"
            + " in time\\b");
    /** A strain the message sets aside: "not from sneezing", "not a sneeze thing", "not like the sneeze leaks", "without coughing". */
    private static final Pattern NOT_STRAIN = Pattern.compile("\\b(?:not|no|never|without|nothing)(?: \\w+){0,3} (?:" + STRAIN + ")\\b");
    private static final Pattern LEAK = Pattern.compile("\\b(?:pee(?:s|d|ing)?|wee(?:s|d|ing)?|urin\\w*|bladder|leak\\w*|wet|dribbl\\w*|piss\\w*|orin\\w*|pipi|vejiga|hold it)\\b");
    /** Words of the emergency beside it: unfelt, a bowel, the seat gone numb. */
    private static final Pattern UNFELT = Pattern.compile("\\b(?:without (?:feeling|realizing|realising|noticing|knowing)|did not (?:feel|notice|realize|realise)|"
            + "can ?not feel|no feeling|numb\\w*|poo(?:p|ps|ped|ping|s)?|bowel\\w*|stool|messed|soiled|can ?not (?:pee|go|wee|empty))\\b");

    /** Whether the message's leaks come with a strain or a hurry it does not set aside, and nothing tells of them unfelt. */
    static boolean only(String message) {
        String text = Words.expandContractions(Words.fold(message)).replaceAll("[^a-z' ]+", " ").replaceAll("\\s+", " ");
        if (UNFELT.matcher(text).find() || NOT_STRAIN.matcher(text).find()) return false;
        return LEAK.matcher(text).find() && ON_STRAIN.matcher(text).find() || IN_TIME.matcher(text).find();
    }
}
