package com.sciaticachat.search;

import com.sciaticachat.analysis.EnglishWords;
import com.sciaticachat.analysis.QuestionAnalyzer.AnalyzedQuestion;
import com.sciaticachat.analysis.QuestionAnalyzer.Alternative;
import com.sciaticachat.analysis.QuestionAnalyzer.Concept;
import com.sciaticachat.index.Fields;
import com.sciaticachat.index.UnitKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

/**
 * Finds the sections a question may be about, with two retrievers over the same units:
 * <ul>
 *   <li>lexical: BM25 over headings, text, alternate and visitors' questions, with a query built from the
 *       question's analyzed concepts (each concept a disjunction of its word and synonyms; never query syntax);</li>
 *   <li>dense: cosine to the units' MiniLM vectors (see {@link #dense}).</li>
 * </ul>
 * Unit hits are grouped into sections (a section scores as its best unit), and each section gets the
 * measures the {@link Scorer} combines: cosine, normalised BM25, concept coverage, and how much of the
 * question the section's own heading covers.
 */
public final class Retriever {

    /** Field weights for the lexical query: headings say most about what a unit is. */
    private static final float TITLE_BOOST = 2.0f;
    private static final float QUESTION_BOOST = 1.5f;
    private static final float SYNONYM_BOOST = 0.85f;
    /** Words before the question's interrogative clause count this much. */
    private static final double CONTEXT_WEIGHT = 0.5;

    /**
     * One section's evidence for a question. {@code questions}: how many questions staff wrote or filed for
     * it; {@code sectionCosine} and {@code sentenceCosine}: how near the question is to its whole text and to
     * its best sentence, measured alike for every section (see {@link OwnText}).
     */
    public record SectionHit(String sectionId, double cosine, int cosineDoc,
                             double bm25, int bm25Doc, double coverage, double titleCoverage, List<String> matched,
                             double vote, double learnt, int questions, double sectionCosine, double sentenceCosine) {}

    /**
     * Everything both retrievers found, grouped by section.
     *
     * @param weights     each meaningful concept's weight ({@link #weight}), in the order of the question's content
     * @param specificity how much distinctive content the question has, 0 to 1 (its known words' weight,
     *                    one rare word's worth at most): a question whose only word is "sciatica" has
     *                    little, and lexical scores then say little about which section is meant
     * @param notCoveredCosine the cosine of the nearest thing the guide does not cover: a topic listed in
     *                    {@code out-of-scope.txt} or a visitor's question filed under {@code [not covered]}
     * @param notCoveredTopicCosine the cosine of the nearest topic listed in {@code out-of-scope.txt} (-1 without any)
     * @param notCoveredWords the question's words that the guide never uses and that name one of the topics
     *                    the staff listed as not covered, among the few the question is nearest in meaning
     *                    ("migraines" in "is acupuncture good for migraines")
     * @param namesNotCovered how strongly those words name another topic, 0 to 1: the English rarity of the
     *                    rarest, squared like the words' weights (0 without such words; "hours", of "opening
     *                    hours", is an everyday word and says less than "migraines")
     * @param inGuideWords the sections' cosines to the question in the guide's own words, on demand
     */
    public record Retrieval(AnalyzedQuestion question, double[] weights, List<SectionHit> hits, double knownShare,
                            String lexicalTop, String denseTop, double maxBm25, double specificity,
                            double notCoveredCosine, String nearestNotCoveredTopic, double notCoveredTopicCosine,
                            List<String> notCoveredWords, double namesNotCovered, double notCoveredVote,
                            double notCoveredLearnt, InGuideWords inGuideWords) {

        /** The same retrieval without the sections {@code dropped} names: what else the guide offers. */
        public Retrieval without(java.util.function.Predicate<String> dropped) {
            List<SectionHit> kept = hits.stream().filter(h -> !dropped.test(h.sectionId())).toList();
            return new Retrieval(question, weights, kept, knownShare, lexicalTop == null || dropped.test(lexicalTop) ? null : lexicalTop,
                    denseTop == null || dropped.test(denseTop) ? null : denseTop, maxBm25,
                    specificity, notCoveredCosine, nearestNotCoveredTopic, notCoveredTopicCosine, notCoveredWords, namesNotCovered,
                    notCoveredVote, notCoveredLearnt, inGuideWords);
        }
    }

    /**
     * The question in the guide's own words ({@link Snapshot#inGuideWords}), compared with the sections only
     * when asked and at most once: lay words the model does not know ("pins and needles") must not make a
     * question look closer to a topic the guide does not cover ("finger and thumb pain") than to the guide,
     * and most questions never need the second embedding.
     */
    public static final class InGuideWords {
        private final Supplier<Map<String, UnitHit>> compare;
        private Map<String, UnitHit> cosines;

        InGuideWords(Supplier<Map<String, UnitHit>> compare) {
            this.compare = compare;
        }

        /** The section's cosine to the question in the guide's words; -1 when those are the question's own. */
        public double cosine(String sectionId) {
            if (cosines == null) cosines = compare.get();
            UnitHit hit = cosines.get(sectionId);
            return hit == null ? -1 : hit.score();
        }
    }

    private final EnglishWords english;

    public Retriever(EnglishWords english) {
        this.english = english;
    }

    /**
     * @param vector      the question's embedding
     * @param guideVector the embedding of the question in the guide's words ({@link Snapshot#inGuideWords}),
     *                    or null when that is the question itself; asked for only through {@link InGuideWords}
     */
    public Retrieval retrieve(Snapshot snapshot, AnalyzedQuestion question, float[] vector, Supplier<float[]> guideVector) {
        List<Concept> concepts = question.content();
        try {
            Neighbours neighbours = new Neighbours();
            OwnText own = new OwnText();
            Map<String, UnitHit> dense = dense(snapshot, vector, neighbours, own);
            Set<String> nearTerms = neighbours.terms(snapshot);
            double[] weights = new double[concepts.size()];
            double total = 0, knownWeight = 0;
            List<String> notCoveredWords = new ArrayList<>();
            double notCoveredRarity = 0;
            for (int i = 0; i < concepts.size(); i++) {
                weights[i] = weight(snapshot, concepts.get(i), nearTerms);
                total += weights[i];
                if (snapshot.catalog().size() > 0 && isKnown(snapshot, concepts.get(i))) knownWeight += weights[i];
                else if (namesNotCoveredTopic(nearTerms, concepts.get(i))) {
                    notCoveredWords.add(concepts.get(i).surface());
                    notCoveredRarity = Math.max(notCoveredRarity, english.rarity(concepts.get(i).surface()));
                }
            }
            Map<String, UnitHit> lexical = lexical(snapshot, concepts);
            Map<String, Double> learnt = snapshot.probe().scores(vector);
            double maxBm25 = lexical.values().stream().mapToDouble(UnitHit::score).max().orElse(0);
            List<SectionHit> hits = new ArrayList<>();
            String lexTop = best(lexical), denseTop = best(dense);
            for (String sectionId : snapshot.catalog().sections().keySet()) {
                UnitHit lx = lexical.getOrDefault(sectionId, UnitHit.NONE);
                UnitHit dn = dense.getOrDefault(sectionId, UnitHit.NONE);
                Set<String> title = snapshot.vocabulary().titleTermsOf(sectionId);
                Set<String> titleNamed = new java.util.HashSet<>();
                double covered = 0, titleCovered = 0;
                List<String> matched = new ArrayList<>();
                for (int i = 0; i < concepts.size(); i++) {
                    if (satisfied(snapshot, sectionId, concepts.get(i))) {
                        covered += weights[i];
                        matched.add(concepts.get(i).surface());
                    }
                    if (satisfied(concepts.get(i), title)) {
                        titleCovered += weights[i];
                        for (Alternative a : concepts.get(i).alternatives()) {
                            if (title.containsAll(a.terms())) titleNamed.addAll(a.terms());
                        }
                    }
                }
                // coverage is measured against what the corpus knows of the question; unknown words count
                // once, in the known share, not a second time here
                hits.add(new SectionHit(sectionId,
                        dn.score(), dn.doc(), lx.score(), lx.doc(),
                        knownWeight == 0 ? 0 : covered / knownWeight,
                        // how much of the question the heading covers, times how much of the heading the question names:
                        // "myofascial release" names all of "Myofascial Release" but not all of "Self-Myofascial Release"
                        Math.min(1.0, titleCovered / knownWordIdfCeiling(snapshot)) * (title.isEmpty() ? 0 : titleNamed.size() / (double) title.size()),
                        List.copyOf(matched), neighbours.votesFor(sectionId), learnt.getOrDefault(sectionId, 0.0),
                        snapshot.filed().count(sectionId), own.section.getOrDefault(sectionId, 0.0),
                        own.sentence.getOrDefault(sectionId, 0.0)));
            }
            InGuideWords inGuideWords = new InGuideWords(() -> {
                float[] v = guideVector.get();
                return v == null ? Map.of() : dense(snapshot, v, new Neighbours(), new OwnText());
            });
            return new Retrieval(question, weights, hits, total == 0 ? 0 : knownWeight / total, lexTop, denseTop, maxBm25,
                    Math.min(1.0, knownWeight / knownWordIdfCeiling(snapshot)), Math.max(0, neighbours.bestCosine()),
                    neighbours.best(), neighbours.bestListedCosine(), List.copyOf(notCoveredWords),
                    notCoveredRarity * notCoveredRarity, neighbours.votesFor(""), learnt.getOrDefault("", 0.0), inGuideWords);
        } catch (IOException e) {
            throw new UncheckedIOException("searching an open index failed", e);
        }
    }

    /** The weight of a word that occurs in one section only: the most a word the guide uses can weigh. */
    static double knownWordIdfCeiling(Snapshot snapshot) {
        int n = Math.max(1, snapshot.catalog().size());
        return Math.log(1 + (n + 1) / 1.5);
    }

    /**
     * How much a concept says about which section is meant: its inverse section frequency, times its English
     * rarity squared, when the corpus knows it; when it does not, a weight that grows with how rare the word
     * is in English ("day" little, "elbow" a lot), because an unknown specific word means the question is
     * about something else.
     */
    double weight(Snapshot snapshot, Concept c, Set<String> nearTopicTerms) {
        int n = Math.max(1, snapshot.catalog().size());
        // a word the guide never uses (section frequency 0) weighs more than any word it does use
        double unknownWordIdf = Math.log(1 + (n + 1) / 0.5);
        int df = 0;
        for (Alternative a : c.alternatives()) {
            int altDf = Integer.MAX_VALUE;
            for (String t : a.terms()) altDf = Math.min(altDf, snapshot.vocabulary().sectionFrequency(t));
            df = Math.max(df, altDf);
        }
        double context = c.context() ? CONTEXT_WEIGHT : 1.0;
        if (df > 0) {
            // a guide of a few dozen sections makes everyday words look rare ("located" in one section): scale
            // by how rare the word is in English too, so the guide's subject words decide, not its incidental ones
            double rarity = english.rarity(c.surface());
            return context * Math.log(1 + (n + 1) / (df + 0.5)) * rarity * rarity;
        }
        // a word of a topic the staff listed as not covered says clearly what the question is about
        double rarity = namesNotCoveredTopic(nearTopicTerms, c) ? 1.0 : english.rarity(c.surface());
        return context * unknownWordIdf * rarity * rarity;
    }

    /**
     * Whether an unknown concept is a word of one of the topics not covered the question is nearest in meaning:
     * "migraines" in "is acupuncture good for migraines" names "headaches and migraines", but "hour" in
     * "after driving for an hour my leg hurts" does not name "opening hours and location".
     */
    private static boolean namesNotCoveredTopic(Set<String> nearTopicTerms, Concept c) {
        return c.alternatives().stream().anyMatch(a -> a.terms().stream().anyMatch(nearTopicTerms::contains));
    }

    /**
     * What the dense retriever saw nearest the question, besides sections: the topics the guide does not
     * cover, and the questions (staff's alternates, visitors' filed questions) nearest it, which vote.
     */
    static final class Neighbours {
        /** How many of the nearest topics (and, apart, of the questions filed as not covered) a question's word may name. */
        static final int NEAREST = 5;
        /**
         * How many of the nearest questions vote. Each says which section answers it, or that nothing
         * does: ten neighbours outvote one near question filed under the wrong-looking section.
         */
        static final int VOTERS = 10;
        private final List<String> topics = new ArrayList<>();
        private final List<String> filed = new ArrayList<>();
        private String bestTopic;
        private double best = -1;
        private double bestListed = -1;
        private boolean listedSeen;
        private final Map<String, Double> votes = new HashMap<>();
        private int voters;

        /** Called in descending cosine order (as k-NN returns units) for each question unit. */
        void vote(String sectionId) {
            if (voters++ < VOTERS) votes.merge(sectionId, 1.0 / VOTERS, Double::sum);
        }

        /** The share of the nearest questions that a section answers; {@code ""}: filed as not covered. */
        double votesFor(String sectionId) {
            return votes.getOrDefault(sectionId, 0.0);
        }

        /**
         * Called in descending cosine order for each topic; {@code listed} when from out-of-scope.txt. The
         * nearest few of each kind are kept apart, so that hundreds of filed questions never crowd out the
         * topics staff listed.
         */
        void topic(String topic, double cosine, boolean listed) {
            if (bestTopic == null) {
                best = cosine;
                bestTopic = topic;
            }
            if (listed && !listedSeen) {
                bestListed = cosine;
                listedSeen = true;
            }
            List<String> near = listed ? topics : filed;
            if (near.size() < NEAREST) near.add(topic);
        }

        /** The cosine of the nearest topic staff listed in out-of-scope.txt (visitors' questions aside). */
        double bestListedCosine() {
            return bestListed;
        }

        double bestCosine() {
            return best;
        }

        String best() {
            return bestTopic;
        }

        Set<String> terms(Snapshot snapshot) {
            Set<String> out = new java.util.HashSet<>();
            for (String t : topics) out.addAll(snapshot.vocabulary().notCoveredTerms(t));
            for (String t : filed) out.addAll(snapshot.vocabulary().notCoveredTerms(t));
            return out;
        }
    }

    private static boolean isKnown(Snapshot snapshot, Concept c) {
        return c.alternatives().stream().anyMatch(snapshot.vocabulary()::usedByGuide);
    }

    public static boolean satisfied(Concept c, Set<String> terms) {
        for (Alternative a : c.alternatives()) {
            if (terms.containsAll(a.terms())) return true;
        }
        return false;
    }

    /** A concept is in a section when one of its alternatives is: a word, or a phrase with its words together. */
    static boolean satisfied(Snapshot snapshot, String sectionId, Concept c) {
        for (Alternative a : c.alternatives()) {
            if (a.terms().size() == 1 ? snapshot.vocabulary().termsOf(sectionId).contains(a.terms().get(0))
                    : snapshot.vocabulary().containsPhrase(sectionId, a.terms())) {
                return true;
            }
        }
        return false;
    }

    /** Section id → its best unit by BM25. */
    Map<String, UnitHit> lexical(Snapshot snapshot, List<Concept> concepts) throws IOException {
        if (concepts.isEmpty()) return new HashMap<>();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Concept c : concepts) {
            List<Query> alternatives = new ArrayList<>();
            for (Alternative a : c.alternatives()) {
                Query q = new DisjunctionMaxQuery(List.of(
                        new BoostQuery(termsQuery(Fields.TITLE, a.terms()), TITLE_BOOST),
                        termsQuery(Fields.BODY, a.terms()),
                        new BoostQuery(termsQuery(Fields.QUESTION, a.terms()), QUESTION_BOOST)), 0.3f);
                alternatives.add(a.synonym() ? new BoostQuery(q, SYNONYM_BOOST) : q);
            }
            query.add(new DisjunctionMaxQuery(alternatives, 0f), BooleanClause.Occur.SHOULD);
        }
        return snapshot.search(query.build(), new BestUnitPerSection(snapshot));
    }

    private static Query termsQuery(String field, List<String> terms) {
        if (terms.size() == 1) return new TermQuery(new Term(field, terms.get(0)));
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(2);
        for (String t : terms) phrase.add(new Term(field, t));
        return phrase.build();
    }

    /**
     * How near the question comes to what each section itself says, the same way for every section whether or
     * not questions were filed for it: its whole text ({@link UnitKind#SECTION}) and its best sentence
     * ({@link UnitKind#SENTENCE}).
     */
    static final class OwnText {
        final Map<String, Double> section = new HashMap<>();
        final Map<String, Double> sentence = new HashMap<>();
    }

    /** How many of the questions nearest in meaning are fetched: enough for the votes and the nearest topics. */
    static final int NEAREST_QUESTIONS = 32;

    /**
     * Section id → its best unit by cosine (sentences aside); the nearest topics and questions go to
     * {@code neighbours}, and the cosines to the sections' own text and sentences to {@code own}.
     *
     * <p>Two searches over the index's vectors. The guide's own units (sections, headings, items) and the
     * topics listed as not covered are few, and every section needs its best cosine, so they are all compared, exactly.
     * The questions (staff's alternates and the visitors' questions they filed) are most of the index and
     * only the nearest matter, for the votes and as a section's best unit: k-NN over the HNSW graph,
     * filtered to questions.
     */
    Map<String, UnitHit> dense(Snapshot snapshot, float[] vector, Neighbours neighbours, OwnText own) {
        Map<String, UnitHit> out = new HashMap<>();
        List<UnitHit> topics = new ArrayList<>();
        for (int doc : snapshot.guideDocs()) {
            Snapshot.Unit unit = snapshot.unit(doc);
            double cosine = VectorUtil.dotProduct(vector, snapshot.vector(doc)); // unit vectors
            if (unit.kind().notCovered()) {
                topics.add(new UnitHit(cosine, doc));
                continue;
            }
            if (unit.kind() == UnitKind.SENTENCE) {
                own.sentence.merge(unit.sectionId(), cosine, Math::max);
                continue;
            }
            if (unit.kind() == UnitKind.SECTION) own.section.put(unit.sectionId(), cosine);
            keepBest(out, unit.sectionId(), cosine, doc);
        }
        TopDocs near;
        try {
            near = snapshot.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, NEAREST_QUESTIONS, QUESTIONS), NEAREST_QUESTIONS);
        } catch (IOException e) {
            throw new UncheckedIOException("searching an open index failed", e);
        }
        for (ScoreDoc sd : near.scoreDocs) {
            Snapshot.Unit unit = snapshot.unit(sd.doc);
            double cosine = 2.0 * sd.score - 1.0; // Lucene scores DOT_PRODUCT as (1 + dot) / 2
            neighbours.vote(unit.sectionId()); // best first, ties by doc
            if (unit.kind().notCovered()) topics.add(new UnitHit(cosine, sd.doc));
            else keepBest(out, unit.sectionId(), cosine, sd.doc);
        }
        topics.sort(UnitHit.BEST_FIRST);
        for (UnitHit t : topics) {
            Snapshot.Unit unit = snapshot.unit(t.doc());
            neighbours.topic(unit.text(), t.score(), unit.kind() == UnitKind.OUT_OF_SCOPE);
        }
        return out;
    }

    /** The units that are questions: alternates, visitors' questions, and those filed as not covered. */
    private static final Query QUESTIONS = new TermInSetQuery(Fields.KIND, java.util.Arrays.stream(UnitKind.values())
            .filter(UnitKind::isQuestion).map(k -> new BytesRef(k.value())).toList());

    /** Keeps the higher cosine; of equal ones, the first seen. */
    private static void keepBest(Map<String, UnitHit> out, String sectionId, double cosine, int doc) {
        UnitHit best = out.get(sectionId);
        if (best == null || cosine > best.score()) out.put(sectionId, new UnitHit(cosine, doc));
    }

    private static String best(Map<String, UnitHit> scores) {
        return scores.entrySet().stream()
                .max((a, b) -> a.getValue().score() != b.getValue().score() ? Double.compare(a.getValue().score(), b.getValue().score())
                        : b.getKey().compareTo(a.getKey()))
                .map(Map.Entry::getKey).orElse(null);
    }
}
