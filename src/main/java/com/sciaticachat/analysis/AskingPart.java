package com.sciaticachat.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The part of a message that asks, when the message also tells something else first: "my uncle had cauda equina once,
 * i just have normal sciatica. what stretches", "my dog fell down the stairs lol anyway how many sessions do i need".
 * What the visitor tells beside the question (a relative, a pet, a past illness) can pull the whole message away from
 * the section that answers its question; the chat then also reads the asking part alone.
 */
public final class AskingPart {
    private AskingPart() {}

    /** Where a message turns to its question: a sentence's end, or a word that leaves what came before ("anyway"). */
    private static final Pattern TURN = Pattern.compile("(?<=[.!?;])\\s+|\\s+(?=\\b(?:anyway|anyways|anyhow|btw|by the way)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** A part that asks: a question mark, or a question word at its start. */
    private static final Pattern ASKS = Pattern.compile("\\?|^\\W*(?:(?:anyway|anyways|anyhow|btw|by the way|so|and|but|ok|okay)\\W+)*"
            + "(?:what|which|how|when|where|why|who|can|could|should|would|will|is|are|do|does|did|any|anything|tips?|help)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A part needs this many words to be read alone: "why?" alone says nothing of what it asks. */
    private static final int MIN_WORDS = 2;

    /** Asking in so many words without a question: "I'd like to know the price.", "please tell me how long". */
    private static final Pattern REQUESTS = Pattern.compile("\\b(?:(?:want|wanted|would like|'d like|need|needs) to know|wanna know|gotta know|tell me|let me know|wondering|wonder"
            + "|curious|please advise|kindly advise|advise me|explain)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * The parts of a message that ask (a question, or a request to be told), joined; the whole message when it has one
     * part or none of its parts asks (a keyword search, "cost of massage").
     */
    public static String asking(String message) {
        if (message == null) return null;
        List<String> parts = parts(message);
        if (parts.size() < 2) return message;
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (ASKS.matcher(p).find() || REQUESTS.matcher(p).find()) out.append(out.length() == 0 ? "" : " ").append(p);
        }
        return out.length() == 0 ? message : out.toString();
    }

    /** The last part of the message that asks, when the message has more than that part; null otherwise. */
    public static String of(String message) {
        if (message == null) return null;
        List<String> parts = parts(message);
        if (parts.size() < 2) return null;
        for (int i = parts.size() - 1; i >= 1; i--) {
            String p = parts.get(i);
            if (ASKS.matcher(p).find() && p.split("\\s+").length >= MIN_WORDS) return p;
        }
        return null;
    }

    /** The message cut where it turns ({@link #TURN}), blank parts dropped. */
    private static List<String> parts(String message) {
        List<String> parts = new ArrayList<>();
        for (String p : TURN.split(message.strip())) if (!p.isBlank()) parts.add(p.strip());
        return parts;
    }
}
