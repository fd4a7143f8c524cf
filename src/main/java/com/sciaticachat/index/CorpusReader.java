package com.sciaticachat.index;

import com.sciaticachat.analysis.OutOfScopeFile;
import com.sciaticachat.analysis.SynonymsFile;
import com.sciaticachat.corpus.Corpus;
import com.sciaticachat.corpus.CorpusError;
import com.sciaticachat.corpus.CorpusException;
import com.sciaticachat.corpus.CorpusLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the corpus folder and runs every check a corpus must pass before it may be indexed: the Markdown
 * (by the loader), the synonyms file, and any further checks given (red-flag rules, the safety gate).
 */
public final class CorpusReader {

    /** One check of a loaded corpus; returns its mistakes, or none. */
    @FunctionalInterface
    public interface Check {
        List<CorpusError> check(Corpus corpus);
    }

    private final CorpusLoader loader;
    private final List<Check> checks;

    public CorpusReader(String publisher, Set<String> settingsFiles, List<Check> checks) {
        Set<String> names = new HashSet<>(settingsFiles);
        names.add(SynonymsFile.FILE_NAME);
        names.add(OutOfScopeFile.FILE_NAME);
        this.loader = new CorpusLoader(publisher, names);
        List<Check> all = new ArrayList<>();
        all.add(c -> SynonymsFile.validate(shown(c, SynonymsFile.FILE_NAME), c.settingsFile(SynonymsFile.FILE_NAME)));
        all.add(c -> OutOfScopeFile.validate(shown(c, OutOfScopeFile.FILE_NAME), c.settingsFile(OutOfScopeFile.FILE_NAME)));
        all.addAll(checks);
        this.checks = List.copyOf(all);
    }

    public Corpus read(Path dir) throws CorpusException {
        Corpus corpus = loader.load(dir);
        List<CorpusError> errors = new ArrayList<>();
        for (Check check : checks) errors.addAll(check.check(corpus));
        if (!errors.isEmpty()) throw new CorpusException(errors);
        return corpus;
    }

    /** How staff see a settings file's path: next to the documents, in the same folder. */
    public static String shown(Corpus corpus, String fileName) {
        String first = corpus.documents().isEmpty() ? "corpus/x" : corpus.documents().get(0).file();
        int slash = first.lastIndexOf('/');
        return (slash >= 0 ? first.substring(0, slash + 1) : "") + fileName;
    }
}
