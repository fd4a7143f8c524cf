package com.sciaticachat.safety;

import java.util.List;
import java.util.Set;

/**
 * Sets aside what a message only supposes: "if my wife ever gets numb down there, should we go to the hospital?" tells
 * of nothing happening. This is the hypothetical modifier of clinical text mining (ConText, Harkema et al. 2009): a
 * word that supposes opens a scope that runs to the end of its clause, or to the question the supposition leads to
 * ("should we", "is that", "what").
 *
 * <p>What supposes: "what if", "suppose", "in case", "god forbid", "say" opening a sentence ("say my dad got a fever"), and
 * an "if" whose clause looks ahead ("ever", "one day", "in future"). A plain "if" tells what happens when something is
 * done as often as it supposes ("if I cough I leak"), so its clause is set aside only when a question follows it at once
 * ("if I suddenly can't feel my bottom, should I go to hospital?"); what follows an "if" is never set aside. An "if"
 * that means "whether" ("not sure if", "wonder if"), "as if" and "if you know what I mean" suppose nothing.
 */
final class Hypotheticals {

    /** Words that open a question the supposition leads to, when a subject follows them ("should we", "is that"). */
    private static final Set<String> ASKING = Set.of("should", "would", "will", "shall", "must", "could", "do", "does", "is", "are", "can",
            "gotta", "need", "did");
    private static final Set<String> QUESTION_WORDS = Set.of("what", "who", "whom", "how", "where", "then", "whats");
    private static final Set<String> SUBJECTS = Set.of("i", "we", "you", "he", "she", "they", "it", "that", "this", "there", "massage", "my",
            "me", "mi", "ye", "u", "ya", "y'all", "someone", "somebody", "one");
    /** Subjects that, inside a supposition, open what follows it. */
    private static final Set<String> OPENS_WHAT_FOLLOWS = Set.of("i", "he", "she", "we", "they", "you", "it");
    /** Words after which a subject goes on with the supposition ("if she and I", "if the pain and it"). */
    private static final Set<String> JOINS = Set.of("and", "or", "nor", "that", "when", "whether", "if", "like");
    /** Words that open a phrase before a clause's subject ("with the back pain", "after a fall", "during the night"). */
    private static final Set<String> PHRASE_OPENERS = Set.of("with", "after", "during", "from", "in", "on", "at", "because", "due",
            "following", "besides", "along");
    /** Words that tell of now. */
    private static final Set<String> NOW = Set.of("now", "currently", "today", "tonight", "yesterday", "since", "rn", "atm", "moment");
    /** Words an "if" looks ahead with. */
    private static final Set<String> AHEAD = Set.of("ever", "someday", "future", "later", "eventually", "sometime");
    /** Before "if", words that make it "whether" or a likeness. */
    private static final Set<String> WHETHER = Set.of("sure", "wonder", "wondering", "wondered", "know", "knows", "ask", "asking", "asked",
            "see", "check", "tell", "unsure", "idk", "dunno", "as", "like", "even", "doubt", "curious", "advise", "confirm", "decide", "unclear",
            "understand", "find", "out", "whether");
    /** Who a clause opened by "say" is about. */
    private static final Set<String> SAY_SUBJECTS = Set.of("my", "me", "mi", "i", "he", "she", "someone", "somebody", "a", "the", "you", "your",
            "we", "our", "his", "her", "ma", "they", "their");
    private static final Set<String> OPENS_CLAUSE = Set.of("and", "but", "so", "ok", "okay", "lets", "let's", "just", "like", "or", "well");

    private Hypotheticals() {}

    /** The message (folded, contractions spelt out) split into what it tells and what it only supposes. */
    static NotNow.Split split(String folded) {
        Tokens t = Tokens.of(folded);
        List<String> tokens = t.words();
        boolean[] drop = new boolean[tokens.size()];
        boolean any = false;
        for (int i = 0; i < tokens.size(); i++) {
            int open = opens(tokens, i);
            if (open < 0) continue;
            boolean strong = open > 0;
            int end = scopeEnd(tokens, i + Math.max(open, 1));
            // a supposition that tells of now is no supposition ("what if I can't feel my legs right now?")
            boolean now = false;
            for (int k = i + 1; k < end; k++) now |= NOW.contains(tokens.get(k));
            if (now) continue;
            if (!strong) {
                boolean ahead = false;
                for (int k = i + 1; k < end; k++) ahead |= AHEAD.contains(tokens.get(k)) || isOneDay(tokens, k);
                if (!ahead && !asksAfter(tokens, end)) continue;
            }
            for (int k = i; k < end; k++) drop[k] = true;
            any = true;
            i = end - 1;
        }
        return any ? new NotNow.Split(t.without(drop), t.only(drop)) : new NotNow.Split(folded, "");
    }

    /**
     * Whether a supposition opens at {@code at}: 0 for a plain "if", the opener's length for one that supposes whatever
     * follows ("what if", "in case", "say my ..."), -1 for none.
     */
    private static int opens(List<String> tokens, int at) {
        String w = tokens.get(at);
        String prev = at > 0 ? tokens.get(at - 1) : ".";
        String next = at + 1 < tokens.size() ? tokens.get(at + 1) : "";
        boolean clauseStart = at == 0 || Tokens.isMark(prev) || OPENS_CLAUSE.contains(prev);
        boolean sentenceStart = at == 0 || Tokens.isSentenceEnd(prev) || OPENS_CLAUSE.contains(prev);
        switch (w) {
            case "if":
                if (prev.equals("what")) return 1;
                // "not sure if", "ask him if"; not "only asking: if ...", where the "if" opens a clause of its own
                if (WHETHER.contains(prev) || at > 1 && !Tokens.isMark(prev) && WHETHER.contains(tokens.get(at - 2))) return -1;
                // "if you know what I mean"
                if (at + 2 < tokens.size() && tokens.get(at + 2).equals("know")) return -1;
                return 0;
            case "supposing", "hypothetically", "hypothetical":
                return 1;
            case "suppose":
                return clauseStart ? 1 : -1;
            case "case":
                return prev.equals("in") && !next.equals("of") ? 1 : -1;
            case "forbid":
                return prev.equals("god") ? 1 : -1;
            case "say":
                return sentenceStart && SAY_SUBJECTS.contains(next) ? 1 : -1;
            default:
                return -1;
        }
    }

    /**
     * Where a supposition's clause ends: a mark, the question it leads to, a subject that opens what follows it ("if I
     * cough I wet myself"), or the end of the message.
     */
    private static int scopeEnd(List<String> tokens, int from) {
        int k = from;
        // a supposition that opens with a phrase ("if with the back pain she starts to ...", "if after a fall he can't ...")
        // has its own subject still to come: that one does not open what follows
        boolean ownSubjectToCome = from < tokens.size() && PHRASE_OPENERS.contains(tokens.get(from));
        while (k < tokens.size()) {
            String w = tokens.get(k);
            if (Tokens.isMark(w)) return k;
            if (k >= from + 2) {
                String next = k + 1 < tokens.size() ? tokens.get(k + 1) : "";
                if (QUESTION_WORDS.contains(w) || ASKING.contains(w) && SUBJECTS.contains(next)) return k;
                if (OPENS_WHAT_FOLLOWS.contains(w) && !JOINS.contains(tokens.get(k - 1))) {
                    if (!ownSubjectToCome) return k;
                    ownSubjectToCome = false;
                }
            }
            k++;
        }
        return k;
    }

    /** Whether a question follows at once: a question mark closes what follows, or it opens with a question word. */
    private static boolean asksAfter(List<String> tokens, int at) {
        int k = at;
        while (k < tokens.size() && (tokens.get(k).equals(",") || tokens.get(k).equals("then"))) k++;
        if (k >= tokens.size()) return false;
        String w = tokens.get(k), next = k + 1 < tokens.size() ? tokens.get(k + 1) : "";
        return QUESTION_WORDS.contains(w) || ASKING.contains(w) && SUBJECTS.contains(next);
    }

    private static boolean isOneDay(List<String> tokens, int at) {
        return tokens.get(at).equals("day") && at > 0 && (tokens.get(at - 1).equals("one") || tokens.get(at - 1).equals("some"));
    }
}
