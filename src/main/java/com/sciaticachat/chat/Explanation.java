package com.sciaticachat.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.sciaticachat.analysis.QuestionAnalyzer;
import com.sciaticachat.analysis.SpellingCorrector;
import com.sciaticachat.search.Scorer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why the chat replied as it did, for staff: how the question was read, the measures behind the confidence,
 * where staff filed this very question, and the best sections with their scores. One view, shown by
 * {@code ask --explain} as text ({@link #text}) and by the console's "Try a question" as JSON. The fields
 * after {@code reply} are null when the reply came before retrieval (a red flag's check question, small talk).
 *
 * @param words       the question's words that count, each with the terms that match it ("leg {leg|thigh}")
 * @param filedUnder  where staff filed this very question ({@code ""}: as not covered), which then decides; or null
 * @param notCoveredGap how much closer the best section is than the nearest topic the guide does not cover
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Explanation(Reply reply, String readAs, List<SpellingCorrector.Correction> corrections, List<String> words,
                          List<String> wordReadings, Double confidence, Double margin, Boolean retrieversAgree, Double knownShare,
                          String filedUnder, String nearestNotCoveredTopic, Double notCoveredGap, Boolean aboutNotCoveredTopic,
                          List<String> notCoveredWords, List<ChatService.Candidate> candidates) {

    public static Explanation of(ChatService.Trace t) {
        QuestionAnalyzer.AnalyzedQuestion q = t.question();
        Scorer.Scored s = t.scored();
        return new Explanation(t.reply(), q == null ? null : q.corrected(), q == null ? null : q.corrections(),
                q == null ? null : q.content().stream().map(QuestionAnalyzer.Concept::surface).toList(),
                q == null ? null : q.content().stream().map(Explanation::reading).toList(),
                s == null ? null : round(s.confidence()), s == null ? null : round(s.margin()), s == null ? null : s.agree(),
                s == null ? null : round(s.known()), s == null ? null : s.filedUnder(), s == null ? null : s.nearestNotCoveredTopic(),
                s == null ? null : round(s.notCoveredGap()), s == null ? null : s.aboutNotCoveredTopic(),
                s == null ? null : s.notCoveredWords(), t.candidates());
    }

    private static String reading(QuestionAnalyzer.Concept c) {
        return c.surface() + (c.alternatives().size() > 1
                ? " {" + c.alternatives().stream().map(a -> String.join(" ", a.terms())).collect(Collectors.joining("|")) + "}" : "");
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The same, as lines of text. */
    public String text() {
        StringBuilder out = new StringBuilder();
        if (readAs == null) return "Answered before retrieval (a red-flag check or small talk).\n";
        out.append("Read as: ").append(readAs).append(corrections.isEmpty() ? "" : "   (spelling: " + corrections.stream()
                .map(c -> c.written() + " -> " + c.readAs()).collect(Collectors.joining(", ")) + ")").append('\n');
        out.append("Words that count: ").append(String.join(", ", wordReadings)).append('\n');
        if (confidence != null) {
            out.append(String.format(Locale.ROOT, "Confidence %.3f (margin %.3f, retrievers agree: %s, share of the question the corpus knows: %.2f)%n",
                    confidence, margin, retrieversAgree, knownShare));
            if (filedUnder != null) {
                out.append(filedUnder.isEmpty() ? "This very question is filed as not covered (in visitor-questions.txt, or among the questions the chat comes with): declined"
                        : "This very question is filed (in visitor-questions.txt or as an alternate) under " + filedUnder
                        + ": answered from there").append('\n');
            }
            if (nearestNotCoveredTopic != null) {
                out.append(String.format(Locale.ROOT, "Nearest topic the guide does not cover: \"%s\" (the best section is %.3f closer%s)%n",
                        nearestNotCoveredTopic, notCoveredGap, aboutNotCoveredTopic ? ": no answer, the question is about that topic"
                                : notCoveredGap < 0 ? "; not about that topic: another section, or the question in the guide's own words, is closer" : ""));
            }
            if (!notCoveredWords.isEmpty()) out.append("Words of topics the guide does not cover: ").append(String.join(", ", notCoveredWords)).append('\n');
        }
        for (ChatService.Candidate c : candidates) {
            String closest = c.closestUnitText() == null ? "" : c.closestUnitText().length() > 90 ? c.closestUnitText().substring(0, 90) + "…" : c.closestUnitText();
            out.append(String.format(Locale.ROOT, "  %.3f  %-45s cos %.3f  coverage %.2f  bm25 %.2f  learnt %.2f  words %s%n           closest %s: %s%n",
                    c.score(), c.sectionId(), c.cosine(), c.coverage(), c.bm25(), c.learnt(), c.matchedWords(), c.closestUnitKind(), closest));
        }
        return out.toString();
    }
}
