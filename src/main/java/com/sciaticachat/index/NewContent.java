package com.sciaticachat.index;

import com.sciaticachat.analysis.Analyzers;
import com.sciaticachat.analysis.OutOfScopeFile;
import com.sciaticachat.analysis.QuestionAnalyzer;
import com.sciaticachat.analysis.Words;
import com.sciaticachat.corpus.Corpus;
import com.sciaticachat.corpus.CorpusError;
import com.sciaticachat.corpus.Document;
import com.sciaticachat.corpus.Section;
import com.sciaticachat.corpus.VisitorQuestionsFile;
import com.sciaticachat.embed.Embedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;

/**
 * What the clinic's own content answers although a settings file says the guide does not: a topic of
 * {@code out-of-scope.txt} or a question filed under {@code [not covered]}. The clinic's content wins:
 * such a line is left out of the index, and staff are told which section answers it, to delete or move it.
 *
 * <p>A section answers a line when the line is one of its alternate questions or a question the clinic filed under it
 * (for a shipped training question, one worded nearly alike: {@link #SAME_QUESTION}), or when the line's
 * meaning is clearly that section's: its embedding is close to the section's ({@link #CLOSE}), much closer
 * than to any other section ({@link #APART}) or, for a section nobody has filed questions for yet, than to
 * any section of another document ({@link #APART_DOCUMENT}), or, for a line that names more than the section
 * answers ("opening hours and location" and a section on hours), less close but further apart from every other
 * section ({@link #CLOSE_PART}, {@link #APART_PART}); and the section uses at least half of the line's words, or
 * one of them when the meaning is the section's beyond doubt.
 * A training question shipped with the chat speaks only for the guide it was written for: it is set aside
 * (quietly) as soon as a document it was not written for is clearly nearer in meaning, whatever its words,
 * and whatever the clinic has filed under that document since.
 * On the clinic's own guide, whose settings files were written against it, this finds nothing; a new
 * document on prices and opening hours takes over the lines about prices and hours.
 */
public final class NewContent {
    /** How close (cosine) a line's meaning must be to a section's. */
    static final double CLOSE = 0.60;
    /** How close a training question shipped with the chat must be to a new document's section. */
    static final double CLOSE_SHIPPED = 0.55;
    /** How much closer to that section than to the next one. */
    static final double APART = 0.12;
    /** Or how much closer to that section than to any section of another document. */
    static final double APART_DOCUMENT = 0.08;
    /** How close (cosine) a shipped question must be to a question the clinic filed under a section to be the same question. */
    static final double SAME_QUESTION = 0.85;
    /** A line naming two topics ("opening hours and location") is less close to the section answering one of them. */
    static final double CLOSE_PART = 0.45;
    /** So it must stand further apart from every other section. */
    static final double APART_PART = 0.20;

    /** A line of a settings file that a section answers now. */
    public record Conflict(String file, int line, String text, String sectionId, String sectionTitle, String documentFile) {
        /** Whether staff are told: a line of the clinic's files, not of the training questions shipped with the chat. */
        public boolean forStaff() {
            return !file.equals(VisitorQuestionsFile.TRAINING);
        }

        public CorpusError warning(String folder) {
            boolean topic = file.equals(OutOfScopeFile.FILE_NAME);
            return CorpusError.warning(folder + "/" + file, line, "'" + text + "' is answered by the section '" + sectionTitle
                    + "' (" + documentFile + "), so the section answers it and this line is set aside; "
                    + (topic ? "delete this line" : "file it under [" + sectionTitle + "] instead, or delete it"),
                    new CorpusError.Fix(topic ? "drop-topic" : "move-filing", text, sectionId, sectionTitle));
        }
    }

    private NewContent() {}

    /** What staff are told: a warning for each conflict in the clinic's files (the shipped training questions give way quietly). */
    public static List<CorpusError> warnings(List<Conflict> conflicts, String folder) {
        return conflicts.stream().filter(Conflict::forStaff).map(c -> c.warning(folder)).toList();
    }

    /** The texts a section is compared by: its headings and text, and its headings alone (as the index embeds them). */
    static List<String> comparedTexts(Document doc, Section section) {
        String headings = String.join(" - ", IndexBuilder.headings(doc, section));
        String text = doc.answerText(section);
        return headings.isEmpty() ? List.of(text) : List.of(headings + ". " + text, headings);
    }

    /** Every topic not covered and not-covered filing that a section answers, in file order. */
    public static List<Conflict> find(Corpus corpus, Function<String, float[]> vectors) {
        List<Candidate> sections = new ArrayList<>();
        Map<String, Candidate> byAlternate = new HashMap<>();
        try (Analyzer analyzer = Analyzers.plain()) {
            for (Document d : corpus.documents()) {
                for (Section s : d.sections()) {
                    Set<String> words = terms(analyzer, String.join(" ", s.path()) + " " + d.answerText(s));
                    s.questions().forEach(q -> words.addAll(terms(analyzer, q)));
                    Candidate c = new Candidate(d, s, comparedTexts(d, s).stream().map(vectors).toList(), words);
                    sections.add(c);
                    s.questions().forEach(q -> byAlternate.putIfAbsent(Words.asked(q), c));
                }
            }
            // sections nobody has filed a question for yet: new content, which the settings files were not written against
            // (a few questions filed under one section of a new document leave its other sections as new as they were)
            Map<String, Integer> asked = VisitorQuestionsFile.questionsPerSection(corpus);
            Predicate<Candidate> unfiled = c -> asked.getOrDefault(c.section().id(), 0) == 0;
            // documents the shipped training questions were not written for: new to them, whatever the clinic has filed since
            Map<String, String> names = VisitorQuestionsFile.sectionNames(corpus);
            Set<String> trained = new HashSet<>();
            for (VisitorQuestionsFile.Filing f : VisitorQuestionsFile.filings(corpus)) {
                if (!f.file().equals(VisitorQuestionsFile.TRAINING) || VisitorQuestionsFile.isNotCovered(f.entry().heading())) continue;
                String id = VisitorQuestionsFile.sectionOf(names, f.entry().heading());
                if (id != null) trained.add(id);
            }
            Set<Document> untrained = new HashSet<>();
            for (Document d : corpus.documents()) {
                if (d.sections().stream().noneMatch(s -> trained.contains(s.id()))) untrained.add(d);
            }
            Predicate<Candidate> newToTraining = c -> untrained.contains(c.doc());
            List<Conflict> out = new ArrayList<>();
            List<OutOfScopeFile.Topic> topics = OutOfScopeFile.lines(corpus.settingsFile(OutOfScopeFile.FILE_NAME));
            Map<OutOfScopeFile.Topic, Candidate> takenOver = new HashMap<>();
            Map<OutOfScopeFile.Topic, float[]> topicVectors = new java.util.LinkedHashMap<>();
            for (OutOfScopeFile.Topic t : topics) {
                float[] v = vectors.apply(t.text());
                topicVectors.put(t, v);
                Candidate c = written(answering(analyzer, t.text(), v, sections, unfiled, false), trained);
                if (c != null) {
                    out.add(c.conflict(OutOfScopeFile.FILE_NAME, t.line(), t.text()));
                    takenOver.put(t, c);
                }
            }
            // the questions the clinic filed under a section say what it answers: the same question filed as not covered gives
            // way to them, and a shipped one worded nearly alike too ("how much for one hour" and the clinic's "how much for an hour")
            Map<String, Candidate> bySection = new HashMap<>();
            sections.forEach(c -> bySection.putIfAbsent(c.section().id(), c));
            Map<String, Candidate> byFiling = new HashMap<>();
            List<Map.Entry<float[], Candidate>> filingVectors = new ArrayList<>();
            for (VisitorQuestionsFile.Filing f : VisitorQuestionsFile.filings(corpus)) {
                if (!f.file().equals(VisitorQuestionsFile.FILE_NAME) || VisitorQuestionsFile.isNotCovered(f.entry().heading())) continue;
                String id = VisitorQuestionsFile.sectionOf(names, f.entry().heading());
                Candidate c = id == null ? null : bySection.get(id);
                if (c == null || Words.asked(f.entry().question()).isEmpty()) continue;
                byFiling.putIfAbsent(Words.asked(f.entry().question()), c);
                filingVectors.add(Map.entry(vectors.apply(f.entry().question()), c));
            }
            for (VisitorQuestionsFile.Filing f : VisitorQuestionsFile.filings(corpus)) {
                VisitorQuestionsFile.Entry e = f.entry();
                if (!VisitorQuestionsFile.isNotCovered(e.heading())) continue;
                Candidate c = byAlternate.get(Words.asked(e.question()));
                if (c == null) c = byFiling.get(Words.asked(e.question()));
                // the training questions shipped with the chat speak only for the guide they were written for: a
                // document they were not written for that is clearly nearer in meaning takes the question over
                boolean shipped = f.file().equals(VisitorQuestionsFile.TRAINING);
                float[] v = c == null ? vectors.apply(e.question()) : null;
                if (c == null && shipped) c = nearestFiling(v, filingVectors);
                if (c == null) {
                    c = answering(analyzer, e.question(), v, sections, shipped ? newToTraining : unfiled, shipped);
                    if (!shipped) c = written(c, trained);
                }
                // and a shipped question is an example of a topic: where the clinic's content took its nearest topic over
                // ("how much is a massage" and "prices and costs of massage"), the question gives way with it
                if (c == null && shipped && !takenOver.isEmpty()) c = withItsTopic(v, topicVectors, takenOver);
                if (c != null) out.add(c.conflict(f.file(), e.line(), e.question()));
            }
            return out;
        }
    }

    private record Candidate(Document doc, Section section, List<float[]> vectors, Set<String> words) {
        double closeness(float[] v) {
            double best = -1;
            for (float[] mine : vectors) best = Math.max(best, Embedder.cosine(v, mine));
            return best;
        }

        Conflict conflict(String file, int line, String text) {
            return new Conflict(file, line, text, section.id(), section.title(), doc.file());
        }
    }

    /**
     * A section the shipped training questions were written for is content the clinic's settings lines were written against
     * ("what are the symptoms of diabetes" filed as not covered beside the guide's Symptoms): nearness alone does not make it
     * take a line over (its alternates and the clinic's filings under it still do); new content does.
     */
    private static Candidate written(Candidate c, Set<String> trained) {
        return c == null || trained.contains(c.section().id()) ? null : c;
    }

    /** The section of the clinic's filing worded nearly as a shipped question ({@link #SAME_QUESTION}), or null. */
    private static Candidate nearestFiling(float[] question, List<Map.Entry<float[], Candidate>> filings) {
        Candidate best = null;
        double first = SAME_QUESTION;
        for (Map.Entry<float[], Candidate> f : filings) {
            double x = Embedder.cosine(question, f.getKey());
            if (x >= first) {
                first = x;
                best = f.getValue();
            }
        }
        return best;
    }

    /** The section that took over the topic nearest in meaning to a shipped question, when the question is close to it too; else null. */
    private static Candidate withItsTopic(float[] question, Map<OutOfScopeFile.Topic, float[]> topics,
                                          Map<OutOfScopeFile.Topic, Candidate> takenOver) {
        OutOfScopeFile.Topic nearest = null;
        double best = -1;
        for (Map.Entry<OutOfScopeFile.Topic, float[]> t : topics.entrySet()) {
            double x = Embedder.cosine(question, t.getValue());
            if (x > best) {
                best = x;
                nearest = t.getKey();
            }
        }
        Candidate c = nearest == null ? null : takenOver.get(nearest);
        return c != null && c.closeness(question) >= CLOSE_PART ? c : null;
    }

    /** The section that clearly answers a line ({@code v}: its vector), or null. */
    private static Candidate answering(Analyzer analyzer, String text, float[] v, List<Candidate> sections,
                                       Predicate<Candidate> unfiled, boolean shipped) {
        Candidate best = null;
        double first = -1;
        double second = -1;
        double[] closeness = new double[sections.size()];
        for (int i = 0; i < sections.size(); i++) {
            Candidate c = sections.get(i);
            double x = closeness[i] = c.closeness(v);
            if (x > first) {
                second = first;
                first = x;
                best = c;
            } else if (x > second) {
                second = x;
            }
        }
        if (best == null || first < (shipped ? CLOSE_SHIPPED : CLOSE_PART)) return null;
        // clearly one section's, or clearly one document's (its sections may be alike, but another document's are not)
        double otherDocument = -1;
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).doc() != best.doc()) otherDocument = Math.max(otherDocument, closeness[i]);
        }
        boolean newDocument = otherDocument >= 0 && unfiled.test(best) && first - otherDocument >= APART_DOCUMENT;
        if (shipped) return newDocument ? best : null;
        boolean clear = first >= CLOSE ? first - second >= APART || newDocument : first - second >= APART_PART;
        if (!clear) return null;
        Set<String> words = terms(analyzer, text);
        long used = words.stream().filter(best.words()::contains).count();
        // a meaning that is one section's beyond doubt needs only one of the line's words there: the section may say it
        // in words of its own ("gift cards and vouchers" and a section on gift certificates)
        boolean beyondDoubt = first >= CLOSE && first - second >= 2 * APART;
        return 2 * used >= words.size() || beyondDoubt && used > 0 ? best : null;
    }

    /** The stems of a text's words that say what it is about (stop words go before stemming: "are" is not "ar"). */
    private static Set<String> terms(Analyzer analyzer, String text) {
        StringBuilder kept = new StringBuilder();
        for (String w : Words.split(Words.expandContractions(Words.fold(text)))) {
            if (!QuestionAnalyzer.STOP_WORDS.contains(w)) kept.append(w).append(' ');
        }
        Set<String> out = new HashSet<>();
        for (String t : Analyzers.terms(analyzer, kept.toString())) {
            if (t.chars().anyMatch(Character::isLetter)) out.add(t);
        }
        return out;
    }
}
