package com.sciaticachat.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sets aside what a message tells of someone else when the back pain it asks about is the writer's own: "my late
 * husband had bowel cancer and his started with back pain; I've a sore back now from the garden" and "my wife's on chemo,
 * no back trouble on her, my back's the bad one" tell of the writer's sore back. This is the experiencer modifier of
 * clinical text mining (ConText, Harkema et al. 2009), read the way NICE reads a history: cancer, steroids, thin bones
 * or a weak immune system are red flags for the person who has the back pain.
 *
 * <p>A run of clauses whose subject is another person ("my dad", "me old man", "my husband's father", then "he", "it")
 * is set aside when the writer tells of their own back pain elsewhere, and nothing tells of that person's own pain or
 * of a complaint of theirs now (what they are said not to have does not count: "she's not hurting anywhere"), or of
 * something that has just happened to them ("yesterday", "since", "fell"): then their history or condition may be the
 * red flag, and it stands. What is history (dated well in the past, or told of someone who has died) is set aside
 * whatever it tells. An event told in the past without a date ("my husband fell off a ladder") may be today's, so it
 * stays.
 */
final class OtherPeople {

    /** Someone the writer may tell of, after a possessive or at the start of a clause. */
    private static final Set<String> PEOPLE = Set.of("mum", "mom", "mam", "mammy", "mother", "madda", "mudda", "mama", "momma", "dad",
            "da", "daddy", "pa", "pops", "pop", "father", "fada", "papa", "husband", "hubby", "wife", "missus", "partner", "son", "boy",
            "daughter", "brother", "bro", "sister", "sis", "nan", "nana", "nanna", "gran", "granny", "grandma", "grandmother", "grandpa",
            "grandad", "granddad", "grandfather", "grandson", "granddaughter", "aunt", "auntie", "aunty", "tita", "tito", "tia", "tio",
            "uncle", "cousin", "friend", "mate", "buddy", "pal", "neighbour", "neighbor", "colleague", "coworker", "boss", "employer",
            "fiance", "fiancee", "boyfriend", "girlfriend", "bf", "gf", "kid", "child", "baby", "parents", "parent", "in-law",
            "stepdad", "stepmum", "stepmom", "stepfather", "stepmother", "niece", "nephew", "twin", "bestie", "flatmate", "roommate");
    /** Two-word names for someone: "old man", "old lady", "father-in-law" is one word after folding. */
    private static final Set<String> OLD = Set.of("man", "lady", "woman", "fella", "girl");
    private static final Set<String> POSSESSIVES = Set.of("my", "me", "mi", "our", "his", "her", "their", "a", "the");
    /** Words that may stand between a possessive and the person ("my late husband", "my older brother"). */
    private static final Set<String> BEFORE_PERSON = Set.of("late", "old", "older", "younger", "little", "big", "eldest", "oldest",
            "youngest", "dear", "best", "own", "other", "ex", "poor", "grand");
    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "his", "her", "him", "their", "it", "that", "which", "who");
    private static final Set<String> THIRD_PERSON = Set.of("he", "she", "they", "his", "her", "him", "their", "them", "hes", "shes");
    private static final Set<String> FIRST_PERSON = Set.of("i", "me", "my", "mine", "myself", "mi", "meself", "ive", "im", "id");
    /** Words of a clause that tell of now. */
    private static final Set<String> NOW = Set.of("now", "currently", "today", "tonight", "yesterday", "still", "lately", "recently",
            "nowadays", "am", "is", "are", "has", "have", "can", "keeps", "keep", "getting", "since", "this", "these", "does", "do",
            "cant", "wont", "isnt", "doesnt", "having", "gets", "says", "wants", "needs", "hurts", "aches", "takes", "uses", "lives");
    /** After "he's", "mum's": the words that make it "is" or "has", not a possessive. */
    private static final Set<String> AFTER_IS = Set.of("got", "been", "having", "not", "doing", "getting", "just", "still", "now", "always",
            "a", "an", "had", "fine", "ok", "okay", "good", "grand", "sore", "bad", "crook", "on", "in", "off", "never", "also", "too",
            "complaining", "struggling", "suffering", "taking", "using", "coming", "going", "worried", "sweet", "right", "all", "very",
            "really", "so", "pretty", "quite", "real", "clean");
    /** Words of a complaint told of someone: with their back pain, their history may be the red flag. */
    private static final Set<String> COMPLAINTS = Set.of("fever", "feverish", "temperature", "temp", "chills", "sweats", "sweating", "numb",
            "numbness", "tingling", "tingly", "weak", "weakness", "leak", "leaking", "wet", "wetting", "pee", "peeing", "wee", "bladder",
            "bowel", "bowels", "toilet", "feel", "feeling", "drag", "dragging", "dragged", "losing", "weight", "limp", "limping", "collapse",
            "collapsed", "unwell", "sick", "ill", "swelling", "walk", "walking", "stand", "standing", "move", "moving", "control",
            "lift", "grip", "sleep", "sleeping", "wake", "waking", "poo", "pooing", "accident", "accidents", "erection", "sex", "unable",
            "cannot", "cant");
    /** Words before "back" that make it a time or a return ("years back", "came back"). */
    private static final Set<String> NOT_A_BACK = Set.of("years", "yrs", "year", "months", "weeks", "days", "while", "ages", "way", "long",
            "time", "decade", "decades", "came", "come", "went", "get", "got", "put", "brought", "coming", "comes", "going", "go", "gone",
            "bounced", "fought", "gained", "ago");
    /** Words of something that has just happened. */
    private static final Set<String> RECENT = Set.of("yesterday", "today", "tonight", "morning", "night", "since", "suddenly", "just",
            "week", "weekend", "days", "hours", "fell", "fall", "fallen", "falling", "crashed", "crash", "accident", "hit", "slipped",
            "tripped", "new", "started", "starting", "lately", "recently");
    /** Verbs that make a bare person the subject ("pops had", "brother used to", "baby is"). */
    private static final Set<String> VERBS_AFTER_BARE = Set.of("had", "has", "have", "was", "were", "is", "are", "used", "took", "takes",
            "got", "gets", "did", "does", "passed", "died", "beat", "went", "says", "said", "wants", "lost", "fell", "broke", "needed");
    /** Verbs that tell of a history. */
    private static final Set<String> HISTORY = Set.of("had", "was", "were", "used", "took", "been", "did", "beat", "battled", "fought",
            "passed", "died", "survived", "went", "got", "ended", "spent", "needed", "broke", "lost");
    private static final Set<String> DEATH = Set.of("late", "passed", "died", "rip", "rest", "deceased", "funeral");
    /** Words of back pain: the writer's own clause must tell of it. */
    private static final Set<String> PAIN = Set.of("back", "backs", "sciatica", "spine", "pain", "painful", "sore", "ache", "aches", "aching",
            "achy", "hurt", "hurts", "hurting", "stiff", "stiffness", "tight", "tightness", "crook", "cooked", "rooted", "sair", "neck", "hip",
            "hips", "leg", "legs", "knots", "lbp", "lumbar", "disc", "nerve", "buttock", "glute");
    private static final Set<String> BREAKS = Set.of("and", "but", "n", "so", "though", "although", "then", "cause", "because", "cos", "coz",
            "cuz", "while", "whereas", "plus", "also");
    private static final Pattern REMOTE = Pattern.compile("\\b(?:years?|yrs?|decades?|ages) (?:ago|back|before)|long ago|back in|back when"
            + "|in (?:19|20)\\d\\d|as a (?:kid|child|teen|teenager|boy|girl)|when (?:he|she|they) (?:was|were)|before (?:he|she|they) (?:died|passed)"
            + "|in the past|back in the day|last (?:year|yr)");

    private OtherPeople() {}

    private record Clause(int from, int to) {}

    /** The message (folded, contractions spelt out) split into what it tells of the writer and what it tells of someone else. */
    static NotNow.Split split(String folded) {
        Tokens t = Tokens.of(folded);
        List<String> tokens = t.words();
        List<Clause> clauses = clauses(tokens);
        boolean[] drop = new boolean[tokens.size()];
        boolean[] inRun = new boolean[clauses.size()];
        boolean any = false;
        for (int c = 0; c < clauses.size(); c++) {
            int subjectEnd = otherSubjectEnd(tokens, clauses.get(c));
            if (subjectEnd < 0 || hasFirstPerson(tokens, subjectEnd, clauses.get(c).to())) continue;
            int last = c;
            while (last + 1 < clauses.size() && continues(tokens, clauses.get(last), clauses.get(last + 1))) last++;
            boolean recent = false, complaint = false, past = true;
            StringBuilder run = new StringBuilder();
            for (int k = c; k <= last; k++) {
                Clause cl = clauses.get(k);
                recent |= tellsOfRecent(tokens, cl);
                complaint |= tellsOfComplaint(tokens, cl);
                past &= !tellsOfNow(tokens, cl);
                for (int i = cl.from(); i < cl.to(); i++) run.append(tokens.get(i)).append(' ');
            }
            // what is history (dated well in the past, or told of someone who has died) is not theirs now
            boolean history = past && (dated(run) || died(run));
            boolean undatedEvent = past && eventOnly(run) && !dated(run);
            if (history || !recent && !complaint && !undatedEvent) {
                for (int k = c; k <= last; k++) inRun[k] = true;
                for (int i = clauses.get(c).from(); i < clauses.get(last).to(); i++) drop[i] = true;
                any = true;
            }
            c = last;
        }
        if (!any) return new NotNow.Split(folded, "");
        boolean writersPain = false;
        for (int c = 0; c < clauses.size(); c++) {
            if (inRun[c]) continue;
            Clause cl = clauses.get(c);
            // someone else's pain, complaint or mishap now: their history may be the red flag
            if (namesSomeoneElse(tokens, cl) && (tellsOfRecent(tokens, cl) || tellsOfComplaint(tokens, cl))) return new NotNow.Split(folded, "");
            writersPain |= hasFirstPerson(tokens, cl.from(), cl.to()) && hasPain(tokens, cl);
        }
        return writersPain ? new NotNow.Split(t.without(drop), t.only(drop)) : new NotNow.Split(folded, "");
    }

    private static List<Clause> clauses(List<String> tokens) {
        List<Clause> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            // "me and my husband" is one subject, not two clauses
            boolean together = i > 0 && i < tokens.size() && (tokens.get(i).equals("and") || tokens.get(i).equals("n"))
                    && FIRST_PERSON.contains(tokens.get(i - 1));
            boolean end = i == tokens.size() || Tokens.isMark(tokens.get(i)) || BREAKS.contains(tokens.get(i)) && !together;
            if (!end) continue;
            if (i > start) out.add(new Clause(start, i));
            start = i + 1;
        }
        return out;
    }

    /** Where the name of another person that opens a clause ends, or -1 when the clause does not open with one. */
    private static int otherSubjectEnd(List<String> tokens, Clause c) {
        int k = c.from();
        boolean possessive = false;
        while (k < c.to()) {
            String w = tokens.get(k);
            if (POSSESSIVES.contains(w) || BEFORE_PERSON.contains(w)) {
                possessive |= POSSESSIVES.contains(w);
                k++;
                continue;
            }
            String bare = Tokens.bare(w);
            boolean person = PEOPLE.contains(bare) || bare.endsWith("-in-law") || OLD.contains(bare) && k > c.from() && tokens.get(k - 1).equals("old");
            if (!person) return -1;
            // "my husband's dad": the possessive goes on to the person it names
            if (w.endsWith("'s") && k + 1 < c.to() && !AFTER_IS.contains(tokens.get(k + 1))) {
                possessive = true;
                k++;
                continue;
            }
            // a bare "brother" or "baby" may be whom the writer addresses ("bro this is weird"): a subject only before its verb
            if (!possessive && !w.endsWith("'s") && !(k + 1 < c.to() && VERBS_AFTER_BARE.contains(tokens.get(k + 1)))) return -1;
            return k + 1;
        }
        return -1;
    }

    /**
     * Whether a clause goes on telling of the same person as the one before it: it opens with a pronoun, or, in the same
     * sentence, has no subject of its own.
     */
    private static boolean continues(List<String> tokens, Clause before, Clause c) {
        if (hasFirstPerson(tokens, c.from(), c.to())) return false;
        if (startsWithPronoun(tokens, c)) return true;
        boolean sameSentence = true;
        for (int i = before.to(); i < c.from(); i++) sameSentence &= !Tokens.isSentenceEnd(tokens.get(i));
        return sameSentence && otherSubjectEnd(tokens, c) < 0 && !startsWithSubject(tokens, c);
    }

    /** Whether a clause names someone other than the writer: a pronoun, or a person after a possessive or on its own. */
    private static boolean namesSomeoneElse(List<String> tokens, Clause c) {
        for (int i = c.from(); i < c.to(); i++) {
            String bare = Tokens.bare(tokens.get(i));
            if (THIRD_PERSON.contains(bare) || PEOPLE.contains(bare)) return true;
        }
        return false;
    }

    private static boolean startsWithPronoun(List<String> tokens, Clause c) {
        String w = tokens.get(c.from());
        return PRONOUNS.contains(Tokens.bare(w));
    }

    private static boolean startsWithSubject(List<String> tokens, Clause c) {
        String w = tokens.get(c.from());
        return FIRST_PERSON.contains(w) || Set.of("you", "we", "u", "ya", "ye", "there").contains(w);
    }

    private static boolean hasFirstPerson(List<String> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (FIRST_PERSON.contains(tokens.get(i))) return true;
        }
        return false;
    }

    private static boolean tellsOfNow(List<String> tokens, Clause c) {
        for (int i = c.from(); i < c.to(); i++) {
            String w = tokens.get(i);
            if (NOW.contains(w)) return true;
            if (w.endsWith("'s") && i + 1 < c.to() && AFTER_IS.contains(tokens.get(i + 1))) return true;
            if (w.endsWith("'s") && i + 1 == c.to()) return true;
        }
        return false;
    }

    /** Whether a clause tells of something that has just happened ("yesterday", "since", "fell"). */
    private static boolean tellsOfRecent(List<String> tokens, Clause c) {
        for (int i = c.from(); i < c.to(); i++) {
            if (RECENT.contains(tokens.get(i))) return true;
        }
        return false;
    }

    /** Whether a clause tells of pain or a complaint and does not deny it ("she is not hurting anywhere" tells of none). */
    private static boolean tellsOfComplaint(List<String> tokens, Clause c) {
        String[] told = Denials.setAside(String.join(" ", tokens.subList(c.from(), c.to()))).split("[^a-z0-9']+");
        for (int i = 0; i < told.length; i++) {
            String bare = Tokens.bare(told[i]);
            // "years back", "came back": a time or a return, not a back
            if (bare.equals("back") && i > 0 && NOT_A_BACK.contains(told[i - 1])) continue;
            if (PAIN.contains(bare) || COMPLAINTS.contains(bare)) return true;
        }
        return false;
    }

    private static boolean hasPain(List<String> tokens, Clause c) {
        for (int i = c.from(); i < c.to(); i++) {
            String w = tokens.get(i);
            if (PAIN.contains(Tokens.bare(w))) return true;
        }
        return false;
    }

    private static boolean dated(CharSequence run) {
        return REMOTE.matcher(run).find();
    }

    private static boolean died(CharSequence run) {
        for (String w : run.toString().split(" ")) {
            if (DEATH.contains(w)) return true;
        }
        return false;
    }

    /** Whether a run tells only of an event that may be recent (a fall, a crash), not of a history or a death. */
    private static boolean eventOnly(CharSequence run) {
        String r = " " + run + " ";
        for (String w : HISTORY) {
            if (r.contains(" " + w + " ") && !w.equals("got") && !w.equals("went") && !w.equals("broke")) return false;
        }
        for (String w : DEATH) {
            if (r.contains(" " + w + " ")) return false;
        }
        return true;
    }
}
