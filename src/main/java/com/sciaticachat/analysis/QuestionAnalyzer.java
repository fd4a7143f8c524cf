package com.sciaticachat.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;

/**
 * Turns a visitor's question into {@link Concept}s: one per word or phrase that carries meaning, each
 * with the index terms that would satisfy it (the word's stem, and the stems of its synonyms).
 *
 * <p>Steps: fold the text; fix typos against the corpus vocabulary; run the query analyzer (stemming and
 * the synonym graph); cut the graph at its articulation points, as Lucene's {@code QueryBuilder} does,
 * so a multi-word synonym ("pins and needles" / "tingling") is one concept with several alternatives;
 * mark concepts that are only stop words. Nothing here parses query syntax: text is only ever tokens.
 */
public final class QuestionAnalyzer {

    /** One way to satisfy a concept: a sequence of index terms (one term, or a phrase). */
    public record Alternative(List<String> terms, boolean synonym) {}

    /**
     * A word or phrase of the question, and the terms that would match it.
     *
     * @param context true when it stands before the question's interrogative clause ("I drive a truck all day,
     *                <em>what causes</em> ..."): context tells something, the clause says what is asked
     */
    public record Concept(String surface, List<Alternative> alternatives, boolean stopword, boolean context) {}

    /** The question as the search sees it. */
    public record AnalyzedQuestion(String folded, String corrected, List<SpellingCorrector.Correction> corrections,
                                   List<Concept> concepts) {
        /** The concepts that carry meaning. */
        public List<Concept> content() {
            return concepts.stream().filter(c -> !c.stopword()).toList();
        }
    }

    /** Words that say nothing about which section a question is about. */
    public static final Set<String> STOP_WORDS = Set.copyOf(java.util.Arrays.asList((
            "a about above after again against all also am an and any anyone anything are aren't as ask asking at be "
            + "because been before being best better between both but by can can't cannot cant could couldn't did didn't "
            + "do does doesn't doing don't dont down during each else even ever every few for from further get gets "
            + "getting go going good got had hadn't has hasn't have haven't having he he's hello help helps helpful her "
            + "here hers herself hey hi him himself his how how's however i i'd i'll i'm i've id if im in into is isn't "
            + "it it's its itself ive just kind know let let's like lot lots make many may me might mine more most much "
            + "must my myself need needs no nor not now of off ok okay on once one only or other our ours ourselves out "
            + "over own please pls plz quite rather really right said same say see she should shouldn't so some someone "
            + "something sometimes sort still such sure tell than thank thanks that that's the their theirs them "
            + "themselves then there there's these they they're thing things think this those through thx to too try "
            + "u under until up ur us use used using very want wanted wants was wasn't way ways we were weren't what "
            + "what's whats when where which while who whom why will with won't wonder wondering would wouldn't yeah "
            + "yes yet you you're your yours yourself "
            // chat-speak and misspelt question words
            + "wat wot wht whats hw hows r y ty pls plz thx "
            // words that ask for something without saying what it is about
            + "option options tip tips advice info information idea ideas question questions suggestion suggestions "
            + "recommend recommendation recommendations stuff list example examples matter matters "
            + "day days week weeks month months year years time times today tonight yesterday lately recently").split(" ")));

    private static final Pattern WORD = Pattern.compile("[a-z][a-z']*");
    /** Where an interrogative clause starts: after a sentence end or a comma, at a question word. */
    private static final Pattern CLAUSE = Pattern.compile("(?:^|[.!?;,:]\\s+|\\s(?:and|but|so)\\s+)"
            + "(?=(?:what|how|why|when|where|which|who|can|could|should|would|will|is|are|do|does|did|may|might|any)\\b)");

    private final Analyzer queryAnalyzer;
    private final SpellingCorrector corrector;

    public QuestionAnalyzer(Analyzer queryAnalyzer, SpellingCorrector corrector) {
        this.queryAnalyzer = queryAnalyzer;
        this.corrector = corrector;
    }

    public SpellingCorrector corrector() {
        return corrector;
    }

    public AnalyzedQuestion analyze(String question) {
        String folded = Words.expandContractions(Words.fold(question));
        List<SpellingCorrector.Correction> corrections = new ArrayList<>();
        StringBuilder corrected = new StringBuilder();
        Matcher m = WORD.matcher(folded);
        int last = 0;
        while (m.find()) {
            String word = m.group();
            String fix = STOP_WORDS.contains(word) ? null : corrector.correct(word);
            corrected.append(folded, last, m.start()).append(fix == null ? word : fix);
            if (fix != null) corrections.add(new SpellingCorrector.Correction(word, fix));
            last = m.end();
        }
        corrected.append(folded.substring(last));
        String text = joinCompounds(corrected.toString(), corrections);
        return new AnalyzedQuestion(folded, text, List.copyOf(corrections), concepts(text, focusStart(text)));
    }

    /** "neuro muscular" → "neuromuscular" when the joined word is the corpus's and the parts are not both. */
    private String joinCompounds(String text, List<SpellingCorrector.Correction> corrections) {
        String[] words = text.split(" ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i + 1 < words.length && words[i].matches("[a-z]{2,}") && words[i + 1].matches("[a-z]{2,}")) {
                String joined = words[i] + words[i + 1];
                if (corrector.isDomainWord(joined) && !(corrector.isDomainWord(words[i]) && corrector.isDomainWord(words[i + 1]))) {
                    corrections.add(new SpellingCorrector.Correction(words[i] + " " + words[i + 1], joined));
                    out.append(out.isEmpty() ? "" : " ").append(joined);
                    i++;
                    continue;
                }
            }
            out.append(out.isEmpty() ? "" : " ").append(words[i]);
        }
        return out.toString();
    }

    /** Offset of the last interrogative clause when something comes before it, else 0 (all is the question). */
    static int focusStart(String text) {
        Matcher m = CLAUSE.matcher(text);
        int start = 0;
        while (m.find()) start = m.end();
        return start;
    }

    private List<Concept> concepts(String text, int focus) {
        // only punctuation ("*", "&& || !"): no tokens, and an empty token graph has nothing to cut
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) return List.of();
        Map<String, Concept> byKey = new LinkedHashMap<>();
        try (TokenStream ts = queryAnalyzer.tokenStream("", text)) {
            GraphTokenStreamFiniteStrings graph = new GraphTokenStreamFiniteStrings(ts);
            int[] points = graph.articulationPoints();
            int start = 0;
            for (int i = 0; i <= points.length; i++) {
                int end = i < points.length ? points[i] : -1;
                Concept c = graph.hasSidePath(start) ? sidePaths(graph, start, end, text, focus) : stacked(graph.getTerms(start), text, focus);
                if (c != null) byKey.putIfAbsent(key(c), c);
                start = end;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("analysing in-memory text cannot fail", e);
        }
        return List.copyOf(byKey.values());
    }

    /** Tokens at one position: the word, plus any one-word synonyms stacked on it. */
    private Concept stacked(List<AttributeSource> tokens, String text, int focus) {
        if (tokens.isEmpty()) return null;
        List<Alternative> alternatives = new ArrayList<>();
        String surface = null;
        int start = 0;
        for (AttributeSource t : tokens) {
            boolean synonym = SynonymGraphFilter.TYPE_SYNONYM.equals(t.getAttribute(TypeAttribute.class).type());
            alternatives.add(new Alternative(List.of(t.getAttribute(CharTermAttribute.class).toString()), synonym));
            if (!synonym || surface == null) {
                surface = surface(t, text);
                start = t.getAttribute(OffsetAttribute.class).startOffset();
            }
        }
        // a number ("I am 75", "for 3 weeks") says how much or how long, never which section: the guide has
        // none, and as a word it does not know it would count against every answer
        boolean stop = alternatives.stream().noneMatch(Alternative::synonym)
                && (surface.length() < 2 || STOP_WORDS.contains(surface) || surface.chars().allMatch(Character::isDigit));
        return new Concept(surface, dedupe(alternatives), stop, start < focus);
    }

    /** Several paths of different lengths: a phrase and its synonyms. */
    private Concept sidePaths(GraphTokenStreamFiniteStrings graph, int start, int end, String text, int focus) {
        List<Alternative> alternatives = new ArrayList<>();
        int from = Integer.MAX_VALUE, to = -1;
        for (Iterator<TokenStream> it = graph.getFiniteStrings(start, end); it.hasNext(); ) {
            try (TokenStream path = it.next()) {
                CharTermAttribute term = path.addAttribute(CharTermAttribute.class);
                TypeAttribute type = path.addAttribute(TypeAttribute.class);
                OffsetAttribute offset = path.addAttribute(OffsetAttribute.class);
                List<String> terms = new ArrayList<>();
                boolean synonym = false;
                path.reset();
                while (path.incrementToken()) {
                    terms.add(term.toString());
                    synonym |= SynonymGraphFilter.TYPE_SYNONYM.equals(type.type());
                    from = Math.min(from, offset.startOffset());
                    to = Math.max(to, offset.endOffset());
                }
                path.end();
                if (!terms.isEmpty()) alternatives.add(new Alternative(List.copyOf(terms), synonym));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (alternatives.isEmpty()) return null;
        // the tokens' offsets include punctuation next to a word ("leg," in "my leg, what can I do"): the
        // surface is the words only, as for a single word, or "leg," would weigh as an unknown word
        String surface = to > from && to <= text.length() ? text.substring(from, to).replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "")
                : String.join(" ", alternatives.get(0).terms());
        return new Concept(surface, dedupe(alternatives), false, from < focus);
    }

    private static String surface(AttributeSource t, String text) {
        OffsetAttribute o = t.getAttribute(OffsetAttribute.class);
        String s = o.endOffset() <= text.length() && o.startOffset() < o.endOffset()
                ? text.substring(o.startOffset(), o.endOffset())
                : t.getAttribute(CharTermAttribute.class).toString();
        return s.replaceAll("[^a-z0-9']", "").replaceAll("'s$", "");
    }

    private static List<Alternative> dedupe(List<Alternative> alternatives) {
        Map<List<String>, Alternative> out = new LinkedHashMap<>();
        for (Alternative a : alternatives) {
            out.merge(a.terms(), a, (x, y) -> x.synonym() ? y : x);
        }
        return List.copyOf(out.values());
    }

    private static String key(Concept c) {
        return c.alternatives().stream().map(a -> String.join(" ", a.terms())).sorted().toList().toString();
    }
}
