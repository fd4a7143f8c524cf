package com.sciaticachat.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sets aside an episode the message says is over, so the detector and the rules read what is happening now:
 * "years ago I couldn't pee for a day, the hospital sorted it, never happened since. My back's just stiff" tells
 * of a stiff back. This is the historical modifier of clinical text mining (ConText, Harkema et al. 2009): a word
 * that says something ended ("cleared up", "resolved", "fine ever since", "never came back") closes the episode
 * told before it.
 *
 * <p>How far back the episode reaches: its own clause; when that clause has no subject of its own or refers back
 * ("cleared in a week", "it went away"), the clause before it; when the episode is dated well in the past ("years
 * ago", "last summer", "in 2019", "in my forties"), back over the clauses of its sentence and the sentence before.
 * It never reaches over a clause that tells of now ("since Monday", "now", "is", "can't") or a sign that came back
 * ("it came back on Tuesday"): then nothing is set aside. A function that went ("the feeling went away") is the sign
 * itself. A history of cancer, thin bones, long-term steroids, injected drugs or a weak immune system counts even when
 * it is over (NICE), so an episode that names one stays. The words are English; a Spanish message is read as written.
 */
public final class PastEpisodes {

    /** One-word markers of an episode that ended. */
    private static final Set<String> ENDED = Set.of("resolved", "recovered", "healed", "cured", "subsided", "disappeared", "cleared",
            "settled", "remission", "regained", "sorted", "fixed", "vanished");
    /** Markers of more than one word. */
    private static final List<String[]> ENDED_PHRASES = phrases(
            "went away", "gone away", "clear up", "cleared up",
            "back to normal", "returned to normal", "normal again", "normal since", "normal now", "normally now", "fine now", "fine since",
            "fine ever", "fine again", "ok now", "okay now", "ok since", "okay since", "ok again", "is well now", "am well now", "are well now", "doing well now", "strong again", "right as rain",
            "got better", "been fine", "been ok", "been okay", "been good", "been normal", "been well",
            "never happened since", "never happened again", "not happened since", "not happened again", "never came back", "never come back", "not come back",
            "not came back", "never returned", "not returned", "never again", "never had another", "no more trouble", "no trouble since", "no bother since",
            "no problems since", "no issues since", "put it back", "put it all back", "gained it back", "gained it all back",
            "gained back", "stopped after", "stopped when", "stopped with", "stopped once", "stopped by", "stopped on", "stopped completely",
            "stopped already", "it stopped", "that stopped", "walks normally", "walk normally", "walking normally", "it go away");
    /** A sign that came back: the episode is not over. */
    private static final List<String[]> CAME_BACK = phrases("came back", "come back", "coming back", "comes back", "is back", "are back",
            "back again", "recurred", "recurring", "relapse", "relapsed", "started again", "starting again", "flared", "flare up", "flaring",
            "worse again", "returned");
    /** Words that, just before a marker, reverse it ("has not resolved", "never went away"). */
    private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "nae", "neva", "nuh", "didnae", "hasnae", "havnae",
            "hasnt", "havent", "hadnt", "didnt", "doesnt", "dont", "isnt", "wasnt", "wont", "cant", "couldnt", "aint");
    /**
     * A body's functions and measures: what comes back of them is good news ("the feeling came back"), what went of them
     * is the sign ("the feeling went away", "8 kilos went away").
     */
    private static final Set<String> FUNCTIONS = Set.of("feeling", "feelings", "sensation", "strength", "control", "movement",
            "power", "weight", "urge", "grip", "erections", "erection", "kilo", "kilos", "kg", "kgs", "pounds", "lbs", "lb", "stone", "stones");
    /** Words of a clause that tell of now: the episode does not reach over it. */
    private static final Set<String> NOW = Set.of("now", "currently", "today", "tonight", "yesterday", "still", "lately", "recently",
            "nowadays", "am", "is", "are", "has", "have", "can", "cannot", "keeps", "keep", "getting", "started", "starting", "noo",
            "since", "this", "these", "does", "do", "cant", "cyaan", "wont", "isnt", "doesnt");
    /** Words that tell of now even in a clause dated in the past ("since last year", "still, years ago ..."). */
    private static final Set<String> STRONG_NOW = Set.of("now", "currently", "lately", "recently", "nowadays", "keeps", "keep", "getting", "noo");
    /** Words that, in the marker's own clause, tell of now ("numb since Monday and not gone"). */
    private static final Set<String> NOW_IN_CLAUSE = Set.of("since", "today", "tonight", "yesterday", "still", "currently", "this", "started",
            "starting");
    /** Words that date an episode well in the past. */
    private static final Pattern REMOTE = Pattern.compile("\\b(?:(?:years?|yrs?|months?|decades?|weeks|winters?|summers?|springs?|autumns?"
            + "|falls|ages|long time|while) (?:ago|back|before)|last (?:year|yr|summer|spring|fall|autumn|winter|christmas|month|time)"
            + "|(?:back )?in (?:19|20)\\d\\d|back in|in the past|in (?:my|his|her|their|our|ma) (?:teens|twenties|thirties|forties|fifties|sixties"
            + "|seventies|\\d0s)|as a (?:kid|child|teen|teenager|boy|girl|young)|when (?:i|he|she|they|we) (?:was|were) (?:young|little|a kid|\\d+)"
            + "|years? ago|long ago|before (?:my|his|her|the) (?:operation|surgery|op)|at school|previously|back in the day"
            + "|in (?:january|february|march|april|may|june|july|august|september|october|november|december))\\b");
    /** A history that counts even when it is over: cancer, thin bones, long-term steroids, injected drugs, a weak immune system. */
    private static final Pattern LASTING = Pattern.compile("\\b(?:cancers?|tumou?rs?|malignan\\w*|carcinoma|lymphoma|leuka?emia|myeloma"
            + "|melanoma|sarcoma|metasta\\w*|chemo\\w*|radiotherapy|radiation|mastectomy|oncolog\\w*|osteoporo\\w*|osteopenia|brittle"
            + "|thin bones|steroids?|prednis\\w*|cortisone|dexamethasone|hydrocortisone|remission|inject\\w*|needles?|heroin|shoot\\w* up"
            + "|iv drugs?|hiv|transplant|big c)\\b");
    /** Words of a state as it should be: before "again", the episode is over ("walking grand again"). */
    private static final Set<String> GOOD = Set.of("grand", "good", "fine", "normal", "normally", "strong", "right", "ok", "okay", "well");
    /**
     * What an ended episode left, as a learner may say it, before "already" ("heal already", "okay already") or after "now
     * all" ("now all okay"); not "all fine" alone, which may tell of before ("before the back it was all fine").
     */
    private static final Set<String> ENDING = Set.of("recover", "recovered", "heal", "healed", "cure", "cured", "resolve", "resolved",
            "clear", "cleared", "ok", "okay", "fine", "good", "better", "normal", "well");
    /** Words of healing, after "all": "after surgery all recover". */
    private static final Set<String> HEALED = Set.of("recover", "recovered", "heal", "healed", "cured", "resolved");
    /** Verbs that tell of the past after a subject ("she had", "i was"). */
    private static final Set<String> PAST = Set.of("had", "was", "were", "got", "did", "went", "used");
    /** After "settled in", whose place it arrived at: "the numbness settled in my seat" (not "settled in the fall"). */
    private static final Set<String> OWNERS = Set.of("my", "his", "her", "their", "our", "your");
    /** Markers that, opening a clause, only open it ("ok now, ..."). */
    private static final Set<String> OPENERS = Set.of("ok", "okay", "fine", "normal", "well", "all");
    /** Markers that say something went: said of a function ("the feeling went away"), they tell of the sign. */
    private static final Set<String> DISAPPEARING = Set.of("went", "gone", "disappeared", "vanished", "stopped", "subsided", "cleared");
    /** Words that open a clause that refers back to what came before it. */
    private static final Set<String> REFERS_BACK = Set.of("it", "that", "this", "which", "everything", "all", "both", "those", "these",
            "sensation", "feeling", "feelings");
    private static final Set<String> CONNECTIVES = Set.of("and", "but", "then", "so", "which", "though", "although");
    /** Where a clause ends going forward from a marker. */
    private static final Set<String> FORWARD_ENDS = Set.of("but", "however", "although", "though", "yet", "so", "because", "now", "currently",
            "today", "nowadays", "these", "lately", "recently", "except", "apart", "noo");
    private static final Set<String> SUBJECTS = Set.of("i", "he", "she", "we", "they", "my", "his", "her", "our", "their", "me");
    /** Where clauses break going backward. */
    private static final Set<String> BACKWARD_BREAKS = Set.of("but", "however", "although", "though", "yet", "so", "and");


    private PastEpisodes() {}

    /** The message (folded, contractions spelt out) split into what it tells as still so and the episodes it says are over. */
    static NotNow.Split split(String folded) {
        Tokens t = Tokens.of(folded);
        List<String> tokens = t.words();
        if (cameBack(tokens)) return new NotNow.Split(folded, "");
        boolean[] drop = new boolean[tokens.size()];
        boolean any = false;
        for (int i = 0; i < tokens.size(); i++) {
            int end = markerEnd(tokens, i);
            if (end < 0) continue;
            int clauseEnd = end;
            while (clauseEnd < tokens.size() && !Tokens.isMark(tokens.get(clauseEnd)) && !FORWARD_ENDS.contains(tokens.get(clauseEnd))
                    && !(tokens.get(clauseEnd).equals("and") && clauseEnd + 1 < tokens.size() && SUBJECTS.contains(tokens.get(clauseEnd + 1)))) {
                clauseEnd++;
            }
            if (clauseEnd < tokens.size() && tokens.get(clauseEnd).equals("?")) continue;
            int start = episodeStart(tokens, i, clauseEnd);
            if (start < 0) continue;
            String episode = folded.substring(t.spans().get(start)[0], t.spans().get(clauseEnd - 1)[1]);
            if (LASTING.matcher(episode).find()) continue;
            for (int k = start; k < clauseEnd; k++) drop[k] = true;
            any = true;
            i = clauseEnd - 1;
        }
        return any ? new NotNow.Split(t.without(drop), t.only(drop)) : new NotNow.Split(folded, "");
    }

    /** Where the marker starting at {@code at} ends (exclusive), or -1 when none starts there or it is negated. */
    private static int markerEnd(List<String> tokens, int at) {
        int end = -1;
        if (ENDED.contains(tokens.get(at))) end = at + 1;
        for (String[] p : ENDED_PHRASES) {
            if (matches(tokens, at, p)) end = Math.max(end, at + p.length);
        }
        // "walking grand again"
        if (GOOD.contains(tokens.get(at)) && at + 1 < tokens.size() && tokens.get(at + 1).equals("again")) end = Math.max(end, at + 2);
        // as learners say it: "heal already", "after surgery all recover", "now all okay"
        String next1 = at + 1 < tokens.size() ? tokens.get(at + 1) : "";
        if (ENDING.contains(tokens.get(at)) && next1.equals("already")) end = Math.max(end, at + 2);
        // "now heal good", "now fine": a state now told after what was
        if (tokens.get(at).equals("now") && ENDING.contains(next1) && at > 0) end = Math.max(end, at + 2);
        if (tokens.get(at).equals("all") && (HEALED.contains(next1) || ENDING.contains(next1) && at > 0 && tokens.get(at - 1).equals("now"))) {
            end = Math.max(end, at + 2);
        }
        if (end < 0) return -1;
        // what stopped working or settled into a place has begun, not ended
        String last = tokens.get(end - 1), next = end < tokens.size() ? tokens.get(end) : "";
        boolean arrived = last.equals("settled") && (next.equals("into") || next.equals("onto")
                || next.equals("in") && end + 1 < tokens.size() && OWNERS.contains(tokens.get(end + 1)));
        if (last.equals("stopped") && next.endsWith("ing") || arrived) return -1;
        // "ok now, both legs ..." opens a sentence; "he is ok now" says it is over
        if (OPENERS.contains(tokens.get(at)) && (at == 0 || Tokens.isMark(tokens.get(at - 1)) || CONNECTIVES.contains(tokens.get(at - 1)))) {
            return -1;
        }
        boolean negatedMarker = tokens.get(at).equals("never") || tokens.get(at).equals("not") || tokens.get(at).equals("no");
        if (!negatedMarker) {
            for (int k = Math.max(0, at - 3); k < at; k++) {
                if (Tokens.isMark(tokens.get(k))) continue;
                if (NEGATIONS.contains(tokens.get(k))) return -1;
            }
        }
        return end;
    }

    /**
     * Where the episode a marker at {@code marker} closes begins, or -1 when it would reach over now. Its clause; the
     * clause before when its clause refers back; further back, over the clauses of its sentence and of the sentence
     * before, when the episode is dated well in the past.
     */
    private static int episodeStart(List<String> tokens, int marker, int clauseEnd) {
        int clauseStart = Tokens.clauseStart(tokens, marker, BACKWARD_BREAKS);
        int sentenceStart = sentenceStart(tokens, clauseStart);
        for (int k = clauseStart; k < marker; k++) {
            if (NOW_IN_CLAUSE.contains(tokens.get(k))) return -1;
        }
        // a run-on clause that tells of now before the episode ("her back is killing her she had an infection in college
        // that got better"): the episode starts where someone is told of in the past after it, and goes no further back
        int lastNow = -1;
        for (int k = clauseStart; k < marker - 3; k++) {
            if (NOW.contains(tokens.get(k))) lastNow = k;
        }
        if (lastNow >= 0) {
            for (int k = lastNow + 1; k + 1 < marker; k++) {
                if (SUBJECTS.contains(tokens.get(k)) && PAST.contains(tokens.get(k + 1))) return k;
            }
            return -1;
        }
        int first = clauseStart;
        while (first < marker && (Tokens.isMark(tokens.get(first)) || CONNECTIVES.contains(tokens.get(first)))) first++;
        // a function that went away is the sign itself: "the feeling down there went away"
        if (DISAPPEARING.contains(tokens.get(marker))) {
            for (int k = clauseStart; k < marker; k++) {
                if (FUNCTIONS.contains(tokens.get(k))) return -1;
            }
        }
        boolean refersBack = first == marker || tokens.get(first).equals("now");
        for (int k = first; k < marker && !refersBack; k++) refersBack = refersBack(tokens.get(k));
        int sentenceFirst = sentenceStart;
        while (sentenceFirst < marker && CONNECTIVES.contains(tokens.get(sentenceFirst))) sentenceFirst++;
        // "Now all ok." refers back as "it" does: to what was
        boolean sentenceRefersBack = sentenceFirst == marker || refersBack(tokens.get(sentenceFirst)) || tokens.get(sentenceFirst).equals("now");
        boolean remote = dated(tokens, sentenceStart, clauseEnd);
        if (!refersBack && !remote) return clauseStart;
        int start = clauseStart;
        // back over the clauses of its sentence: one when only referring back, all when dated
        while (start > sentenceStart) {
            int prevStart = clauseBefore(tokens, start, sentenceStart);
            if (tellsOfNow(tokens, prevStart, start, remote)) return start == clauseStart && !remote ? -1 : start;
            start = prevStart;
            if (!remote) return start;
        }
        // and back over the sentence before, when it or this one dates the episode
        if (sentenceStart == 0) return start;
        int prevSentenceStart = sentenceStart(tokens, sentenceStart - 1);
        if (!sentenceRefersBack || !remote && !dated(tokens, prevSentenceStart, sentenceStart)) {
            return start;
        }
        int s = sentenceStart;
        boolean prevDated = dated(tokens, prevSentenceStart, sentenceStart);
        while (s > prevSentenceStart) {
            int prevStart = clauseBefore(tokens, s, prevSentenceStart);
            if (tellsOfNow(tokens, prevStart, s, prevDated)) break;
            s = prevStart;
        }
        return s;
    }

    /** Where the sentence holding the token at {@code at} starts. */
    private static int sentenceStart(List<String> tokens, int at) {
        int k = at;
        while (k > 0 && !Tokens.isSentenceEnd(tokens.get(k - 1))) k--;
        return k;
    }

    /** Whether these tokens date what they tell well in the past ("years ago", "in 2019"). */
    private static boolean dated(List<String> tokens, int from, int to) {
        return REMOTE.matcher(String.join(" ", tokens.subList(from, to))).find();
    }

    /** The start of the clause that ends just before {@code end} (its closing marks included), no earlier than {@code floor}. */
    private static int clauseBefore(List<String> tokens, int end, int floor) {
        int k = end;
        while (k > floor && Tokens.isMark(tokens.get(k - 1))) k--;
        if (k > floor && BACKWARD_BREAKS.contains(tokens.get(k - 1))) k--;
        while (k > floor && !isBreakBackward(tokens, k - 1)) k--;
        return k;
    }

    private static boolean tellsOfNow(List<String> tokens, int from, int to, boolean datedPast) {
        boolean now = false;
        for (int k = from; k < to; k++) {
            if (NOW_IN_CLAUSE.contains(tokens.get(k)) || STRONG_NOW.contains(tokens.get(k))) return true;
            now |= NOW.contains(tokens.get(k));
        }
        // a clause of a sentence dated in the past is past, whatever its verbs ("last year I cannot control pee for few days")
        return now && !datedPast && !dated(tokens, from, to);
    }

    private static boolean refersBack(String token) {
        return REFERS_BACK.contains(token) || token.matches("(?:it|that|everything|all|this)'s");
    }

    private static boolean isBreakBackward(List<String> tokens, int at) {
        return Tokens.isMark(tokens.get(at)) || BACKWARD_BREAKS.contains(tokens.get(at));
    }

    /** Whether the message tells of a sign that came back, not of good news that did ("the feeling came back"). */
    private static boolean cameBack(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            for (String[] p : CAME_BACK) {
                if (!matches(tokens, i, p)) continue;
                // "returned to normal", "weight is back to normal"
                int after = i + p.length;
                if ((p[0].equals("returned") || p[p.length - 1].equals("back")) && after < tokens.size() && tokens.get(after).equals("to")) continue;
                boolean negated = false, good = false;
                for (int k = Math.max(0, i - 3); k < i; k++) {
                    String t = tokens.get(k);
                    negated |= NEGATIONS.contains(t);
                    good |= FUNCTIONS.contains(t);
                }
                if (!negated && !good) return true;
            }
        }
        return false;
    }

    private static boolean matches(List<String> tokens, int at, String[] phrase) {
        if (at + phrase.length > tokens.size()) return false;
        for (int k = 0; k < phrase.length; k++) {
            if (!tokens.get(at + k).equals(phrase[k])) return false;
        }
        return true;
    }

    private static List<String[]> phrases(String... phrases) {
        List<String[]> out = new ArrayList<>();
        for (String p : phrases) out.add(p.split(" "));
        return List.copyOf(out);
    }
}
