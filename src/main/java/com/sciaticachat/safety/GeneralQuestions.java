package com.sciaticachat.safety;

import java.util.List;
import java.util.Set;

/**
 * Sets aside a question about what a sign means in general: "why is numb crotch with back pain a big deal?", "why does a
 * history of cancer make new back pain more concerning?" tell of nobody's sign. Such a sentence opens with "why", "what",
 * "how" or "which", asks what something means ("a warning sign", "dangerous", "a big deal", "an
 * emergency"), and names nobody: no "I", "my", "he", "her", "we". A message that tells of now anywhere ("today", "since
 * Monday") or claims what it asks about ("I think I have them") is read whole.
 */
final class GeneralQuestions {
    /** Question words that ask about something in general; a yes-or-no question ("is foot drop bad?") is often about one's own. */
    private static final Set<String> OPENERS = Set.of("why", "what", "whats", "what's", "how", "which");
    /** Words by which another sentence claims what the question asks about ("I think I have it", "sounds like mine"). */
    private static final Set<String> HAVING = Set.of("have", "has", "got", "having", "get", "getting", "had");
    private static final Set<String> REFERRING = Set.of("it", "them", "that", "those", "these", "this", "one", "some", "all");
    /** Words that ask what something means. */
    private static final Set<String> MEANING = Set.of("warning", "flag", "flags", "dangerous", "danger", "serious", "concerning", "concern",
            "emergency", "emergencies", "considered", "mean", "means", "deal", "worrying", "worrisome", "alarming", "urgent", "scary",
            "significant", "matter", "matters", "bad");
    /** Words that name a person the sign could belong to ("you" is anyone: "why do you lose control with it?"). */
    private static final Set<String> PERSONS = Set.of("i", "im", "i'm", "me", "my", "mine", "myself", "we", "us", "our", "he", "him", "his",
            "she", "her", "hers", "they", "them", "their", "mum", "mom", "dad", "husband", "wife", "son", "daughter", "ma", "mi");
    /** Words that tell of now. */
    private static final Set<String> NOW = Set.of("now", "today", "tonight", "yesterday", "currently", "since", "lately", "recently", "still",
            "started", "starting", "rn", "atm");

    private GeneralQuestions() {}

    /** The message (folded, contractions spelt out) split into what it tells and the general questions it asks. */
    static NotNow.Split split(String folded) {
        Tokens t = Tokens.of(folded);
        List<String> tokens = t.words();
        for (String w : tokens) if (NOW.contains(w)) return new NotNow.Split(folded, "");
        if (claims(tokens)) return new NotNow.Split(folded, "");
        boolean[] drop = new boolean[tokens.size()];
        boolean any = false;
        int start = 0;
        while (start < tokens.size()) {
            int end = start;
            while (end < tokens.size() && !Tokens.isSentenceEnd(tokens.get(end))) end++;
            int opens = opening(tokens, start, end);
            boolean asks = OPENERS.contains(tokens.get(opens));
            // "what is this cauda equina ...?", "what are saddle symptoms?": asking what a thing is asks what it means
            // (not "what is this?" after telling of a sign: "this" is the writer's own)
            boolean meaning = asks && opens + 2 < end && (tokens.get(opens + 1).equals("is") || tokens.get(opens + 1).equals("are"))
                    && tokens.get(opens).startsWith("what") && !(opens + 3 == end && REFERRING.contains(tokens.get(opens + 2)));
            boolean person = false;
            for (int k = opens; k < end; k++) {
                meaning |= MEANING.contains(tokens.get(k));
                // "my neighbour keeps talking about", "I read about": who heard of it is not who has it
                person |= PERSONS.contains(Tokens.bare(tokens.get(k))) && !hearsay(tokens, k, end);
            }
            if (asks && meaning && !person && end > opens) {
                for (int k = start; k < Math.min(end + 1, tokens.size()); k++) drop[k] = true;
                any = true;
            }
            start = end + 1;
        }
        return any ? new NotNow.Split(t.without(drop), t.only(drop)) : new NotNow.Split(folded, "");
    }

    /** Words by which someone only heard or read of a thing. */
    private static final Set<String> HEARSAY = Set.of("heard", "hear", "hears", "read", "reading", "talking", "talks", "talked", "mentioned",
            "mentions", "said", "says", "saying", "told", "tells", "telling", "keep", "keeps", "kept", "saw", "seen", "see");

    /** Whether the person named at {@code k} is only who heard or spoke of the thing: a hearsay word within the next three. */
    private static boolean hearsay(List<String> tokens, int k, int end) {
        for (int j = k + 1; j < Math.min(end, k + 4); j++) if (HEARSAY.contains(tokens.get(j))) return true;
        return false;
    }

    /**
     * Where a sentence's question starts: after a short greeting or form of address closed by a comma ("Mija, what is
     * ...", "ok doc, why is ..."); otherwise at its first word.
     */
    private static int opening(List<String> tokens, int start, int end) {
        for (int k = start + 1; k <= Math.min(start + 2, end - 2); k++) {
            if (tokens.get(k).equals(",") && OPENERS.contains(tokens.get(k + 1))) return k + 1;
        }
        return start;
    }

    /** Whether the message claims what it asks about: "I think I have them", "sounds like mine", "that's me". */
    private static boolean claims(List<String> tokens) {
        for (int k = 0; k + 1 < tokens.size(); k++) {
            String w = tokens.get(k), next = tokens.get(k + 1);
            if (HAVING.contains(w) && (REFERRING.contains(next) || k + 2 < tokens.size() && REFERRING.contains(tokens.get(k + 2)))) return true;
            if (w.equals("like") && (next.equals("me") || next.equals("mine"))) return true;
            if (w.equals("mine") || w.equals("that's") && next.equals("me")) return true;
        }
        return false;
    }
}
