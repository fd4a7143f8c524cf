package com.sciaticachat.search;

import com.sciaticachat.analysis.Analyzers;
import com.sciaticachat.analysis.Durations;
import com.sciaticachat.analysis.QuestionAnalyzer.Concept;
import com.sciaticachat.corpus.Block;
import com.sciaticachat.index.SectionRecord;
import com.sciaticachat.index.UnitKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * Picks the sentences of an answer that best match the question, for the widget to emphasise: the list
 * item that matched (when the question was about one item of a list), then sentences that contain at
 * least half of the question's weight; none when the question asks about the whole section, all of its
 * words in the heading or the document's title. Highlights are exact substrings of the answer's blocks.
 */
public final class Highlighter {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z\"'(])");
    private static final int MAX = 3;

    private final Analyzer analyzer = Analyzers.plain();

    /** Whether every concept of the question is in the section's heading or its document's title. */
    private boolean aboutTheWholeSection(SectionRecord section, List<Concept> concepts) {
        if (concepts.isEmpty()) return false;
        Set<String> titles = new HashSet<>(Analyzers.terms(analyzer, section.title() + " " + section.documentTitle()));
        return concepts.stream().allMatch(c -> Retriever.satisfied(c, titles));
    }

    /** Highlights for the section of {@code hit}, weighing the question's concepts as the retrieval did. */
    public List<String> highlights(Snapshot snapshot, SectionRecord section, Retriever.Retrieval retrieval, Retriever.SectionHit hit) {
        // a question about the whole topic ("what causes sciatica?" of Causes, in the guide on sciatic pain): no one
        // sentence answers it, whatever its words happen to share with one ("can lead to nerve compression")
        if (aboutTheWholeSection(section, retrieval.question().content())) return List.of();
        Set<String> out = new LinkedHashSet<>();
        // a length of time asked about ("an hour massage") picks the item or sentence that names it, and passes over those
        // naming another: items that differ only in length are all equally near the question
        Set<Integer> asked = Durations.minutes(retrieval.question().folded());
        if (!asked.isEmpty()) {
            for (Block b : section.blocks()) {
                if (b.kind() == Block.Kind.HEADING) continue;
                for (String sentence : sentences(b)) if (out.size() < MAX && sameLength(asked, sentence) == Boolean.TRUE) out.add(sentence);
            }
        }
        for (int doc : new int[] {hit.cosineDoc(), hit.bm25Doc()}) {
            if (doc < 0) continue;
            Snapshot.Unit unit = snapshot.unit(doc);
            if (unit != null && unit.kind() == UnitKind.ITEM && unit.sectionId().equals(section.id()) && sameLength(asked, unit.text()) != Boolean.FALSE) {
                out.add(unit.text());
            }
        }
        List<Concept> concepts = retrieval.question().content();
        double[] weights = retrieval.weights();
        double total = 0;
        for (double w : weights) total += w;
        if (total > 0) {
            record Scored(String sentence, double share) {}
            List<Scored> scored = new ArrayList<>();
            for (Block b : section.blocks()) {
                if (b.kind() == Block.Kind.HEADING) continue;
                for (String sentence : sentences(b)) {
                    Set<String> terms = new HashSet<>(Analyzers.terms(analyzer, sentence));
                    double covered = 0;
                    for (int i = 0; i < concepts.size(); i++) {
                        if (Retriever.satisfied(concepts.get(i), terms)) covered += weights[i];
                    }
                    if (covered / total >= 0.5 && sameLength(asked, sentence) != Boolean.FALSE) scored.add(new Scored(sentence, covered / total));
                }
            }
            scored.sort((a, b) -> Double.compare(b.share(), a.share()));
            for (Scored s : scored) {
                if (out.size() >= MAX) break;
                if (out.stream().noneMatch(h -> h.contains(s.sentence()))) out.add(s.sentence());
            }
        }
        return List.copyOf(out);
    }

    /** Whether a sentence names a length the question asks about (null: the question or the sentence names none). */
    private static Boolean sameLength(Set<Integer> asked, String sentence) {
        if (asked.isEmpty()) return null;
        Set<Integer> named = Durations.minutes(sentence);
        if (named.isEmpty()) return null;
        return named.stream().anyMatch(asked::contains);
    }

    /** An item is one highlight ("Label: text"); a paragraph is split into sentences. */
    static List<String> sentences(Block b) {
        if (b.kind() == Block.Kind.ITEM) return List.of(b.plainText());
        List<String> out = new ArrayList<>();
        String[] parts = SENTENCE_END.split(b.plainText());
        for (String p : parts) if (!p.isBlank()) out.add(p.trim());
        return out;
    }
}
