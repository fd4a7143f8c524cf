package com.sciaticachat.safety;

import com.sciaticachat.analysis.Words;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a question asks how serious the condition itself can be ("is sciatica dangerous?", "can this nerve pain be
 * something serious?", "which symptoms need a doctor right away?") or when to get urgent care ("when should I go to the ER?").
 * It names no warning sign the chat is sure of, yet the visitor is asking what the warning signs answer: the reply comes
 * with the calm caution that lists them.
 */
final class WorryQuestion {
    private WorryQuestion() {}

    private static final Pattern SERIOUS = Pattern.compile("\\b(?:dangerous|danger|serious|seriously|life[- ]threatening|emergency|"
            + "worried|worry|worrying|concerned|alarming|bad sign|permanent(?:ly)?|paraly[sz]\\w*|cripple\\w*"
            + "|(?:right|straight) away|immediately|urgent(?:ly)?|asap)\\b");
    /**
     * When to get urgent care, or what its signs are: "when should I go to the ER?", "what are the warning signs?". In a
     * chat about sciatica these ask what the warning signs answer, whether or not they name the condition.
     */
    private static final Pattern URGENT_CARE = Pattern.compile("\\b(?:red flags?|warning signs?"
            + "|go (?:to )?(?:the |an? )?(?:er|e\\.r\\.?|hospital|emergency(?: room)?|a ?& ?e|urgent care)|call (?:911|an ambulance))\\b");
    private static final Pattern CONDITION = Pattern.compile("\\b(?:sciatica|sciatic|nerve|back pain|this pain|leg pain|symptoms?|pinched)\\b");

    /**
     * Whether the condition can do something to a part or function the emergency signs are about, asked in general:
     * "can sciatica make you pee yourself?", "does sciatica affect your bladder?", "could a pinched nerve cause numbness
     * down there?". A message that only tells how those are ("bladder and bowels are normal, can I book?") does not ask it.
     */
    private static final Pattern DOES_IT = Pattern.compile("\\b(?:can|could|does|do|will|would|is it possible (?:for|that))\\b[^.?!]{0,40}"
            + "\\b(?:cause[sd]?|causing|make[sd]?|making|affect[sed]*|lead to|leads to|give[sn]?|mess\\w* (?:with|up))\\b[^.?!]{0,40}"
            + "\\b(?:bladder|bowels?|pee\\w*|wee\\w*|poo\\w*|incontinen\\w*|toilet|wet (?:yourself|myself|themselves|the bed)"
            + "|groin|genital\\w*|down there|numb\\w*|both legs|erections?|sex\\w*|paraly[sz]\\w*)\\b");

    /** A word before the worry that says there is none: "nothing serious", "never had anything serious", "rather than alarming". */
    private static final Pattern NONE_BEFORE = Pattern.compile("\\b(?:nothing|not|no|never|anything|rather than)\\W+(?:\\w+\\W+){0,2}$");

    /** Whether a message that asks (see {@link Framing#cues}) asks how serious sciatica or its pain can be, or when to get urgent care. */
    static boolean about(String message) {
        String text = Words.fold(message);
        if (said(URGENT_CARE, text)) return true;
        if (!CONDITION.matcher(text).find()) return false;
        return said(SERIOUS, text) || DOES_IT.matcher(text).find();
    }

    /** Whether the text says one of these words with no word before it that says there is none. */
    private static boolean said(Pattern words, String text) {
        Matcher m = words.matcher(text);
        while (m.find()) {
            if (!NONE_BEFORE.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find()) return true;
        }
        return false;
    }
}
