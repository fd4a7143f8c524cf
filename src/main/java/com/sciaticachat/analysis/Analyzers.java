package com.sciaticachat.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The text analysis shared by indexing and searching, so that a word in a question and the same word in
 * the corpus become the same term.
 *
 * <ul>
 *   <li>Curly quotes become straight ones; words split on whitespace, then on hyphens and punctuation
 *       ("self-massage" → self, massage); at index time the parts are also joined ("selfmassage",
 *       "xray"), so a hyphenated word matches whether a visitor writes it as one word or two.</li>
 *   <li>Possessives dropped, lower case, accents folded to ASCII.</li>
 *   <li>Porter stemming joins inflections and most verb/noun pairs (compress/compression,
 *       irritate/irritation, relax/relaxation); irregular forms it cannot see (feet, lying, sat) are
 *       mapped first. Stop words are kept in the index: they are dropped when the question is turned into
 *       a query, where we know which words carry meaning.</li>
 *   <li>At query time only: the staff's synonyms, as a Lucene synonym graph over stemmed terms.</li>
 * </ul>
 */
public final class Analyzers {
    private Analyzers() {}

    /** Inflections Porter's suffix rules cannot reach. */
    static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("feet", "foot"), Map.entry("teeth", "tooth"), Map.entry("lying", "lie"), Map.entry("lay", "lie"),
            Map.entry("sat", "sit"), Map.entry("slept", "sleep"), Map.entry("ran", "run"), Map.entry("women", "woman"),
            Map.entry("men", "man"), Map.entry("children", "child"), Map.entry("knelt", "kneel"), Map.entry("bent", "bend"),
            Map.entry("stood", "stand"), Map.entry("fell", "fall"), Map.entry("fallen", "fall"), Map.entry("worn", "wear"),
            Map.entry("wore", "wear"), Map.entry("drove", "drive"), Map.entry("driven", "drive"), Map.entry("took", "take"),
            Map.entry("taken", "take"), Map.entry("lifted", "lift"), Map.entry("gave", "give"), Map.entry("given", "give"),
            Map.entry("felt", "feel"), Map.entry("hurt", "hurt"), Map.entry("hurts", "hurt"), Map.entry("hurting", "hurt"),
            Map.entry("worse", "worse"), Map.entry("worsened", "worse"), Map.entry("worsening", "worse"), Map.entry("worsen", "worse"),
            Map.entry("mice", "mouse"), Map.entry("vertebrae", "vertebra"), Map.entry("injured", "injury"), Map.entry("injuries", "injury"),
            Map.entry("diagnose", "diagnosis"), Map.entry("diagnosed", "diagnosis"), Map.entry("diagnosing", "diagnosis"),
            Map.entry("inflamed", "inflammation"), Map.entry("inflame", "inflammation"), Map.entry("inflammatory", "inflammation"),
            Map.entry("relief", "relieve"), Map.entry("relieving", "relieve"), Map.entry("relieved", "relieve"),
            Map.entry("spinal", "spine"), Map.entry("muscular", "muscle"), Map.entry("treat", "treatment"),
            Map.entry("treated", "treatment"), Map.entry("treating", "treatment"), Map.entry("treatments", "treatment"),
            Map.entry("pregnant", "pregnancy"), Map.entry("exercising", "exercise"), Map.entry("exercised", "exercise"));

    /** Agent nouns Porter would fold into their verb, kept as they are: a muscle relaxant is not relaxation. */
    static final Map<String, String> KEEP = Map.of("relaxant", "relaxant", "relaxants", "relaxant", "relaxer", "relaxant",
            "relaxers", "relaxant");

    /**
     * Changes whenever the analysis does: part of the index's schema, so an index analysed differently
     * is rebuilt instead of silently disagreeing with the questions.
     */
    public static final String VERSION = "porter+wdgf-1/" + Integer.toHexString(new java.util.TreeMap<>(IRREGULAR).hashCode()
            ^ 31 * new java.util.TreeMap<>(KEEP).hashCode());

    private static final NormalizeCharMap QUOTES;
    private static final StemmerOverrideFilter.StemmerOverrideMap OVERRIDES;

    static {
        NormalizeCharMap.Builder quotes = new NormalizeCharMap.Builder();
        quotes.add("\u2019", "'");
        quotes.add("\u2018", "'");
        quotes.add("\u201C", "\"");
        quotes.add("\u201D", "\"");
        quotes.add("\u2013", "-");
        quotes.add("\u2014", " ");
        QUOTES = quotes.build();
        StemmerOverrideFilter.Builder overrides = new StemmerOverrideFilter.Builder(true);
        // the override's output is stemmed again by Porter only if not a keyword; overrides are final,
        // so map to what Porter would make of the base form
        IRREGULAR.forEach((word, base) -> overrides.add(word, porter(base)));
        KEEP.forEach(overrides::add);
        try {
            OVERRIDES = overrides.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final int SPLIT = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    /** For the index: splits and also joins hyphenated words. */
    public static Analyzer index() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new WhitespaceTokenizer();
                TokenStream ts = new WordDelimiterGraphFilter(source, SPLIT | WordDelimiterGraphFilter.CATENATE_WORDS, null);
                ts = new FlattenGraphFilter(ts);
                return new TokenStreamComponents(source, stem(ts));
            }

            @Override
            protected Reader initReader(String field, Reader reader) {
                return new MappingCharFilter(QUOTES, reader);
            }
        };
    }

    /** For questions and synonym rules: the same terms as the index, without synonyms. */
    public static Analyzer plain() {
        return query(null);
    }

    /** For questions: the index's terms, plus the staff's synonyms as a graph when a map is given. */
    public static Analyzer query(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new WhitespaceTokenizer();
                TokenStream ts = stem(new WordDelimiterGraphFilter(source, SPLIT, null));
                if (synonyms != null && synonyms.fst != null) ts = new SynonymGraphFilter(ts, synonyms, true);
                return new TokenStreamComponents(source, ts);
            }

            @Override
            protected Reader initReader(String field, Reader reader) {
                return new MappingCharFilter(QUOTES, reader);
            }
        };
    }

    private static TokenStream stem(TokenStream in) {
        TokenStream ts = new LowerCaseFilter(in);
        ts = new ASCIIFoldingFilter(ts);
        ts = new StemmerOverrideFilter(ts, OVERRIDES);
        return new PorterStemFilter(ts);
    }

    /** The terms an analyzer makes of a text, in order (a flat list; graphs are flattened). */
    public static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing in-memory text cannot fail", e);
        }
        return out;
    }

    /** What the index's Porter stemmer ({@link PorterStemFilter}) makes of one lower-case word. */
    static String porter(String word) {
        Analyzer porterOnly = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new WhitespaceTokenizer();
                return new TokenStreamComponents(source, new PorterStemFilter(source));
            }
        };
        try (porterOnly) {
            List<String> t = terms(porterOnly, word);
            return t.isEmpty() ? word : t.get(0);
        }
    }
}
