package com.sciaticachat.safety;

import com.sciaticachat.analysis.EnglishWords;
import com.sciaticachat.analysis.Shorthand;
import com.sciaticachat.analysis.SpellingCorrector;
import com.sciaticachat.analysis.Words;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 *   <li>Negation: "no", "not", "never", "nil", "without", "nor", "deny", "ruled out" cover the words after them
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

    private static final Set<String> CUES = Set.of("no", "not", "never", "nil", "without", "none", "nor", "neither", "deny", "denies",
            "denied", "excluded");
    /** "nothing numb down there": a cue only right before what it denies ("nothing makes it ease off" tells of the sign). */
    private static final Set<String> NOTHING = Set.of("nothing", "nothin");
    private static final Set<String> SCOPE_ENDS = Set.of("and", "but", "however", "although", "though", "yet", "so", "because",
            "also", "plus", "except", "apart");
    /** Words after a cue that undo it: "no longer", "not sure", "not only", "not just". */
    private static final Set<String> NOT_A_DENIAL = Set.of("longer", "sure", "only", "just", "certain");

    /** What the matcher found: the most urgent level and the signs, in the safety file's words. */
    public record Finding(SafetyRules.Level level, List<String> signs, List<String> ruleIds) {}

    /** A word of the message, and whether a comma came before it. */
    private record Token(String raw, boolean afterComma) {}

    /** A phrasing with each of its words replaced by the word's number in the rules' vocabulary: element, alternative, word. */
    private record Compiled(int[][][] elements) {}

    private record CompiledRule(SafetyRules.Rule rule, List<Compiled> phrases, List<Compiled> with) {}

    private final List<CompiledRule> compiled = new ArrayList<>();
    private final EnglishWords english;
    /** The rules' distinct words, numbered, and the indexes that find the ones a visitor's word matches. */
    private final List<SafetyRules.Word> vocabulary = new ArrayList<>();
    private final Map<String, int[]> byRaw = new HashMap<>();
    private final Map<String, int[]> byStem = new HashMap<>();
    private final Map<Integer, int[]> fuzzyByLength = new HashMap<>();
    /** What each recent word stands for: the safety gate reads thousands of messages that share their words. */
    private final com.github.benmanes.caffeine.cache.Cache<String, BitSet> matching =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(20_000).build();

    public RedFlagMatcher(SafetyRules rules, EnglishWords english) {
        this.english = english;
        Map<SafetyRules.Word, Integer> numbers = new HashMap<>();
        for (SafetyRules.Rule rule : rules.rules()) {
            compiled.add(new CompiledRule(rule, compile(rule.phrases(), numbers), compile(rule.with(), numbers)));
        }
        Map<String, List<Integer>> raw = new HashMap<>(), stem = new HashMap<>();
        Map<Integer, List<Integer>> fuzzy = new HashMap<>();
        for (int id = 0; id < vocabulary.size(); id++) {
            SafetyRules.Word w = vocabulary.get(id);
            raw.computeIfAbsent(w.raw(), k -> new ArrayList<>()).add(id);
            if (w.exact()) continue;
            stem.computeIfAbsent(w.stem(), k -> new ArrayList<>()).add(id);
            if (w.raw().length() >= 5) fuzzy.computeIfAbsent(w.raw().length(), k -> new ArrayList<>()).add(id);
        }
        raw.forEach((k, v) -> byRaw.put(k, ints(v)));
        stem.forEach((k, v) -> byStem.put(k, ints(v)));
        fuzzy.forEach((k, v) -> fuzzyByLength.put(k, ints(v)));
    }

    private List<Compiled> compile(List<SafetyRules.Phrase> phrases, Map<SafetyRules.Word, Integer> numbers) {
        List<Compiled> out = new ArrayList<>();
        for (SafetyRules.Phrase p : phrases) {
            int[][][] elements = new int[p.elements().size()][][];
            for (int e = 0; e < elements.length; e++) {
                List<List<SafetyRules.Word>> alternatives = p.elements().get(e);
                elements[e] = new int[alternatives.size()][];
                for (int a = 0; a < alternatives.size(); a++) {
                    List<SafetyRules.Word> words = alternatives.get(a);
                    elements[e][a] = new int[words.size()];
                    for (int i = 0; i < words.size(); i++) {
                        elements[e][a][i] = numbers.computeIfAbsent(words.get(i), w -> {
                            vocabulary.add(w);
                            return vocabulary.size() - 1;
                        });
                    }
                }
            }
            out.add(new Compiled(elements));
        }
        return out;
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The red flags in a message, or null when there are none. */
    public Finding check(String message) {
        return read(message).finding();
    }

    /**
     * Both readings of a message: what the rules found (or null), and {@code needsDenied}, the ids of the rules whose
     * {@code with:} the message speaks of only to deny it: "my mum has osteoporosis, she has no back pain" tells of no
     * sign that needs back pain. Such a sign does not count, whoever reads it. {@code notNow}: the ids of the rules that
     * find their sign only in what the message tells is not happening now ({@link NotNow}: "if I ever lost control of my
     * bladder, should I go to hospital?"), for a calm caution when the message asks.
     */
    public record Reading(Finding finding, Set<String> needsDenied, Set<String> notNow, Set<String> signsDenied) {}

    /**
     * What the rules find and the needs the message only denies, from one reading of it. A rule counts only where it also finds
     * its sign with what is not happening now set aside ({@link NotNow}): "couldn't pee for a day
     * years ago, never happened since" tells of no sign now.
     */
    public Reading read(String message) {
        return read(message, NotNow.split(RedFlagDetector.wholeView(message)));
    }

    /** The same, with what is not happening now already read from the message's {@link RedFlagDetector#wholeView}. */
    public Reading read(String message, NotNow.Split notNow) {
        Parsed m = parse(message);
        Parsed now = notNow.over().isEmpty() ? m : parse(notNow.present());
        SafetyRules.Level level = null;
        Set<String> signs = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>();
        Set<String> denied = new LinkedHashSet<>(), onlyNotNow = new LinkedHashSet<>(), signsDenied = new LinkedHashSet<>();
        for (CompiledRule c : compiled) {
            boolean needMet = c.with().isEmpty() || m.mentions(c.with(), true);
            if (!needMet && m.mentions(c.with(), false)) denied.add(c.rule().id());
            boolean affirmed = m.mentions(c.phrases(), true);
            // told only to be denied: "no fever", "no numbness down there"
            if (!affirmed && m.mentions(c.phrases(), false)) signsDenied.add(c.rule().id());
            if (!needMet || !affirmed) continue;
            if (now != m && !((c.with().isEmpty() || now.mentions(c.with(), true)) && now.mentions(c.phrases(), true))) {
                onlyNotNow.add(c.rule().id());
                continue;
            }
            SafetyRules.Rule rule = c.rule();
            ids.add(rule.id());
            signs.add(rule.sign());
            if (level == null || rule.level() == SafetyRules.Level.EMERGENCY) level = rule.level();
        }
        return new Reading(level == null ? null : new Finding(level, List.copyOf(signs), List.copyOf(ids)), Set.copyOf(denied), Set.copyOf(onlyNotNow),
                Set.copyOf(signsDenied));
    }

    /**
     * The numbers of the rules' words a visitor's word stands for: the same word or stem, or, when the visitor's
     * word is not itself English (so "never" is not "fever"), the word with one typo (two in words of 8 letters or more).
     */
    private BitSet vocabularyMatching(String raw) {
        BitSet out = new BitSet(vocabulary.size());
        for (int id : byRaw.getOrDefault(raw, NONE)) out.set(id);
        for (int id : byStem.getOrDefault(Stems.stem(raw), NONE)) out.set(id);
        int length = raw.length();
        if (length < 4 || english.contains(raw)) return out;
        for (int len = Math.max(5, length - 2); len <= length + 2; len++) {
            int allowed = len >= 8 ? 2 : 1;
            for (int id : fuzzyByLength.getOrDefault(len, NONE)) {
                if (!out.get(id) && SpellingCorrector.distance(raw, vocabulary.get(id).raw(), allowed) <= allowed) out.set(id);
            }
        }
        return out;
    }

    private static final int[] NONE = new int[0];

    /** A message read for matching: its sentences of tokens, each token's matching rule words, and all words present. */
    private record Parsed(List<List<Token>> sentences, List<BitSet[]> matches, BitSet present) {
        /** Whether any of these phrasings occurs in the message; with {@code affirmed}, only where no denial covers it. */
        boolean mentions(List<Compiled> phrases, boolean affirmed) {
            for (Compiled p : phrases) {
                if (!possible(p, present)) continue;
                for (int s = 0; s < sentences.size(); s++) {
                    List<Token> sentence = sentences.get(s);
                    BitSet[] row = matches.get(s);
                    for (int start = 0; start < sentence.size(); start++) {
                        boolean[] used = new boolean[sentence.size()];
                        int end = matchFrom(p, 0, row, start, true, used);
                        if (end >= 0 && !(affirmed && negated(sentence, start, end, used))) return true;
                    }
                }
            }
            return false;
        }
    }

    private Parsed parse(String message) {
        message = Shorthand.get().expand(message);
        List<List<Token>> sentences = sentences(message);
        List<BitSet[]> matches = new ArrayList<>();
        BitSet present = new BitSet(vocabulary.size());
        for (List<Token> sentence : sentences) {
            BitSet[] row = new BitSet[sentence.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = matching.get(sentence.get(i).raw(), this::vocabularyMatching);
                present.or(row[i]);
            }
            matches.add(row);
        }
        return new Parsed(sentences, matches, present);
    }

    /** Whether every element of the phrasing has an alternative whose words all occur somewhere in the message. */
    private static boolean possible(Compiled p, BitSet present) {
        for (int[][] element : p.elements()) {
            boolean any = false;
            for (int[] alternative : element) {
                boolean all = true;
                for (int id : alternative) all &= present.get(id);
                if (all) {
                    any = true;
                    break;
                }
            }
            if (!any) return false;
        }
        return true;
    }

    /**
     * Matches elements from {@code element} on, the first at {@code at} (or within the gap); returns the
     * end, or -1. On success, {@code used} marks the tokens the phrasing's own words took (not the gaps).
     */
    private static int matchFrom(Compiled p, int element, BitSet[] row, int at, boolean anchored, boolean[] used) {
        if (element == p.elements().length) return at;
        int last = anchored ? at : Math.min(row.length - 1, at + GAP);
        for (int pos = at; pos <= last; pos++) {
            for (int[] alternative : p.elements()[element]) {
                int end = matchWords(alternative, row, pos);
                if (end < 0) continue;
                int rest = matchFrom(p, element + 1, row, end, false, used);
                if (rest >= 0) {
                    for (int i = pos; i < end; i++) used[i] = true;
                    return rest;
                }
            }
        }
        return -1;
    }

    /** The words of one alternative, contiguous, from {@code pos}; returns the position after them, or -1. */
    private static int matchWords(int[] words, BitSet[] row, int pos) {
        if (pos + words.length > row.length) return -1;
        for (int i = 0; i < words.length; i++) {
            if (!row[pos + i].get(words[i])) return -1;
        }
        return pos + words.length;
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
            boolean cue = CUES.contains(t.raw()) || (t.raw().equals("out") && c > 0 && tokens.get(c - 1).raw().equals("ruled"))
                    || (NOTHING.contains(t.raw()) && c == start - 1);
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
                    tokens.add(new Token(raw, first && !tokens.isEmpty()));
                    first = false;
                }
            }
            if (!tokens.isEmpty()) out.add(tokens);
        }
        return out;
    }
}
