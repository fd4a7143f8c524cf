package com.sciaticachat.chat;

import com.sciaticachat.analysis.Words;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A visitor's own words in answer to the check question ("Do you have any of these?"), typed rather than tapped: "yes",
 * "yeah I think so", "no", "no none of those", "nope, it's old pain". On a phone most people type. A reply that opens
 * with an answer is that answer; an unsure one ("maybe", "not sure") counts as yes, as a person at the front desk would
 * take it when the question is about warning signs. Spanish answers too ("sí, un poco", "no, nada de eso", "no sé").
 */
final class CheckReply {
    private CheckReply() {}

    private static final String END = "(?=$|[^\\p{L}\\p{N}'])";
    /** Words that open a yes (an unsure answer counts as yes). */
    private static final Pattern YES = Pattern.compile("^(?:yes+|yeah|yea|yep|yup|yah|correct|affirmative|definitely|absolutely|sure|i think so"
            + "|i guess so|afraid so|maybe|possibly|perhaps|probably|not sure|i'?m not sure|unsure|kind of|kinda|sort of|a (?:little|bit)"
            + "|some of (?:them|those|these)|one of (?:them|those|these)"
            // Spanish, accents folded: "sí, un poco"; "si" also opens "si me duele..." (if it hurts), so only before a pause;
            // "no sé" (I don't know) is unsure
            + "|si(?=\\s*[,.!;:])|claro|creo que si|a lo mejor|tal vez|no se|no estoy segur[oa])" + END);
    /** A yes that is the whole message ("I do.", "she has", "si"): opening a longer one, these words may start anything. */
    private static final Pattern YES_ALONE = Pattern.compile("^(?:i (?:do|have|am|did)|(?:he|she|they|it) (?:does|has|is|did|do|have|are)|si)[.!]*$");
    /** Words that open a no. */
    private static final Pattern NO = Pattern.compile("^(?:no+|nope|nah|naw|nada|none|negative|not really|not at all|neither|nothing like that"
            + "|i (?:don'?t|do not|haven'?t|have not)|(?:he|she|they) (?:doesn'?t|does not|don'?t|hasn'?t|has not|haven'?t))" + END);

    /** The answer a message opens with, or null when it does not open with one. */
    static ChatService.CheckAnswer of(String message) {
        if (message == null) return null;
        String text = Words.fold(message).toLowerCase(Locale.ROOT).replace('\u2019', '\'').strip();
        text = text.replaceFirst("^[^\\p{L}\\p{N}]+", "");
        if (text.isEmpty()) return null;
        if (YES.matcher(text).find() || YES_ALONE.matcher(text).find()) return ChatService.CheckAnswer.YES;
        if (NO.matcher(text).find()) return ChatService.CheckAnswer.NO;
        return null;
    }
}
