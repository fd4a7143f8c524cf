package com.sciaticachat.analysis;

import com.sciaticachat.corpus.CorpusError;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The staff's synonyms ({@code corpus/synonyms.txt}) in the Solr format Lucene reads:
 * <pre>
 * # a comment
 * bum, backside, buttocks        (any of these matches any other)
 * pins and needles => tingling   (the left side is read as the right side, not the other way)
 * </pre>
 * Words are matched after stemming, so "bum" also covers "bums". Each line is checked on its own, so
 * a mistake is reported with its line.
 */
public final class SynonymsFile {
    public static final String FILE_NAME = "synonyms.txt";

    private SynonymsFile() {}

    /** Checks every line; returns the mistakes (empty when the file is fine). */
    public static List<CorpusError> validate(String shownPath, String text) {
        // the common case in one pass: a file Lucene reads as a whole, with no line of the shapes below
        if (!text.lines().map(String::trim).anyMatch(l -> !l.isEmpty() && !l.startsWith("#") && shapeProblem(l) != null)) {
            try (Analyzer analyzer = Analyzers.plain()) {
                SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
                parser.parse(new StringReader(text));
                parser.build();
                return List.of();
            } catch (ParseException | IllegalArgumentException e) {
                // fall through: find the line
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<CorpusError> errors = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        try (Analyzer analyzer = Analyzers.plain()) {
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].trim();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String problem = shapeProblem(line);
                if (problem == null) {
                    try {
                        SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
                        parser.parse(new StringReader(line));
                        parser.build();
                    } catch (ParseException | IllegalArgumentException e) {
                        problem = "this line could not be read as synonyms ("
                                + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + ")";
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                if (problem != null) errors.add(new CorpusError(shownPath, i + 1, problem));
            }
        }
        return errors;
    }

    /** What is wrong with the shape of a non-empty, non-comment line, or null. */
    private static String shapeProblem(String line) {
        int arrows = line.split("=>", -1).length - 1;
        if (arrows > 1) return "a line may have one '=>' only";
        if (arrows == 1 && (line.startsWith("=>") || line.endsWith("=>"))) {
            return "'=>' needs words on both sides, like 'pins and needles => tingling'";
        }
        if (arrows == 0 && !line.contains(",")) return "list at least two words or phrases separated by commas, like 'bum, buttocks'";
        if (line.matches(".*,\\s*(,|=>|$).*") || line.startsWith(",")) return "there is an empty entry between commas";
        return null;
    }

    /** The synonym map for a file that {@link #validate validated}; an empty text gives an empty map. */
    public static SynonymMap parse(String text) {
        try (Analyzer analyzer = Analyzers.plain()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
            parser.parse(new StringReader(text));
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("synonyms must be validated before they are parsed", e);
        }
    }

    /** The words staff used in the file, for the spelling corrector's vocabulary. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n")) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) continue;
            out.add(t.replace("=>", ","));
        }
        return out;
    }
}
