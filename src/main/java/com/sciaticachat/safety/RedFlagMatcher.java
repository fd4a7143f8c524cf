package com.sciaticachat.safety;

import com.sciaticachat.analysis.EnglishWords;
import com.sciaticachat.analysis.SpellingCorrector;
import com.sciaticachat.analysis.Words;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a visitor's message against the red flags, before anything else happens to it.
 *
 * <ul>
 *   <li>The message is folded and its contractions spelt out ("can't", "cant" → "can not"), then cut into
 *       sentences; a phrasing matches within one sentence, its words in order with up to {@value #GAP}
 *       other words between them.</li>
 *   <li>Words match by stem ("peeing" = "pee"), or with one typo (two in long words) when the visitor's
 *       word is not itself an English word: "numbnes" is numbness, but "never" is not "fever".</li>
 *   <li>Negation: "no", "not", "never", "without", "nor", "deny", "ruled out" cover the words after them
 *       up to {@value #NEGATION_REACH} words, and stop at a comma, "and", "but" and the like, so "no
 *       trouble with my waterworks" and "the ER said it isn't cauda equina" do not alarm, while "no fever
 *       and I wet myself" does. "Was ruled out" after a phrasing negates it too, and so does a denial in
 *       a gap the phrasing skips ("I have <em>no</em> history of cancer"). A negation that is one of the
 *       phrasing's own words ("can't pee") is part of it, not a denial.</li>
 * </ul>
 */
public final class RedFlagMatcher {
    static final int GAP = 3;
    static final int NEGATION_REACH = 6;

    private static final Set<String> CUES = Set.of("no", "not", "never", "without", "none", "nor", "neither", "deny", "denies",
            "denied", "excluded");
    private static final Set<String> SCOPE_ENDS = Set.of("and", "but", "however", "although", "though", "yet", "so", "because",
            "also", "plus", "except", "apart");
    /** Words after a cue that undo it: "no longer", "not sure", "not only", "not just". */
    private static final Set<String> NOT_A_DENIAL = Set.of("longer", "sure", "only", "just", "certain");

    /** What the matcher found: the most urgent level and the signs, in the safety file's words. */
    public record Finding(SafetyRules.Level level, List<String> signs, List<String> ruleIds) {}

    /** A word of the message; {@code english}: the word is itself an English word, so never read as a typo. */
    private record Token(String raw, String stem, boolean afterComma, boolean english) {}

    private final SafetyRules rules;
    private final EnglishWords english;

    public RedFlagMatcher(SafetyRules rules, EnglishWords english) {
        this.rules = rules;
        this.english = english;
    }

    /** The red flags in a message, or null when there are none. */
    public Finding check(String message) {
        List<List<Token>> sentences = sentences(message);
        SafetyRules.Level level = null;
        Set<String> signs = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>();
        for (SafetyRules.Rule rule : rules.rules()) {
            if (!anyMatch(rule.phrases(), sentences)) continue;
            if (!rule.with().isEmpty() && !anyMatch(rule.with(), sentences)) continue;
            ids.add(rule.id());
            signs.add(rule.sign());
            if (level == null || rule.level() == SafetyRules.Level.EMERGENCY) level = rule.level();
        }
        return level == null ? null : new Finding(level, List.copyOf(signs), List.copyOf(ids));
    }

    private boolean anyMatch(List<SafetyRules.Phrase> phrases, List<List<Token>> sentences) {
        for (List<Token> sentence : sentences) {
            for (SafetyRules.Phrase p : phrases) {
                for (int start = 0; start < sentence.size(); start++) {
                    boolean[] used = new boolean[sentence.size()];
                    int end = matchFrom(p, 0, sentence, start, true, used);
                    if (end >= 0 && !negated(sentence, start, end, used)) return true;
                }
            }
        }
        return false;
    }

    /**
     * Matches elements from {@code element} on, the first at {@code at} (or within the gap); returns the
     * end, or -1. On success, {@code used} marks the tokens the phrasing's own words took (not the gaps).
     */
    private int matchFrom(SafetyRules.Phrase p, int element, List<Token> tokens, int at, boolean anchored, boolean[] used) {
        if (element == p.elements().size()) return at;
        int last = anchored ? at : Math.min(tokens.size() - 1, at + GAP);
        for (int pos = at; pos <= last; pos++) {
            for (List<SafetyRules.Word> alternative : p.elements().get(element)) {
                int end = matchWords(alternative, tokens, pos);
                if (end < 0) continue;
                int rest = matchFrom(p, element + 1, tokens, end, false, used);
                if (rest >= 0) {
                    for (int i = pos; i < end; i++) used[i] = true;
                    return rest;
                }
            }
        }
        return -1;
    }

    /** The words of one alternative, contiguous, from {@code pos}; returns the position after them, or -1. */
    private int matchWords(List<SafetyRules.Word> words, List<Token> tokens, int pos) {
        if (pos + words.size() > tokens.size()) return -1;
        for (int i = 0; i < words.size(); i++) {
            if (!same(tokens.get(pos + i), words.get(i))) return -1;
        }
        return pos + words.size();
    }

    private boolean same(Token t, SafetyRules.Word w) {
        if (w.exact()) return t.raw().equals(w.raw());
        if (t.stem().equals(w.stem()) || t.raw().equals(w.raw())) return true;
        int len = w.raw().length();
        if (len < 5 || t.raw().length() < 4 || Math.abs(t.raw().length() - len) > 2) return false;
        int allowed = len >= 8 ? 2 : 1;
        return !t.english() && SpellingCorrector.distance(t.raw(), w.raw(), allowed) <= allowed;
    }

    private static boolean negated(List<Token> tokens, int start, int end, boolean[] used) {
        // a denial in a gap the phrasing skipped: "I have no history of cancer"
        for (int i = start; i < end; i++) {
            if (!used[i] && CUES.contains(tokens.get(i).raw()) && !(i + 1 < end && NOT_A_DENIAL.contains(tokens.get(i + 1).raw()))) {
                return true;
            }
        }
        // a cue before the phrasing whose scope reaches it
        for (int c = start - 1; c >= 0 && start - c <= NEGATION_REACH; c--) {
            Token t = tokens.get(c);
            if (SCOPE_ENDS.contains(t.raw()) || tokens.get(c + 1).afterComma()) break;
            boolean cue = CUES.contains(t.raw()) || (t.raw().equals("out") && c > 0 && tokens.get(c - 1).raw().equals("ruled"));
            if (cue && !(c + 1 < tokens.size() && NOT_A_DENIAL.contains(tokens.get(c + 1).raw()))) return true;
        }
        // "... was ruled out", "... excluded" after it
        for (int i = end; i < tokens.size() && i - end < 4; i++) {
            Token t = tokens.get(i);
            if (SCOPE_ENDS.contains(t.raw()) || t.afterComma()) break;
            if (t.raw().equals("excluded") || (t.raw().equals("ruled") && i + 1 < tokens.size() && tokens.get(i + 1).raw().equals("out"))) {
                return true;
            }
        }
        return false;
    }

    /** Sentences of folded tokens, each token marking whether a comma came before it. */
    private List<List<Token>> sentences(String message) {
        List<List<Token>> out = new ArrayList<>();
        String text = Words.expandContractions(Words.fold(message));
        for (String sentence : text.split("[.!?;:\\n]+")) {
            List<Token> tokens = new ArrayList<>();
            for (String clause : sentence.split(",")) {
                boolean first = true;
                for (String raw : clause.split("[^a-z0-9]+")) {
                    if (raw.isEmpty()) continue;
                    tokens.add(new Token(raw, Stems.stem(raw), first && !tokens.isEmpty(), english.contains(raw)));
                    first = false;
                }
            }
            if (!tokens.isEmpty()) out.add(tokens);
        }
        return out;
    }
}
