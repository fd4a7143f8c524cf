package com.sciaticachat.safety;

import java.util.List;
import java.util.Set;

/**
 * Sets aside what a message denies, so the detector reads what is there: "no numbness, toilet is normal" says
 * nothing about numbness or the toilet. A sentence embedding reads "no numbness" much like "numbness"; this
 * reads the negation the way clinical text mining does (NegEx, Chapman et al. 2001): a negation word opens a
 * scope that runs to the end of its clause, and a clause closed by "is normal", "fine" or "intact" is denied
 * as a whole. A clause is read as a clause, not as so many words: "and" opens one when a verb follows it ("walking
 * fine and going to the toilet like normal"), and a long subject before "is intact" belongs to it.
 *
 * <p>A negation denies a sign only when what it negates is a complaint ("no pain", "never had cancer", "not
 * numb"). Negating a body's function is itself a sign ("can't feel my bum", "no control", "not able to pee"),
 * so such a scope stays. When neither comes within a few words, the scope stays too: in doubt, read it.
 * The words are English; a Spanish message is read as written.
 */
public final class Denials {

    static final Set<String> NEGATIONS = Set.of("no", "not", "never", "nil", "without", "denies", "denied", "deny", "denying",
            "negative", "nothing", "none", "nor", "absence", "free", "zero",
            // as typed in dialect and in a hurry: "ain losin nuttin", "nothin wrong"
            "aint", "nothin", "nuttin", "nuthin", "nothin'", "nuttin'");
    /** Negation words that do not negate what follows: "no idea why", "not sure if", "not only". */
    private static final Set<String> NOT_NEGATING_NEXT = Set.of("idea", "clue", "sure", "only", "just", "doubt", "matter", "wonder",
            "certain", "even", "yet", "more", "less", "much", "better", "improving", "getting", "stopping", "go", "call", "say", "describe",
            "think", "know", "want", "mean", "really", "quite", "exactly", "that", "as", "too", "so", "very", "the", "a",
            // "no difference to the pain", "no relief from it": nothing eases it, which is the sign
            "difference", "relief", "improvement", "respite", "letup");
    /** A denial's subject and auxiliary, set aside with it when they open its clause ("he does not take steroids"). */
    private static final Set<String> LIGHT = Set.of("i", "he", "she", "they", "we", "it", "you", "there", "am", "is", "are", "was",
            "were", "do", "does", "did", "have", "has", "had", "been", "be", "also");
    /** Before "not", a verb that makes the negation an inability. */
    private static final Set<String> ABILITY = Set.of("can", "could", "unable");
    /** Complaints: negated, they are denied ("no pain", "not febrile", "no bladder/bowel changes"). */
    private static final Set<String> COMPLAINTS = Set.of("pain", "pains", "painful", "ache", "aches", "aching", "achy", "hurt", "hurts",
            "hurting", "sore", "numb", "numbness", "tingling", "tingly", "tingle", "pins", "weak", "weakness", "weakened", "weakening",
            "bother", "bothers", "bothering", "bothered", "fever", "fevers",
            "feverish", "febrile", "temperature", "chills", "sweats", "sweating", "loss", "lost", "losing", "problem", "problems",
            "issue", "issues", "trouble", "troubles", "difficulty", "change", "changes", "accident", "accidents",
            "incontinence", "incontinent", "leaks", "leaking", "leakage", "symptom", "symptoms", "sign", "signs", "injury",
            "injuries", "injured", "trauma", "fall", "falls", "fell", "fallen", "fracture", "fractures", "fractured", "broken",
            "cancer", "cancers", "tumor", "tumour", "tumors", "tumours", "malignancy", "history", "steroid", "steroids", "prednisone",
            "prednisolone", "cortisone", "drugs", "infection", "infections", "worse", "worsening", "wrong", "concern", "concerns",
            "swelling", "bleeding", "osteoporosis", "osteopenia", "weight", "radiating", "shooting", "spreading", "spread", "dizziness",
            "immunosuppressants", "immunocompromised", "immunosuppressed", "immunosuppression", "drug", "injecting", "chemo", "chemotherapy", "hiv", "diabetes", "transplant", "vomiting", "nausea",
            "disturb", "disturbs", "disturbing", "disturbed", "funny", "weird", "strange", "odd", "unusual", "abnormal",
            "thrown", "crash", "crashed", "wreck", "collision", "tumble", "spill", "tripped", "knocked", "drag", "drags", "dragging",
            "draggin", "floppy", "buckling", "wetting", "broke");
    /** A body's functions: negated, they are the sign ("can't feel", "no control", "not able to pee"). */
    private static final Set<String> FUNCTIONS = Set.of("feel", "feeling", "feelings", "felt", "sensation", "sensations", "control",
            "able", "strength", "power", "move", "moving", "walk", "walking", "stand", "standing", "lift", "lifting", "pee", "peed",
            "peeing", "wee", "weeing", "urinate", "urinating", "urine", "poo", "pooed", "poop", "pooping", "go", "going", "hold",
            "holding", "stop", "empty", "emptying", "sleep", "sleeping", "slept", "bend", "get", "getting", "push", "grip",
            "tell", "sense", "notice", "stay", "work", "working", "works", "respond", "bear", "raise", "climb", "drive", "keep",
            "rest", "lie", "lying", "relieve", "relieved", "ease", "eases", "help", "helps", "budge", "flex", "point",
            "erection", "finish", "release", "start", "flow", "make", "reach", "try", "trying", "tryin", "tried", "dieting", "diet", "intending", "meant", "changing", "reason", "cause",
            "warning", "knowing", "meaning", "realising", "realizing");
    /** Words after which a clause says the part before them is as it should be: "toilet is normal", "strength intact". */
    private static final Set<String> AS_IT_SHOULD_BE = Set.of("normal", "normally", "fine", "ok", "okay", "intact", "unremarkable", "alright",
            "nad", "wnl");
    /**
     * Words that say a part is as it should be only after a verb that links it to its subject ("both legs are strong", "my
     * weight has stayed stable"); elsewhere they may describe a complaint ("a strong urge").
     */
    private static final Set<String> AS_IT_SHOULD_BE_AFTER_LINK = Set.of("strong", "stable", "steady", "unchanged", "solid", "good", "healthy");
    private static final Set<String> LINKS = Set.of("is", "are", "am", "was", "were", "be", "been", "feel", "feels", "felt", "seem", "seems",
            "stay", "stays", "stayed", "remain", "remains", "remained");
    private static final Set<String> HAS = Set.of("has", "have", "had", "been");
    private static final Set<String> MODALS = Set.of("would", "should", "could", "will", "might", "may");
    /** Words that do not count toward how far back a state word reaches ("seems to be working perfectly well"). */
    private static final Set<String> FILLERS = Set.of("to", "be");
    /** Words that may stand between a linking verb and the state ("are still strong"). */
    private static final Set<String> DEGREE = Set.of("still", "perfectly", "pretty", "quite", "very", "totally", "both", "nice", "good", "and",
            "completely", "entirely", "absolutely", "fully", "all", "straight", "right");
    /** The parts and measures whose state such a word tells ("legs are strong", "weight is stable"), not a complaint's. */
    private static final Set<String> MEASURES = Set.of("leg", "legs", "weight", "bones", "bone", "grip", "strength", "feet", "foot", "appetite",
            "knees", "arms", "balance", "reflexes", "muscles", "sensation", "feeling", "bladder", "bowels", "waterworks", "plumbing", "both",
            "immune", "immunity", "system");
    /** Measures that "the same" says have not changed ("weight the same"); of legs, "the same" tells they match. */
    private static final Set<String> UNCHANGED_MEASURES = Set.of("weight", "appetite", "bladder", "bowels", "waterworks", "plumbing",
            "strength", "grip", "balance", "reflexes");
    /**
     * Words that say sleep goes as it should, after it ("sleeping properly", "sleeps through"), or, the first three, that
     * a part does its work ("walking well", "the foot is working perfectly well"): "well" and "good".
     */
    private static final Set<String> SLEEPS_WELL = Set.of("well", "soundly", "properly", "through", "thru", "good", "fine", "night");
    private static final Set<String> SLEEP = Set.of("sleep", "sleeps", "sleeping", "slept");
    private static final Set<String> DOES_WELL = Set.of("well", "good");
    /**
     * What a body can do that weakness, numbness or retention would stop: said as what one can still do ("I can still
     * stand on my toes", "heel walk can"), the part is as it should be.
     */
    private static final Set<String> ABILITIES = Set.of("walk", "walking", "stand", "standing", "climb", "climbing", "hop", "run", "jog",
            "jump", "squat", "kneel", "bend", "lift", "pee", "wee", "poo", "move", "balance", "tiptoe", "hold");
    /** Doings that go well or not ("walking well", "working perfectly well"). */
    private static final Set<String> DOINGS = Set.of("walk", "walking", "walks", "standing", "climbing", "moving", "work", "working",
            "works");
    /** Words that limit what one can still do ("can only walk a few steps", "can walk with a stick", "can walk but..."). */
    private static final Set<String> LIMITS = Set.of("only", "barely", "hardly", "just", "before", "until", "till", "anymore", "with",
            "if", "when", "unless", "struggle", "slowly", "but", "however", "although", "though", "yet", "except", "yesterday", "ago",
            "last", "used", "earlier", "after");
    /** Words that join clauses: what one can do runs to the next of them or the next mark. */
    private static final Set<String> CONJUNCTIONS = Set.of("and", "but", "however", "although", "though", "yet", "so", "because",
            "since", "while", "whereas", "if", "when", "whether", "except");
    /** Losing, which a negation denies: "not losing weight", "I don't lose nothing" (not "nothing to lose it"). */
    private static final Set<String> LOSES = Set.of("lose", "loses", "losing", "lost", "losin");
    /** A negation after what it negates, at the end of its clause: "numb none", "tingling: no". */
    private static final Set<String> AFTER_NEGATIONS = Set.of("none", "no", "nil", "negative");
    private static final Set<String> LEGS = Set.of("leg", "legs", "thigh", "thighs", "calf", "calves", "foot", "feet", "knee", "knees",
            "shin", "shins", "ankle", "ankles", "hamstring", "hamstrings");
    /** Words for pain travelling, before "down" ("it doesn't run down my leg"). */
    private static final Set<String> TRAVELS = Set.of("go", "goes", "going", "run", "runs", "running", "travel", "travels", "travelling",
            "traveling", "shoot", "shoots", "radiate", "radiates", "spread", "spreads", "move", "moves", "moving", "come", "comes", "coming");
    /** Words for being woken: negated before whom they wake, the pain wakes nobody ("it does not wake me"). */
    private static final Set<String> WAKE = Set.of("wake", "wakes", "waking", "woke", "woken", "wakin", "keep", "keeps", "keeping");
    private static final Set<String> WOKEN = Set.of("me", "him", "her", "us", "them", "you", "u", "mi");

    /** Functions that say how one feels: before a complaint, the complaint is what is negated ("don't feel numb"). */
    private static final Set<String> FELT = Set.of("feel", "feeling", "felt", "get", "getting");
    /** Words that open a clause as its subject. */
    private static final Set<String> SUBJECTS = Set.of("i", "he", "she", "they", "we", "it", "my", "his", "her", "their", "our", "everything");
    /** Words that end a negation's scope going forward. */
    private static final Set<String> FORWARD_ENDS = Set.of("but", "however", "although", "though", "except", "yet", "and", "so", "because",
            "since", "while", "whereas", "then", "now", "apart", "still", "only", "just", "why", "if", "when", "whether", "that", "which");
    /** Words that end a clause going backward from "is normal". */
    private static final Set<String> BACKWARD_ENDS = Set.of("but", "however", "although", "though", "except", "yet", "while", "whereas",
            "that", "if", "when", "whether", "because", "since", "so");
    /** Words that open a question about the clause ("is massage ok", "would it be fine"): not a statement that all is well. */
    private static final Set<String> QUESTION_OPENERS = Set.of("is", "are", "am", "was", "would", "will", "can", "could", "should",
            "do", "does", "did", "be", "if", "whether", "it", "massage", "that", "this");
    /** Words that measure out what a negation negates without counting toward its reach ("not had one bit of trouble"). */
    private static final Set<String> QUANTIFIERS = Set.of("a", "an", "any", "one", "single", "bit", "of", "kind", "sort", "slightest",
            "whatsoever");
    /** Words that make a clause of what follows "and" ("walking fine and going to the bathroom like normal"). */
    private static final Set<String> VERBS = Set.of("am", "is", "are", "was", "were", "do", "does", "did", "have", "has", "had", "can",
            "could", "will", "would", "feel", "feels", "felt", "seem", "seems", "work", "works", "worked", "go", "goes", "went", "stay",
            "stays", "stayed", "remain", "remains", "remained", "get", "gets", "got", "say", "says", "said", "tell", "tells", "told");
    /** Words whose "'s" is "is" ("there's", "it's"): with it, a verb. */
    private static final Set<String> IS_AFTER = Set.of("there", "it", "he", "she", "that", "what", "who", "here", "everything");
    private static final Set<String> ING_NOUNS = Set.of("something", "nothing", "anything", "everything", "morning", "evening",
            "during", "thing", "things", "ceiling", "building");
    /** Words before a noun: an "-ing" word after one is a thing ("the feeling"), not a doing; a long subject opens with one. */
    private static final Set<String> DETERMINERS = Set.of("the", "my", "his", "her", "their", "our", "your", "both", "all", "this", "a",
            "an", "any", "no");
    private static final Set<String> PAST_STATES = Set.of("was", "were", "used");
    /** After "feel" or "sense", a word that says all sensation is there ("he can feel everything down there"). */
    private static final Set<String> ALL_FELT = Set.of("everything");
    private static final Set<String> SENSE = Set.of("feel", "feels", "felt", "sense");
    /** Words after "everything" that take part of it back ("everything except my bum"). */
    private static final Set<String> EXCEPTIONS = Set.of("except", "apart", "besides", "but", "bar", "save", "other");
    /** How far back a clause closed by "is intact" may reach when its subject is a long phrase with no complaint or verb in it. */
    private static final int LONG_SUBJECT = 10;
    /** How many words after a negation may come before the complaint or function it negates. */
    private static final int REACH = 4;


    private Denials() {}

    /** The message (folded, contractions spelt out) without what it denies; the same string when it denies nothing. */
    public static String setAside(String folded) {
        Tokens read = Tokens.of(folded);
        List<String> tokens = read.words();
        boolean[] drop = new boolean[tokens.size()];
        boolean any = false;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (AFTER_NEGATIONS.contains(t) && deniesWhatCameBefore(tokens, i)) {
                for (int k = clauseStart(tokens, i); k <= i; k++) drop[k] = true;
                any = true;
            } else if (NEGATIONS.contains(t)) {
                int end = deniedScopeEnd(tokens, i);
                if (end > i) {
                    int start = i;
                    while (start > 0 && LIGHT.contains(tokens.get(start - 1))) start--;
                    if (start > 0 && !ends(tokens.get(start - 1), FORWARD_ENDS)) start = i;
                    for (int k = start; k < end; k++) drop[k] = true;
                    any = true;
                }
            } else if (saysAsItShouldBe(tokens, i) && !(i > 0 && NEGATIONS.contains(tokens.get(i - 1)))) {
                int start = i, end = i + 1, words = 0;
                int degree = i; // the run of words like "very" right before the state word, which do not count toward the reach
                while (degree > 0 && DEGREE.contains(tokens.get(degree - 1))) degree--;
                // "working as usual": "as" and the working do not count toward the reach either
                if (t.equals("usual")) {
                    degree--;
                    while (degree > 0 && WORKING.contains(tokens.get(degree - 1))) degree--;
                }
                boolean negated = false;
                // parts joined ("the urine and the bowels are working as usual") may make a longer subject
                int reach = t.equals("usual") ? REACH + 4 : REACH + 1;
                while (start > 0 && words < reach && !opensClause(tokens, start - 1, i)) {
                    start--;
                    // "not fine"; "used to be fine", which was; "would be ok", which asks or supposes
                    negated |= NEGATIONS.contains(tokens.get(start)) || tokens.get(start).equals("used") || MODALS.contains(tokens.get(start));
                    if (start < degree && !FILLERS.contains(tokens.get(start))) words++;
                }
                if (!negated && start > 0 && !opensClause(tokens, start - 1, i)) start = longSubjectStart(tokens, start, i);
                // what one can do runs past "still" ("I can still hop on it"), and on through a list of what else one can
                // do ("can still climb stairs, stand on his heels and toes, and feel everything")
                boolean can = t.equals("can") || t.equals("able");
                end = clauseEnd(tokens, end, can ? CONJUNCTIONS : FORWARD_ENDS);
                while (can && nextAbility(tokens, end) > end) end = clauseEnd(tokens, nextAbility(tokens, end), CONJUNCTIONS);
                // "and is fine" goes on a statement; "is it fine" asks
                boolean joined = start > 0 && tokens.get(start - 1).equals("and") && VERBS.contains(tokens.get(start));
                boolean asks = (QUESTION_OPENERS.contains(tokens.get(start)) && !joined) || (end < tokens.size() && tokens.get(end).equals("?"));
                boolean whole = start == 0 || opensClause(tokens, start - 1, i);
                if (!negated && !asks && whole && start < i) {
                    for (int k = start; k < end; k++) drop[k] = true;
                    any = true;
                }
            }
        }
        any |= ReliefAtRest.mark(tokens, drop);
        any |= NormalFindings.mark(tokens, drop);
        return any ? read.without(drop) : folded;
    }


    /**
     * Where the scope a negation at {@code at} denies ends (exclusive), or {@code at} when it denies nothing: the
     * end of its clause, when a complaint comes within {@link #REACH} words before any function.
     */
    private static int deniedScopeEnd(List<String> tokens, int at) {
        // "can't" and "couldn't" deny an ability, which is a sign whatever follows ("can't fight off infections")
        if (at > 0 && ABILITY.contains(tokens.get(at - 1))) return at;
        // "does not go to my leg": pain that does not travel (while "did not go for two days" keeps its sign)
        if (at + 1 < tokens.size() && TRAVELS.contains(tokens.get(at + 1)) && travelsToALeg(tokens, at + 2)) {
            return clauseEnd(tokens, at + 1, FORWARD_ENDS);
        }
        if (at + 1 < tokens.size() && NOT_NEGATING_NEXT.contains(tokens.get(at + 1))) return at;
        boolean complaint = false;
        int words = 0;
        for (int k = at + 1; k < tokens.size() && words < REACH; k++) {
            String t = tokens.get(k);
            if (ends(t, FORWARD_ENDS)) break;
            if (QUANTIFIERS.contains(t)) continue;
            words++;
            boolean feltComplaint = k + 1 < tokens.size() && FELT.contains(t) && complaint(tokens.get(k + 1));
            // "it does not wake me", "never keeps her up": the pain wakes nobody (but "will not wake up" is numbness)
            if (WAKE.contains(t) && k + 1 < tokens.size() && WOKEN.contains(tokens.get(k + 1))) {
                complaint = true;
                break;
            }
            // "not going down my leg", "does not go to leg", "nothing shoots down the legs": pain that does not travel, a complaint denied (not "it
            // never goes down", which does not ease, nor "nothing works down there")
            if (TRAVELS.contains(t) && travelsToALeg(tokens, k + 1)) {
                complaint = true;
                break;
            }
            // "I don't lose nothing", "not losing any weight": what is not lost is a loss denied
            if (LOSES.contains(t) && !tokens.get(k - 1).equals("to")) {
                complaint = true;
                break;
            }
            if (FUNCTIONS.contains(t) && !feltComplaint) return at;
            if (complaint(t)) {
                complaint = true;
                break;
            }
        }
        return complaint ? clauseEnd(tokens, at + 1, FORWARD_ENDS) : at;
    }

    /** Where the clause running from {@code from} ends (exclusive): at the next mark or one of {@code endsAt}. */
    private static int clauseEnd(List<String> tokens, int from, Set<String> endsAt) {
        int end = from;
        while (end < tokens.size() && !ends(tokens.get(end), endsAt)) end++;
        return end;
    }

    /**
     * Whether the word at {@code at} says what comes before it is as it should be: "normal", "fine", "intact"; "strong" or
     * "stable" after a linking verb, of a part or a measure ("legs are strong", "weight is stable", not "the pain is
     * strong"); "well", "soundly", "properly" or "through" after sleep.
     */
    private static boolean saysAsItShouldBe(List<String> tokens, int at) {
        String t = tokens.get(at);
        if (AS_IT_SHOULD_BE.contains(t)) return true;
        if (at == 0) return false;
        // "the urine and the bowels are working as usual" (a part's working, not "sciatica on the left as usual")
        if (t.equals("usual") && at >= 2 && tokens.get(at - 1).equals("as") && (WORKING.contains(tokens.get(at - 2)) || LINKS.contains(tokens.get(at - 2)))) {
            for (int k = at - 2; k >= 0 && at - k <= REACH + 3 && !ends(tokens.get(k), BACKWARD_ENDS); k--) if (part(tokens.get(k))) return true;
            return false;
        }
        if (t.equals("can")) return abilityIntact(tokens, at);
        // "I am able to walk on my heels": "able to" says what "can" says
        if (t.equals("able") && at + 1 < tokens.size() && tokens.get(at + 1).equals("to")) return abilityIntact(tokens, at + 1);
        // "sleeping like a baby", "slept like a log"
        if (t.equals("like") && SLEEP.contains(tokens.get(at - 1)) && at + 1 < tokens.size() && (tokens.get(at + 1).equals("a")
                || tokens.get(at + 1).equals("the"))) {
            return true;
        }
        // the word before the state word and any "very", "still" or "straight" before it
        int k = beforeDegree(tokens, at);
        // "sleeping properly", "I sleep straight thru the night", "she sleeps all night"
        if (SLEEPS_WELL.contains(t) && (SLEEP.contains(tokens.get(k)) || DOES_WELL.contains(t) && DOINGS.contains(tokens.get(k)))) return true;
        // right after the measure, maybe with "very" between: "legs strong", "appetite very good"
        if (AS_IT_SHOULD_BE_AFTER_LINK.contains(t) && MEASURES.contains(Tokens.bare(tokens.get(k)))) return true;
        if (t.equals("same")) return sameMeasure(tokens, at);
        if (ALL_FELT.contains(t)) return SENSE.contains(tokens.get(at - 1)) && !takenBack(tokens, at);
        if (!AS_IT_SHOULD_BE_AFTER_LINK.contains(t)) return false;
        if (!LINKS.contains(tokens.get(k))) return false;
        for (k--; k >= 0 && !ends(tokens.get(k), BACKWARD_ENDS) && !tokens.get(k).equals("and"); k--) {
            String w = tokens.get(k);
            if (MEASURES.contains(Tokens.bare(w))) return true;
        }
        return false;
    }

    /**
     * Whether "same" at {@code at} says a measure has not changed: "weight same same", "her weight is the same", "appetite
     * has stayed the same" (not "the same pain", "in the same leg").
     */
    private static boolean sameMeasure(List<String> tokens, int at) {
        int k = at - 1;
        if (tokens.get(k).equals("the")) k--;
        while (k > 0 && (DEGREE.contains(tokens.get(k)) || LINKS.contains(tokens.get(k)) || HAS.contains(tokens.get(k)))) k--;
        return k >= 0 && UNCHANGED_MEASURES.contains(Tokens.bare(tokens.get(k)));
    }

    /**
     * Whether the token at {@code at} ends the clause going backward from the state word at {@code state}: a mark, a
     * word like "but", or an "and" that opens a clause of its own ({@link #clauseAnd}).
     */
    private static boolean opensClause(List<String> tokens, int at, int state) {
        return ends(tokens.get(at), BACKWARD_ENDS) || clauseAnd(tokens, at, state);
    }

    /**
     * Whether the token at {@code at} is an "and" that opens a clause of its own: a subject follows ("and he can pee
     * fine"), or a verb and no complaint come before the state word and a mark or a clause comes before "and" ("he's
     * walking fine and going to the bathroom like normal"; not "the genital and seat area is intact", where "and" joins
     * two parts, nor "my back and leg hurt is massage ok", nor a state that was: "and it was fine last week").
     */
    private static boolean clauseAnd(List<String> tokens, int at, int state) {
        if (!tokens.get(at).equals("and") || at + 1 >= tokens.size()) return false;
        if (SUBJECTS.contains(tokens.get(at + 1))) return true;
        // "her bladder and bowels are fine": "and" joins two parts of one subject
        if (at > 0 && part(tokens.get(at - 1)) && (part(tokens.get(at + 1))
                || at + 2 < tokens.size() && DETERMINERS.contains(tokens.get(at + 1)) && part(tokens.get(at + 2)))) return false;
        boolean afterMark = at > 0 && Tokens.isMark(tokens.get(at - 1));
        return hasVerb(tokens, at + 1, state) && (afterMark || hasVerb(tokens, clauseStart(tokens, at), at)) && !anyIn(tokens, at + 1, state, COMPLAINTS)
                && !anyIn(tokens, at + 1, state, PAST_STATES);
    }

    /** A part or a measure a clause may say is as it should be: "legs", "bladder", "weight". */
    private static boolean part(String word) {
        String w = Tokens.bare(word);
        return MEASURES.contains(w) || UNCHANGED_MEASURES.contains(w) || AT_WORK.contains(w);
    }

    /** How a part is said to work, before "as usual": "the bowels are working as usual". */
    private static final Set<String> WORKING = Set.of("working", "work", "works", "functioning", "going", "acting", "doing");

    /** Functions told as working: "the urine ... working as usual", "bowel and bladder are fine". */
    private static final Set<String> AT_WORK = Set.of("urine", "pee", "peeing", "toilet", "bathroom", "bowel", "bladder");

    /** Where the clause that ends at {@code at} starts, going back to a mark or a word like "but". */
    private static int clauseStart(List<String> tokens, int at) {
        return Tokens.clauseStart(tokens, at, BACKWARD_ENDS);
    }

    /** The word before {@code at} and the run of words like "very" right before it (at least the first word). */
    private static int beforeDegree(List<String> tokens, int at) {
        int k = at - 1;
        while (k > 0 && DEGREE.contains(tokens.get(k))) k--;
        return k;
    }

    /** Whether a word between {@code from} and {@code to} is one of {@code words}: "and it was fine" tells of a state that was. */
    private static boolean anyIn(List<String> tokens, int from, int to, Set<String> words) {
        for (int k = from; k < to; k++) if (words.contains(tokens.get(k))) return true;
        return false;
    }

    private static boolean hasVerb(List<String> tokens, int from, int to) {
        for (int k = from; k < to; k++) if (isVerb(tokens, k)) return true;
        return false;
    }

    /**
     * Whether the word at {@code at} is a verb: one of {@link #VERBS}, or an "-ing" form ("walking", "goin'") that is
     * not a noun ("the feeling", "morning", "something").
     */
    private static boolean isVerb(List<String> tokens, int at) {
        String w = Tokens.bare(tokens.get(at));
        if (VERBS.contains(w) || (tokens.get(at).endsWith("'s") && IS_AFTER.contains(w))) return true;
        boolean ing = w.length() > 4 && (w.endsWith("ing") || w.endsWith("in'")) && !ING_NOUNS.contains(w);
        return ing && !(at > 0 && DETERMINERS.contains(tokens.get(at - 1)));
    }

    /**
     * Where a clause closed by a state word starts when its subject is longer than {@link #REACH} words ("the sensation
     * in the genital and seat area is intact"): at the start of its clause, when that lies within {@link #LONG_SUBJECT}
     * words and opens with a determiner, a linking verb comes right before the state, and the words before the verb hold
     * no complaint, no negation and no other verb; otherwise {@code start}, unchanged.
     */
    private static int longSubjectStart(List<String> tokens, int start, int state) {
        int link = beforeDegree(tokens, state);
        if (!LINKS.contains(tokens.get(link))) return start;
        int k = start;
        while (k > 0 && state - k < LONG_SUBJECT && !opensClause(tokens, k - 1, state)) k--;
        if ((k > 0 && !opensClause(tokens, k - 1, state)) || !DETERMINERS.contains(tokens.get(k))) return start;
        for (int j = k; j < link; j++) {
            String w = tokens.get(j);
            if (complaint(w) || NEGATIONS.contains(w) || LINKS.contains(w) || isVerb(tokens, j)
                    || (w.length() > 4 && w.endsWith("ed"))) return start;
        }
        return k;
    }

    /** Where the next ability of a list starts after {@code at} (", stand on...", ", and feel everything"), or {@code at}. */
    private static int nextAbility(List<String> tokens, int at) {
        int k = at;
        while (k < tokens.size() && (tokens.get(k).equals(",") || tokens.get(k).equals("and"))) k++;
        if (k == at || k >= tokens.size()) return at;
        boolean next = ABILITIES.contains(tokens.get(k)) || (SENSE.contains(tokens.get(k)) && k + 1 < tokens.size()
                && ALL_FELT.contains(tokens.get(k + 1)));
        return next ? k : at;
    }

    /**
     * Whether "can" at {@code at} says what one can still do: not "can not", an ability right after it ("can still walk")
     * or right before it ("heel walk can"), no complaint, negation or limit in its clause, and no contrast after it ("I can
     * still walk, but my foot drags"; not "my son can drive me", "can you work on it", "yesterday I can climb").
     */
    private static boolean abilityIntact(List<String> tokens, int at) {
        if (at + 1 < tokens.size() && NEGATIONS.contains(tokens.get(at + 1))) return false;
        int from = clauseStart(tokens, at), to = clauseEnd(tokens, at + 1, CONJUNCTIONS);
        int after = at + 1;
        while (after < to && DEGREE.contains(tokens.get(after))) after++;
        boolean ability = (after < to && ABILITIES.contains(tokens.get(after))) || (at > from && ABILITIES.contains(tokens.get(at - 1)));
        for (int k = from; k < to; k++) {
            String w = tokens.get(k);
            if (complaint(w) || NEGATIONS.contains(w) || LIMITS.contains(w)) return false;
        }
        int next = to;
        while (next < tokens.size() && Tokens.isMark(tokens.get(next)) && !Tokens.isSentenceEnd(tokens.get(next))) next++;
        return ability && !(next < tokens.size() && LIMITS.contains(tokens.get(next)));
    }

    /**
     * Whether a negation at {@code at} that ends its clause denies the complaint just before it ("numb none", "butt numb
     * no", "tingling: none"); not "numb no feeling", where it opens what follows, nor "is strange, no?".
     */
    private static boolean deniesWhatCameBefore(List<String> tokens, int at) {
        if (at == 0 || !(at + 1 == tokens.size() || Tokens.isMark(tokens.get(at + 1)))) return false;
        if (at + 1 < tokens.size() && tokens.get(at + 1).equals("?")) return false; // "is strange, no?" asks
        int k = at - 1;
        if (Tokens.isMark(tokens.get(k)) && k > 0) k--;
        return complaint(tokens.get(k)) && at - clauseStart(tokens, at) <= REACH;
    }

    /** Whether words after "everything" at {@code at} take part of it back ("everything except my bum"). */
    private static boolean takenBack(List<String> tokens, int at) {
        for (int k = at + 1; k < tokens.size() && k <= at + 4 && !Tokens.isSentenceEnd(tokens.get(k)); k++) {
            if (EXCEPTIONS.contains(tokens.get(k))) return true;
        }
        return false;
    }

    /** Words by which pain travels towards a part: "down my leg", "to the leg", "into the thigh". */
    private static final Set<String> TOWARDS = Set.of("down", "to", "into", "in", "through");

    /** Whether "down" or "to" at {@code at} leads to a leg within a few words ("down no leg", "to leg", "down the back of my thigh"). */
    private static boolean travelsToALeg(List<String> tokens, int at) {
        if (at >= tokens.size() || !TOWARDS.contains(tokens.get(at))) return false;
        // "down the back of my thigh"; but "to" reaches only a leg it names at once ("to my leg", not "to the bathroom and my leg")
        int reach = tokens.get(at).equals("down") ? 5 : 2;
        for (int k = at + 1; k < tokens.size() && k <= at + reach && !Tokens.isMark(tokens.get(k)); k++) {
            if (LEGS.contains(tokens.get(k))) return true;
        }
        return false;
    }

    /** Whether a word is a complaint, its "-ing" typed without the g too ("hurtin", "losin'"). */
    static boolean complaint(String word) {
        if (COMPLAINTS.contains(word)) return true;
        String w = word.endsWith("in'") ? word.substring(0, word.length() - 1) : word;
        return w.endsWith("in") && COMPLAINTS.contains(w + "g");
    }

    private static boolean ends(String token, Set<String> words) {
        return Tokens.isMark(token) || words.contains(token);
    }
}
