package com.sciaticachat.safety;

import java.util.List;
import java.util.Set;

/**
 * Pain that rest eases, read as what it is: the opposite of the night pain that no position eases. One of the readings
 * {@link Denials} sets aside.
 */
final class ReliefAtRest {
    /** Words that ease pain, and words for resting: together, pain that rest eases. */
    private static final Set<String> RELIEF = Set.of("ease", "eases", "eased", "easing", "easier", "better", "settles", "settle", "settled",
            "relieves", "relieved", "relief", "disappears", "quita", "calms", "subsides", "stops", "stopped", "reduces", "reduced", "lessens",
            "improves", "improved");
    /** Before "away", a going: "it goes away when I lie down" (not "grinding away"). */
    private static final Set<String> GOING = Set.of("go", "goes", "going", "went", "gone");
    private static final Set<String> REST = Set.of("lie", "lying", "lay", "laying", "rest", "resting", "bed", "recline", "reclining", "sleep",
            "sleeping", "asleep");
    /** Words that make easing a sign again: eased only by getting up, moving or sitting up ("the only relief is getting out of bed"). */
    private static final Set<String> NOT_AT_REST = Set.of("only", "out", "get", "getting", "got", "walk", "walking", "pace", "pacing",
            "stand", "standing", "move", "moving", "never", "nothing", "nuh", "nah");
    /** Before "up", the words that make it getting up rather than easing up ("sit up", "get up"; not "eases right up"). */
    private static final Set<String> UP_FROM = Set.of("sit", "sitting", "sat", "get", "getting", "got", "stand", "standing", "prop", "propped");
    private static final Set<String> WAKES = Set.of("wakes", "woke", "wake", "keeps", "disturbs");
    private static final Set<String> CONTRASTS = Set.of("but", "however", "although", "though", "yet", "except");

    private ReliefAtRest() {}

    /**
     * Pain that rest eases ("it goes away when I lie down", "lying down eases it") is the opposite of the night pain that
     * no position eases: such a span, between marks and words like "but", is set aside (marked in {@code drop}). Not when
     * it is negated ("doesn't ease when I lie down"), asked, eased only by getting up or moving ("the only relief is
     * getting out of bed"), or followed by a "but" in its sentence ("lying down eases it a bit, but not at night").
     */
    static boolean mark(List<String> tokens, boolean[] drop) {
        boolean any = false;
        int a = 0;
        while (a < tokens.size()) {
            int b = a;
            while (b < tokens.size() && !Tokens.isMark(tokens.get(b)) && !CONTRASTS.contains(tokens.get(b))) b++;
            boolean relief = false, rest = false, spoilt = false;
            for (int k = a; k < b; k++) {
                String w = tokens.get(k);
                relief |= RELIEF.contains(w) || (w.equals("away") && k > a && GOING.contains(tokens.get(k - 1)));
                rest |= REST.contains(w);
                spoilt |= Denials.NEGATIONS.contains(w) || NOT_AT_REST.contains(w) || (w.equals("up") && k > a && UP_FROM.contains(tokens.get(k - 1)));
            }
            boolean asked = b < tokens.size() && tokens.get(b).equals("?");
            if (relief && rest && !spoilt && !asked && !contrastFollows(tokens, b)) {
                for (int k = a; k < b; k++) drop[k] = true;
                any = true;
            }
            a = b + 1;
        }
        return any;
    }

    /** Whether a word like "but", or a clause opened by a negation (", not this time"), comes after {@code at} in its sentence. */
    private static boolean contrastFollows(List<String> tokens, int at) {
        for (int k = at; k < tokens.size() && !Tokens.isSentenceEnd(tokens.get(k)); k++) {
            if (CONTRASTS.contains(tokens.get(k))) return true;
            // ", not this time" takes it back; ", nothing wakes me" says more of the same
            if (Tokens.isMark(tokens.get(k)) && k + 1 < tokens.size() && Denials.NEGATIONS.contains(tokens.get(k + 1))
                    && !(k + 2 < tokens.size() && WAKES.contains(tokens.get(k + 2)))) return true;
        }
        return false;
    }
}
