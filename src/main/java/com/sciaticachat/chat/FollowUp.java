package com.sciaticachat.chat;

import com.sciaticachat.analysis.Words;
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
    enum Kind { STANDALONE, REFERS_BACK, CONTINUES, MORE, ORDINAL }

    /** @param position for an ordinal, 1 for the first, -1 for the last; 0 otherwise */
    record Reading(Kind kind, int position) {}

    /** Words that point back at something already said. */
    private static final Set<String> POINTERS = Set.of("it", "its", "that", "this", "those", "these", "they", "them", "their",
            "there", "one", "ones", "such", "same", "he", "she", "him", "her");

    /** How a fragment that continues the conversation starts. */
    private static final Pattern CONTINUES = Pattern.compile(
            "^(and|but|also|so|or|plus|then|what about|how about|what if|and if|and what|and how|same|ok so|okay so|ok and|okay and)\\b");

    /** Asking for more of the same, and nothing else: every word is one of these ... */
    private static final Set<String> MORE_WORDS = Set.of("tell", "me", "us", "more", "go", "on", "keep", "going", "continue", "what",
            "else", "explain", "elaborate", "expand", "details", "detail", "info", "information", "further", "about", "it", "that",
            "this", "a", "bit", "little", "lot", "some", "please", "pls", "plz", "can", "could", "would", "you", "and", "then", "say",
            "give", "show", "anything", "again", "ok", "okay", "thanks", "thx", "so", "yes", "yeah", "sure", "the", "rest", "in",
            "other", "others", "another", "any", "are", "there");
    /** ... and one of these says "more". */
    private static final Set<String> MORE_CUES = Set.of("more", "else", "further", "elaborate", "expand", "continue", "details", "detail",
            "going", "rest", "go", "other", "others", "another");

    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("first", 1), Map.entry("1st", 1), Map.entry("second", 2), Map.entry("2nd", 2), Map.entry("third", 3),
            Map.entry("3rd", 3), Map.entry("fourth", 4), Map.entry("4th", 4), Map.entry("fifth", 5), Map.entry("5th", 5),
            Map.entry("sixth", 6), Map.entry("6th", 6), Map.entry("last", -1), Map.entry("final", -1));

    private static final Pattern ORDINAL = Pattern.compile("\\b(the |that |this )?(" + String.join("|", ORDINALS.keySet())
            + ")( one| ones| part| item| point| thing| technique| option| step| bit)?\\b");
    private static final Pattern NUMBERED = Pattern.compile("\\b(number|no\\.?|#) ?([1-6])\\b");

    /** At most this many words, for a question with a pointer word to count as leaning on the last answer. */
    private static final int SHORT = 9;

    static Reading read(String question) {
        String q = Words.expandContractions(Words.fold(question)).replaceAll("[^a-z0-9#' ]+", " ").replaceAll("\\s+", " ").strip();
        if (q.isEmpty()) return new Reading(Kind.STANDALONE, 0);
        List<String> words = List.of(q.split(" "));
        if (words.stream().allMatch(MORE_WORDS::contains) && words.stream().anyMatch(MORE_CUES::contains)) return new Reading(Kind.MORE, 0);
        Matcher n = NUMBERED.matcher(q);
        if (words.size() <= SHORT && n.find()) return new Reading(Kind.ORDINAL, Integer.parseInt(n.group(2)));
        Matcher o = ORDINAL.matcher(q);
        // "the first one", "tell me about the last", "what is the 2nd": a position among what was shown; not
        // "my first massage" or "the first time"
        if (words.size() <= SHORT && o.find() && !q.matches(".*\\b(first|last) (time|visit|session|massage|appointment|day|week)s?\\b.*")
                && (o.group(3) != null || o.group(1) != null)) {
            return new Reading(Kind.ORDINAL, ORDINALS.get(o.group(2)));
        }
        if (CONTINUES.matcher(q).find()) return new Reading(Kind.CONTINUES, 0);
        if (words.size() <= SHORT && words.stream().anyMatch(POINTERS::contains)) return new Reading(Kind.REFERS_BACK, 0);
        return new Reading(Kind.STANDALONE, 0);
    }
}
