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
        List<CorpusError> errors = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        try (Analyzer analyzer = Analyzers.plain()) {
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].trim();
                if (line.isEmpty() || line.startsWith("#")) continue;
                int arrows = line.split("=>", -1).length - 1;
                String problem = null;
                if (arrows > 1) {
                    problem = "a line may have one '=>' only";
                } else if (arrows == 1 && (line.startsWith("=>") || line.endsWith("=>"))) {
                    problem = "'=>' needs words on both sides, like 'pins and needles => tingling'";
                } else if (arrows == 0 && !line.contains(",")) {
                    problem = "list at least two words or phrases separated by commas, like 'bum, buttocks'";
                } else if (line.matches(".*,\\s*(,|=>|$).*") || line.startsWith(",")) {
                    problem = "there is an empty entry between commas";
                }
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
