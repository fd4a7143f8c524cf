package com.sciaticachat.chat;

import com.sciaticachat.analysis.EnglishWords;
import com.sciaticachat.analysis.SpellingCorrector;
import com.sciaticachat.analysis.Words;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a question leans on the one before it: by the words that only make sense in a conversation, not by
 * its subject. "tell me more" asks for more of what was just shown; "the second one" picks one of its
 * parts; "is it painful?" or "how long does that take" are about what was just shown; "and during
 * pregnancy?" or "what about the calves?" continue its topic with another aspect; anything else stands alone.
 */
final class FollowUp {
    private FollowUp() {}

    /** What a question asks of the conversation. */
    enum Kind { STANDALONE, REFERS_BACK, CONTINUES, MORE, OTHERS, ORDINAL }

    /**
     * @param position for an ordinal, 1 for the first, -1 for the last; 0 otherwise
     * @param bare     the question has no words but conversational ones ("any others?", not "other areas to target?")
     */
    record Reading(Kind kind, int position, boolean bare) {
        Reading(Kind kind, int position) {
            this(kind, position, false);
        }
    }

    /** Words that point back at something already said. */
    private static final Set<String> POINTERS = Set.of("it", "its", "that", "this", "those", "these", "they", "them", "their",
            "there", "one", "ones", "such", "same", "he", "she", "him", "her",
            "eso", "esto", "esa", "ese", "esos", "esas", "estos", "estas", "ello");

    /** How a fragment that continues the conversation starts. */
    private static final Pattern CONTINUES = Pattern.compile(
            "^(and|but|also|so|or|plus|then|what about|how about|what if|and if|and what|and how|same|ok so|okay so|ok and|okay and"
                    + "|y|pero|tambien|que tal|y si|y que|y como|y para|y en|y durante|y con)\\b");

    /** Asking for more of the same, and nothing else: every word is one of these ... */
    private static final Set<String> MORE_WORDS = Set.of("tell", "me", "us", "more", "go", "on", "keep", "going", "continue", "what",
            "else", "explain", "elaborate", "expand", "details", "detail", "info", "information", "further", "about", "it", "that",
            "this", "a", "bit", "little", "lot", "some", "please", "pls", "plz", "can", "could", "would", "you", "and", "then", "say",
            "give", "show", "anything", "again", "ok", "okay", "thanks", "thx", "so", "yes", "yeah", "sure", "the", "rest", "in",
            "other", "others", "another", "any", "are", "there",
            // Spanish (the widget speaks it): "dime mas", "cuentame algo mas", "y otros?"
            "dime", "mas", "cuentame", "sigue", "continua", "explica", "explicame", "algo", "otro", "otra", "otros", "otras",
            "favor", "por", "porfa", "y", "que", "detalles", "vale", "bueno", "si", "gracias", "hay");
    /** ... and one of these says "more". */
    private static final Set<String> MORE_CUES = Set.of("more", "else", "further", "elaborate", "expand", "continue", "details", "detail",
            "going", "rest", "go", "other", "others", "another",
            "mas", "sigue", "continua", "cuentame", "detalles", "otro", "otra", "otros", "otras");

    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("first", 1), Map.entry("1st", 1), Map.entry("second", 2), Map.entry("2nd", 2), Map.entry("third", 3),
            Map.entry("3rd", 3), Map.entry("fourth", 4), Map.entry("4th", 4), Map.entry("fifth", 5), Map.entry("5th", 5),
            Map.entry("sixth", 6), Map.entry("6th", 6), Map.entry("last", -1), Map.entry("final", -1), Map.entry("middle", FollowUp.MIDDLE));

    /** The position of "the middle one": the middle part of those shown. */
    static final int MIDDLE = 100;

    private static final Pattern ORDINAL = Pattern.compile("\\b(the |that |this )?(" + String.join("|", ORDINALS.keySet())
            + ")( one| ones| part| item| point| thing| technique| option| step| bit| of (?:those|these|them|the list))?\\b");
    /**
     * "the first strategy you mentioned", "the 2nd cause u listed": a position among what was shown, named by a word of its
     * own and told as said by the chat.
     */
    private static final Pattern TOLD = Pattern.compile("\\b(?:the |that |this |your )?(" + String.join("|", ORDINALS.keySet())
            + ") [a-z]+ (?:you|u|ya) (?:just )?(?:mentioned|listed|said|named|gave|wrote|showed|described|talked about)\\b");

    /** What "the middle ..." picks among what was shown: "the middle one", "the middle option" (not "the middle part of my back"). */
    private static final Set<String> MIDDLE_OF = Set.of("one", "ones", "item", "option", "technique", "step", "point");

    /** "the first time", "in the first place", "first thing in the morning", "the last resort": no position in a list. */
    private static final Pattern IDIOMS = Pattern.compile("\\b(first|last) (time|visit|session|massage|appointment|day|week|month|year"
            + "|night|morning|thing|things|place|resort|trimester|few|couple)s?\\b|\\bat (first|last)\\b");
    private static final Pattern NUMBERED = Pattern.compile("(?<![a-z0-9])(number|no\\.?|#|item|option|step|tip) ?([1-6])\\b");
    /** "item three", "number two": a position told by a cardinal after a word that counts the list. */
    private static final Pattern COUNTED = Pattern.compile("\\b(number|item|option|step|tip) (one|two|three|four|five|six)\\b");
    private static final Map<String, Integer> CARDINALS = Map.of("one", 1, "two", 2, "three", 3, "four", 4, "five", 5, "six", 6);

    /** Asking for other options than the one shown: "other ways?", "any others?". */
    private static final Set<String> OTHER_CUES = Set.of("other", "others", "another", "otro", "otra", "otros", "otras");

    /** At most this many words, for a question with a pointer word to count as leaning on the last answer. */
    private static final int SHORT = 9;

    /** The words this reading looks for, which a misspelling of may stand for ("wat els", "the furst one"). */
    private static final Set<String> CONVERSATIONAL = conversational();

    private static Set<String> conversational() {
        Set<String> all = new HashSet<>(MORE_WORDS);
        all.addAll(POINTERS);
        all.addAll(ORDINALS.keySet());
        all.removeIf(w -> w.length() < 3 || !w.chars().allMatch(Character::isLetter));
        return Set.copyOf(all);
    }

    /**
     * A word as the conversational word it misspells: a word English hardly uses, one edit away from it ("wat"
     * is what, "els" else, "furst" first); otherwise the word itself ("bother" stays bother, "2nd" 2nd).
     */
    private static String conversationalWord(String w) {
        if (w.length() < 3 || CONVERSATIONAL.contains(w) || !w.chars().allMatch(Character::isLetter)) return w;
        EnglishWords english = EnglishWords.get();
        if (english.rarity(w) < UNUSED) return w;
        String best = w;
        for (String c : CONVERSATIONAL) {
            if (Math.abs(c.length() - w.length()) > 1 || SpellingCorrector.distance(w, c, 1) > 1) continue;
            if (best == w || english.rarity(c) < english.rarity(best)) best = c;
        }
        return best;
    }

    /** A word at least this rare ({@link EnglishWords#rarity}: 1 for words the list does not have) may be a misspelling. */
    private static final double UNUSED = 0.95;

    /** "this week", "that time": a pointer at a time, not at what was said. */
    private static final Pattern TIME = Pattern.compile(
            "\\b(this|that|these|those) (week|weekend|month|year|morning|afternoon|evening|night|time|day|season)s?\\b");

    /** At most this many words, for a longer question with a pointer or "more" word to lean on the last answer. */
    private static final int LEANING = 18;

    /**
     * Whether a question that reads as standing alone still leans on the last answer: a pointer or a "more"
     * word in at most {@value #LEANING} words ("Could you elaborate on how the practitioner actually applies
     * it?", "anythin els i shud watch for").
     */
    static boolean leansBack(String question) {
        String typed = typed(asking(question));
        if (typed.isEmpty()) return false;
        List<String> words = words(TIME.matcher(typed).replaceAll(" ").strip());
        return words.size() <= LEANING && words.stream().anyMatch(w -> POINTERS.contains(w) || MORE_CUES.contains(w));
    }

    /** The question as these readings see it: folded, contractions spelt out, only letters, digits, '#' and apostrophes. */
    private static String typed(String question) {
        return Words.expandContractions(Words.fold(question)).replaceAll("[^a-z0-9#' ]+", " ").replaceAll("\\s+", " ").strip();
    }

    /** The words of a typed question, each as the conversational word it may misspell. */
    private static List<String> words(String typed) {
        return java.util.Arrays.stream(typed.split("\\s+")).map(FollowUp::conversationalWord).toList();
    }

    /**
     * The part of a message that asks: in a message of several sentences with a question among them, its
     * questions ("Thank you, that helps a great deal. Could you say more about the last one? She's stiff." asks
     * "Could you say more about the last one?"); otherwise the message.
     */
    static String asking(String question) {
        String[] sentences = question.strip().split("(?<=[.!?])\\s+");
        if (sentences.length < 2) return question;
        List<String> asks = java.util.Arrays.stream(sentences).filter(x -> x.strip().endsWith("?")).toList();
        return asks.isEmpty() || asks.size() == sentences.length ? question : String.join(" ", asks);
    }

    /** Words that ask beyond what was shown: "anything else", "other ways", "besides", "further steps", "more about". */
    private static final Set<String> BEYOND_CUES = Set.of("else", "other", "others", "another", "besides", "beside", "beyond", "further",
            "apart", "except", "aside", "otro", "otra", "otros", "otras", "ademas");

    /** The words that set something aside ("besides", "apart from"), and the words a clause goes on with after what they set aside. */
    private static final String BESIDES_WORDS = "besides|beside|beyond|apart from|other than|except(?: for)?|aside from";
    private static final String CLAUSE_GOES_ON = "that|which|i|we|you|he|she|they|can|could|should|would|to";

    /** "besides massage", "other than stretching", "beyond self-massage,": what the question sets aside, to its clause's end. */
    private static final Pattern SET_ASIDE = Pattern.compile("(?i)\\b(?:" + BESIDES_WORDS + "|instead of|not|non|ademas de|aparte de|en vez de)"
            + "[\\s-]+[^,.;:!?]{0,40}?(?=[,.;:!?]|\\b(?:" + CLAUSE_GOES_ON + ")\\b|$)");

    /** "besides the foam roller", "anything past deep tissue and Swedish": what a follow-up asks beyond, to its clause's end. */
    private static final Pattern BESIDES = Pattern.compile("(?i)\\b(?:" + BESIDES_WORDS + "|(?<=(?:anything|something|else|options|ways|go) )past)"
            + "[\\s-]+([^,.;:!?]{1,40}?)(?=[,.;:!?]|\\b(?:" + CLAUSE_GOES_ON + "|is|are)\\b|$)");

    /** What a follow-up sets aside as already had ("anything besides the foam roller?": "the foam roller"), or null. */
    static String setAside(String question) {
        Matcher m = BESIDES.matcher(asking(question));
        return m.find() ? m.group(1).strip() : null;
    }

    /** A question with a phrase taken out: spaces made single, and no mark left to open it (", what else ..."). */
    private static String tidied(String question) {
        return question.replaceAll("\\s+", " ").replaceAll("^[\\s,;:.]+", "").strip();
    }

    /** The question without its "besides ..." ("Other way beside the foam roller?": "Other way ?"). */
    static String withoutBesides(String question) {
        return tidied(BESIDES.matcher(question).replaceAll(" "));
    }

    /** Whether what is set aside is only a word pointing back at what was shown ("besides that", "apart from this"). */
    static boolean pointsBack(String setAside) {
        return java.util.Arrays.stream(typed(setAside).split("\\s+")).allMatch(w -> POINTERS.contains(w) || w.isEmpty());
    }

    /** The question without what it sets aside ("other treatments besides massage?": "other treatments ?"). */
    static String withoutSetAside(String question) {
        String out = tidied(SET_ASIDE.matcher(question).replaceAll(" "));
        return out.isEmpty() ? question : out;
    }

    /**
     * Whether a question asks beyond what was just shown, in words of its own: an "else" or "other" word and a word
     * that is not conversational once what it sets aside is left out ("other treatments besides massage?", "what else
     * can I do myself"; not "tell me more", "any others?" nor "anything else besides the pills?").
     */
    static boolean asksBeyond(String question) {
        // what "besides" sets aside is what was shown: "anything else besides lifting with the legs?" asks for more of it
        String typed = typed(withoutSetAside(asking(question)));
        if (typed.isEmpty()) return false;
        List<String> words = words(typed);
        return words.size() <= LEANING && words.stream().anyMatch(BEYOND_CUES::contains)
                && !words.stream().allMatch(w -> MORE_WORDS.contains(w) || BEYOND_CUES.contains(w) || GENERIC.contains(w));
    }

    /** Words for "something" that name no subject: "further options?" asks for more of what was shown. */
    private static final Set<String> GENERIC = Set.of("option", "options", "step", "steps", "thing", "things", "way", "ways", "tip",
            "tips", "measure", "measures", "idea", "ideas", "stuff", "kind", "kinds", "type", "types", "choice", "choices", "is", "be");

    /** Whether a question only makes sense after an answer: a position ("the second one") or a bare "tell me more". */
    static boolean needsAnAnswer(String question) {
        Reading r = read(question);
        if (r.bare()) return true;
        if (r.kind() != Kind.ORDINAL) return false;
        return words(typed(question)).stream().allMatch(w -> POSITION_WORDS.contains(w) || ORDINALS.containsKey(w) || w.matches("#?[0-9]+"));
    }

    static Reading read(String question) {
        String asked = asking(question);
        Reading reading = readAlone(asked);
        if (reading.kind() == Kind.ORDINAL || asked.equals(question)) return reading;
        // a position told in a sentence of its own before the question ("The first of those sounds rather vigorous. What
        // does it involve?", "Fifth one down. Tumor. How often's that?") picks what the question is about
        for (String sentence : question.strip().split("(?<=[.!?:])\\s+")) {
            if (asked.contains(sentence) || !opensWithPosition(sentence)) continue;
            Reading told = readAlone(sentence);
            if (told.kind() == Kind.ORDINAL) return told;
        }
        return reading;
    }

    /** "The first of those ...", "Fifth one down.", "#6, ...": a sentence that opens by naming a position (not "since baby #2"). */
    private static boolean opensWithPosition(String sentence) {
        String q = String.join(" ", words(typed(sentence)));
        Matcher o = ORDINAL.matcher(q);
        if (o.lookingAt() && o.group(3) != null && !IDIOMS.matcher(q).find()) return true;
        Matcher n = NUMBERED.matcher(q);
        return n.find() && n.start() == 0;
    }

    /** Positions in Spanish, for a visitor the widget speaks Spanish with. */
    private static final Map<String, Integer> SPANISH_ORDINALS = Map.ofEntries(Map.entry("primero", 1), Map.entry("primera", 1),
            Map.entry("primer", 1), Map.entry("segundo", 2), Map.entry("segunda", 2), Map.entry("tercero", 3), Map.entry("tercera", 3),
            Map.entry("tercer", 3), Map.entry("cuarto", 4), Map.entry("cuarta", 4), Map.entry("quinto", 5), Map.entry("quinta", 5),
            Map.entry("sexto", 6), Map.entry("sexta", 6), Map.entry("ultimo", -1), Map.entry("ultima", -1));
    /** What a Spanish message naming only a position may hold besides it ("¿y el segundo?", "háblame de la tercera, por favor"). */
    private static final Set<String> SPANISH_POSITION_WORDS = Set.of("el", "la", "lo", "los", "las", "del", "de", "y", "que", "tal", "sobre",
            "hablame", "dime", "cuentame", "mas", "por", "favor", "ok", "bueno", "pues", "cual", "es", "opcion", "uno", "una", "tecnica",
            "punto", "numero", "me", "interesa", "quiero", "saber");
    private static final Set<String> SPANISH_ARTICLES = Set.of("el", "la", "lo", "del", "uno", "una", "opcion");

    /**
     * The position a short Spanish message names and nothing else ("el segundo", "¿y la primera?"): "segundo" alone is a
     * second of time and "cuarto" a room, so an article or "one" must be there and every other word be of the frame.
     */
    private static Integer spanishPosition(List<String> words) {
        if (words.size() < 2 || words.size() > 7) return null;
        Integer position = null;
        boolean article = false;
        for (String w : words) {
            Integer p = SPANISH_ORDINALS.get(w);
            if (p != null) {
                if (position != null) return null;
                position = p;
            } else if (SPANISH_POSITION_WORDS.contains(w)) {
                article |= SPANISH_ARTICLES.contains(w);
            } else {
                return null;
            }
        }
        return article ? position : null;
    }

    /** Every word a position or a conversational one: "the second one", "number 2 please", "what's the 3rd?". */
    private static final Set<String> POSITION_WORDS = Set.of("one", "ones", "part", "item", "point", "thing", "technique", "option", "step",
            "bit", "number", "no", "tip", "what", "whats", "what's", "is", "s", "the", "about", "of", "those", "these", "them", "list", "that", "this",
            "please", "pls", "and", "ok", "okay", "tell", "me", "more", "on", "el", "la", "segundo", "segunda", "primero", "primera");

    private static Reading readAlone(String question) {
        String typed = typed(question);
        if (typed.isEmpty()) return new Reading(Kind.STANDALONE, 0);
        List<String> words = words(typed);
        String q = String.join(" ", words);
        if (words.stream().allMatch(MORE_WORDS::contains) && words.stream().anyMatch(MORE_CUES::contains)) {
            return new Reading(words.stream().anyMatch(OTHER_CUES::contains) ? Kind.OTHERS : Kind.MORE, 0, true);
        }
        Integer spanish = spanishPosition(words);
        if (spanish != null) return new Reading(Kind.ORDINAL, spanish);
        Matcher n = NUMBERED.matcher(q);
        // "#6, so like tweaking my back could do it?": a message that opens with a position may be as long as it likes
        if (n.find() && (words.size() <= SHORT || n.start() == 0)) return new Reading(Kind.ORDINAL, Integer.parseInt(n.group(2)));
        Matcher c = COUNTED.matcher(q);
        if (words.size() <= SHORT && c.find()) return new Reading(Kind.ORDINAL, CARDINALS.get(c.group(2)));
        Matcher told = TOLD.matcher(q);
        if (words.size() <= LEANING && told.find() && !IDIOMS.matcher(q).find()) return new Reading(Kind.ORDINAL, ORDINALS.get(told.group(1)));
        Matcher o = ORDINAL.matcher(q);
        boolean found = o.find();
        // "the middle one", not "the middle of my back" nor "the middle part of my back"
        if (found && o.group(2).equals("middle") && (o.group(3) == null || !MIDDLE_OF.contains(o.group(3).strip()))) found = false;
        // "the first one", "tell me about the last", "what is the 2nd": a position among what was shown; not
        // "my first massage" or "the first time". A message that opens with one ("the last one sounds fancy,
        // what does it even do?") may be as long as it likes
        boolean opens = found && q.substring(0, o.start()).matches("((tell me about|what about|and|ok|okay|so) )?");
        // a longer question may name one by "one" or a listed thing: "could you say a little more about the last one you listed"
        boolean named = found && o.group(3) != null && words.size() <= LEANING;
        // a long message that opens with one names it ("the last one sounds fancy, ..."; not "The last fella I saw ...")
        opens &= found && (words.size() <= SHORT || o.group(3) != null);
        if (found && (words.size() <= SHORT || opens || named) && !IDIOMS.matcher(q).find()
                && (o.group(3) != null || o.group(1) != null)) {
            return new Reading(Kind.ORDINAL, ORDINALS.get(o.group(2)));
        }
        // "other areas to target?", "anything else to watch for?": more of the topic, in words of its own
        if (words.size() <= SHORT && words.stream().anyMatch(OTHER_CUES::contains)) return new Reading(Kind.OTHERS, 0);
        if (words.size() <= SHORT && words.stream().anyMatch(w -> w.equals("else") || w.equals("more") || w.equals("mas"))) {
            return new Reading(Kind.CONTINUES, 0);
        }
        if (CONTINUES.matcher(q).find()) return new Reading(Kind.CONTINUES, 0);
        if (words.size() <= SHORT && words.stream().anyMatch(POINTERS::contains)) return new Reading(Kind.REFERS_BACK, 0);
        return new Reading(Kind.STANDALONE, 0);
    }
}
