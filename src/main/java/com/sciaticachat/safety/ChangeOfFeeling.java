package com.sciaticachat.safety;

import com.sciaticachat.analysis.Words;
import java.util.regex.Pattern;

/**
 * Whether a message tells of a change of feeling anywhere: numbness, tingling, pins and needles, a part gone dead or
 * asleep, not feeling the paper when wiping, "like the dentist's injection", in English, Spanish and the words of other
 * languages the phrasings hold. Saddle numbness is such a change in the seat; a message that tells only of pain there
 * ("it hurts deep in my butt cheek, will you massage it?", the commonest sciatica there is) does not tell of it, however
 * near its words sit to the sign's phrasings.
 *
 * <p>The words are many and loose on purpose ("feel", "weird", "different" count): erring on their side keeps an alarm.
 */
final class ChangeOfFeeling {
    private ChangeOfFeeling() {}

    private static final Pattern FEELING = Pattern.compile("\\b(?:numb\\w*|numn\\w*|num|tingl\\w*|pins|needles|asleep|dead\\w*|prickl\\w*"
            + "|feel\\w*|felt|sens\\w*|insensib\\w*|anesth\\w*|anaesth\\w*|anestes\\w*|novo?caine|novacaine|lidocaine"
            + "|dentist\\w*|buzz\\w*|electric\\w*|fuzzy|fizz\\w*|crawl\\w*|ants|hormig\\w*|fourmi\\w*|engourd\\w*|dormi\\w*|duerm\\w*|adorm\\w*"
            + "|entum\\w*|acorch\\w*|cosquill\\w*|parest\\w*|sient\\w*|sentir\\w*|noto|notar|manhid\\w*|namamanhid\\w*"
            + "|maramdam\\w*|madera|wood\\w*|rubber\\w*|frozen|froze|cushion|mine|weird\\w*|strange\\w*|funny|odd|different|wip(?:e|es|ed|ing)"
            + "|paper|tissue)\\b");

    /** Whether the message tells of a change of feeling (see the class comment). */
    static boolean told(String message) {
        return FEELING.matcher(Words.fold(message)).find();
    }
}
