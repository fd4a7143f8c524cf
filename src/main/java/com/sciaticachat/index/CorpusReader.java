package com.sciaticachat.index;

import com.sciaticachat.analysis.OutOfScopeFile;
import com.sciaticachat.analysis.SynonymsFile;
import com.sciaticachat.corpus.Corpus;
import com.sciaticachat.corpus.CorpusError;
import com.sciaticachat.corpus.CorpusException;
import com.sciaticachat.corpus.CorpusLoader;
import com.sciaticachat.corpus.VisitorQuestionsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the corpus folder and runs every check a corpus must pass before it may be indexed: the Markdown
 * (by the loader), the synonyms, out-of-scope and visitor-questions files, and any further checks given (red-flag rules, the safety gate).
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
        names.add(VisitorQuestionsFile.FILE_NAME);
        this.loader = new CorpusLoader(publisher, names);
        List<Check> all = new ArrayList<>();
        all.add(c -> SynonymsFile.validate(c.shown(SynonymsFile.FILE_NAME), c.settingsFile(SynonymsFile.FILE_NAME)));
        all.add(c -> OutOfScopeFile.validate(c.shown(OutOfScopeFile.FILE_NAME), c.settingsFile(OutOfScopeFile.FILE_NAME)));
        all.add(c -> VisitorQuestionsFile.validate(c.shown(VisitorQuestionsFile.FILE_NAME),
                c.settingsFile(VisitorQuestionsFile.FILE_NAME), c));
        all.addAll(checks);
        this.checks = List.copyOf(all);
    }

    /** The checked corpus; otherwise every mistake of every file, the Markdown's and the settings files', together. */
    public Corpus read(Path dir) throws CorpusException {
        CorpusLoader.Loaded loaded = loader.loadAll(dir);
        Corpus corpus = loaded.corpus();
        List<CorpusError> errors = new ArrayList<>(loaded.errors());
        if (!Files.isDirectory(dir)) throw new CorpusException(errors);
        for (Check check : checks) errors.addAll(check.check(corpus));
        if (!errors.isEmpty()) throw new CorpusException(errors);
        return corpus;
    }

    /** The fingerprint of the corpus files as they are on disk now (the same as a fresh read's). */
    public String fingerprint(Path dir) {
        return loader.fingerprint(dir);
    }

}
