package com.sciaticachat.search;

import com.sciaticachat.analysis.Analyzers;
import com.sciaticachat.analysis.QuestionAnalyzer;
import com.sciaticachat.analysis.SynonymsFile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * One generation's words: which analysed terms each section contains (and which neighbouring pairs, for
 * phrases), its heading's terms, in how many sections each term occurs, the words of the staff's
 * topics not covered that the guide never uses, and the synonyms as staff wrote them.
 */
public final class Vocabulary {
    private final Map<String, Set<String>> sectionTerms;
    private final Map<String, Set<String>> sectionPairs;
    private final Map<String, Set<String>> titleTerms;
    private final Map<String, Integer> sectionFrequency;
    /** Each topic not covered, as written → its terms that the corpus does not use. */
    private final Map<String, Set<String>> notCoveredTerms;
    /** Each synonym-file entry's analysed terms → the entry as staff wrote it. */
    private final Map<List<String>, String> synonymWording;

    private Vocabulary(Map<String, Set<String>> sectionTerms, Map<String, Set<String>> sectionPairs, Map<String, Set<String>> titleTerms,
                       Map<String, Integer> sectionFrequency, Map<String, Set<String>> notCoveredTerms,
                       Map<List<String>, String> synonymWording) {
        this.sectionTerms = sectionTerms;
        this.sectionPairs = sectionPairs;
        this.titleTerms = titleTerms;
        this.sectionFrequency = sectionFrequency;
        this.notCoveredTerms = notCoveredTerms;
        this.synonymWording = synonymWording;
    }

    /** Collects one generation's terms, section by section. */
    static final class Builder {
        private final Map<String, Set<String>> terms = new HashMap<>();
        private final Map<String, Set<String>> pairs = new HashMap<>();
        private final Map<String, Set<String>> titles = new HashMap<>();

        /** Adds a text's terms, and its neighbouring term pairs (next word, and one word further), to a section. */
        void add(Analyzer analyzer, String text, String sectionId) {
            List<String> t = Analyzers.terms(analyzer, text);
            terms.computeIfAbsent(sectionId, k -> new HashSet<>()).addAll(t);
            Set<String> p = pairs.computeIfAbsent(sectionId, k -> new HashSet<>());
            for (int i = 0; i + 1 < t.size(); i++) {
                p.add(t.get(i) + " " + t.get(i + 1));
                if (i + 2 < t.size()) p.add(t.get(i) + " " + t.get(i + 2));
            }
        }

        void title(String sectionId, List<String> headingTerms) {
            titles.put(sectionId, Set.copyOf(headingTerms));
        }

        /**
         * @param topics       the topics staff listed as not covered, and the questions they filed so
         * @param synonymsText the synonyms file
         */
        Vocabulary build(List<String> topics, String synonymsText) {
            Map<String, Integer> freq = new HashMap<>();
            Map<String, Set<String>> frozen = new HashMap<>();
            terms.forEach((id, set) -> {
                frozen.put(id, Set.copyOf(set));
                set.forEach(t -> freq.merge(t, 1, Integer::sum));
            });
            Map<String, Set<String>> frozenPairs = new HashMap<>();
            pairs.forEach((id, set) -> frozenPairs.put(id, Set.copyOf(set)));
            // words of the topics not covered that the corpus (its text and synonyms) does not use
            Set<String> known = new HashSet<>(freq.keySet());
            Map<List<String>, String> wording = new HashMap<>();
            Map<String, Set<String>> oos = new HashMap<>();
            try (Analyzer plain = Analyzers.plain()) {
                for (String line : SynonymsFile.words(synonymsText)) {
                    for (String entry : line.split(",")) {
                        List<String> entryTerms = Analyzers.terms(plain, entry);
                        known.addAll(entryTerms);
                        if (!entryTerms.isEmpty()) wording.putIfAbsent(entryTerms, entry.trim());
                    }
                }
                for (String topic : topics) {
                    Set<String> topicTerms = new HashSet<>();
                    for (String t : Analyzers.terms(plain, topic)) {
                        if (!known.contains(t) && !QuestionAnalyzer.STOP_WORDS.contains(t)) topicTerms.add(t);
                    }
                    oos.putIfAbsent(topic, Set.copyOf(topicTerms));
                }
            }
            return new Vocabulary(Map.copyOf(frozen), Map.copyOf(frozenPairs), Map.copyOf(titles), Map.copyOf(freq), Map.copyOf(oos),
                    Map.copyOf(wording));
        }
    }

    /** The analysed terms of all of a section's units. */
    public Set<String> termsOf(String sectionId) {
        return sectionTerms.getOrDefault(sectionId, Set.of());
    }

    /** True when the section contains these terms as a phrase (each next term within one word of the last). */
    public boolean containsPhrase(String sectionId, List<String> phrase) {
        Set<String> t = sectionTerms.getOrDefault(sectionId, Set.of());
        if (!t.containsAll(phrase)) return false;
        Set<String> p = sectionPairs.getOrDefault(sectionId, Set.of());
        for (int i = 0; i + 1 < phrase.size(); i++) {
            if (!p.contains(phrase.get(i) + " " + phrase.get(i + 1))) return false;
        }
        return true;
    }

    /** The analysed terms of a section's own heading (none for a document's lead). */
    public Set<String> titleTermsOf(String sectionId) {
        return titleTerms.getOrDefault(sectionId, Set.of());
    }

    /** In how many sections a term occurs (0 when the corpus does not use it). */
    public int sectionFrequency(String term) {
        return sectionFrequency.getOrDefault(term, 0);
    }

    /** The terms of one of the staff's topics not covered that the corpus does not use (elbow, diabetes, ...). */
    public Set<String> notCoveredTerms(String topic) {
        return notCoveredTerms.getOrDefault(topic, Set.of());
    }

    /** Whether the guide uses every word of an alternative (a word, or a phrase's words). */
    public boolean usedByGuide(QuestionAnalyzer.Alternative a) {
        return a.terms().stream().allMatch(t -> sectionFrequency(t) > 0);
    }

    /**
     * The question in the guide's own words: each phrase the guide never uses is replaced by the synonym the
     * guide uses most ("pins and needles in my toes" → "tingling in my foot"). The model knows little lay
     * vocabulary, so before a question is declined as being about a topic the guide does not cover, this
     * wording is compared too. The question itself when nothing needs replacing.
     */
    public String inGuideWords(QuestionAnalyzer.AnalyzedQuestion question) {
        String text = question.corrected();
        for (QuestionAnalyzer.Concept c : question.content()) {
            if (c.alternatives().stream().filter(a -> !a.synonym()).anyMatch(this::usedByGuide)) continue;
            String best = null;
            int bestFrequency = 0;
            for (QuestionAnalyzer.Alternative a : c.alternatives()) {
                String wording = synonymWording.get(a.terms());
                if (!a.synonym() || wording == null || !usedByGuide(a)) continue;
                int frequency = a.terms().stream().mapToInt(this::sectionFrequency).min().orElse(0);
                if (frequency > bestFrequency) {
                    best = wording;
                    bestFrequency = frequency;
                }
            }
            if (best != null) {
                text = text.replaceFirst("(?<![a-z])" + Pattern.quote(c.surface()) + "(?![a-z])", Matcher.quoteReplacement(best));
            }
        }
        return text;
    }
}
