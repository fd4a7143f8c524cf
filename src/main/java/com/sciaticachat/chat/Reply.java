package com.sciaticachat.chat;

import com.sciaticachat.corpus.Block;
import java.util.List;

/**
 * What the chat says to one question; serialised as the body of {@code POST /api/v1/ask}.
 *
 * @param status     what kind of reply it is
 * @param reply      the text the widget shows first
 * @param answer     the section answering the question, or null
 * @param related    other sections worth offering (never the answer itself, its parent or its children)
 * @param urgent     the emergency or see-a-doctor warning, or null
 * @param caution    a calm note on the warning signs, for a question about a red-flag condition, or null
 * @param check      the one question the chat asks when an emergency sign is likely but not certain, or null
 * @param disclaimer always present, never empty
 */
public record Reply(Status status, String reply, Answer answer, List<Related> related, Urgent urgent, Caution caution, Check check,
                    String disclaimer) {

    /** What kind of reply it is; in JSON, its lower-case name ({@code "no_match"}). */
    public enum Status {
        /** a section of the guide answers it */
        ANSWERED,
        /** the guide has no good answer: the clinic's contact, and maybe sections to ask about instead */
        NO_MATCH,
        /** a red flag: urgent advice first */
        URGENT,
        /** a greeting, thanks or goodbye */
        SMALLTALK,
        /** the chat asks one question before deciding whether a red flag is meant */
        CHECK;

        @com.fasterxml.jackson.annotation.JsonValue
        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String toString() {
            return value();
        }
    }

    public Reply {
        related = List.copyOf(related);
    }

    /** A reply with no caution and no check question. */
    public Reply(Status status, String reply, Answer answer, List<Related> related, Urgent urgent, String disclaimer) {
        this(status, reply, answer, related, urgent, null, null, disclaimer);
    }

    /** The same reply with a caution. */
    public Reply withCaution(Caution c) {
        return new Reply(status, reply, answer, related, urgent, c, check, disclaimer);
    }

    /**
     * A section of the clinic's documents.
     *
     * @param text       the whole section as plain text, one block per line
     * @param blocks     the same text in blocks (paragraphs, list items with their labels, sub-headings) for display
     * @param highlights sentences of {@code text} that best match the question
     * @param source     the corpus file it comes from
     * @param sourceName who published it and the document's title, for visitors
     * @param sourceUrl  where the original lives, or null
     * @param score      the calibrated confidence, 0 to 1
     * @param note       an extra line for this kind of section (medication, injections, surgery), or null
     * @param lead       what the reply opens with: the one to three sentences or list items of the section that
     *                   answer the question (its first paragraph when none stands out); empty when {@code parts} leads
     * @param parts      for a section made of sub-sections (a whole topic), those sub-sections: the reply opens
     *                   with them; empty otherwise
     */
    public record Answer(String sectionId, String title, List<String> path, String text, List<Block> blocks,
                         List<String> highlights, String source, String sourceName, String sourceUrl, double score,
                         String note, List<String> lead, List<Related> parts, List<Related> next) {
        public Answer {
            lead = List.copyOf(lead);
            parts = List.copyOf(parts);
            next = List.copyOf(next);
        }

        /** The same section with nothing picked out to lead: shown whole. */
        public Answer withoutLead() {
            return new Answer(sectionId, title, path, text, blocks, highlights, source, sourceName, sourceUrl, score, note, List.of(), parts, next);
        }
    }

    public record Related(String sectionId, String title) {}

    /**
     * @param level       emergency | see_doctor
     * @param message     what to do, now
     * @param signs       the signs recognised, in plain words
     * @param someoneElse the visitor described someone else's sign; the message is worded for them
     * @param kind        red_flag (a sign in the clinic's safety rules), self_harm or heart_or_stroke (the chat's own)
     */
    public record Urgent(String level, String message, List<String> signs, boolean someoneElse, String kind) {
        public static final String RED_FLAG = "red_flag";
    }

    /**
     * @param message the calm note
     * @param signs   the warning signs that need 911, in plain words
     * @param earlier whether it recalls signs told earlier in the conversation, which the widget shows before the reply
     */
    public record Caution(String message, List<String> signs, boolean earlier) {
        public Caution(String message, List<String> signs) {
            this(message, signs, false);
        }
    }

    /**
     * The check question: the visitor answers by asking the same question again with {@code "check": "yes"}
     * (an emergency reply follows) or {@code "check": "no"} (the answer follows).
     *
     * @param message the question
     * @param signs   the emergency signs it asks about, in plain words
     * @param level   the level a "yes" leads to (emergency)
     */
    public record Check(String message, List<String> signs, String level) {}
}
