package com.sciaticachat.index;

import com.sciaticachat.analysis.OutOfScopeFile;
import com.sciaticachat.analysis.SynonymsFile;
import com.sciaticachat.corpus.Corpus;
import com.sciaticachat.corpus.CorpusError;
import com.sciaticachat.corpus.CorpusException;
import com.sciaticachat.corpus.CorpusLoader;
import com.sciaticachat.corpus.Document;
import com.sciaticachat.corpus.LastGood;
import com.sciaticachat.corpus.MarkdownParser;
import com.sciaticachat.corpus.SectionRenames;
import com.sciaticachat.corpus.VisitorQuestionsFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
    private final String training;
    /** SHA-256 of {@link #training}, taken once: the folder's fingerprint is taken every poll. */
    private final String trainingDigest;

    private final Set<String> settingsFiles;
    /** The chat's own version of settings files it cannot go without, used when the clinic's has no last good version. */
    private final java.util.Map<String, String> shipped;

    /** The names of the settings files a corpus folder may hold besides its Markdown documents. */
    public Set<String> settingsFiles() {
        return settingsFiles;
    }

    public CorpusReader(String publisher, Set<String> settingsFiles, List<Check> checks) {
        this(publisher, settingsFiles, checks, "");
    }

    /** {@code training}: the questions shipped with the chat for its guide, read with every corpus (see {@link VisitorQuestionsFile#TRAINING}). */
    public CorpusReader(String publisher, Set<String> settingsFiles, List<Check> checks, String training) {
        this(publisher, settingsFiles, checks, training, java.util.Map.of());
    }

    /**
     * {@code shipped}: the chat's own version of settings files it cannot go without (the safety rules), by name: a broken
     * file of those with no last good version is read as the shipped one meanwhile, and its mistake says so.
     */
    public CorpusReader(String publisher, Set<String> settingsFiles, List<Check> checks, String training, java.util.Map<String, String> shipped) {
        this.shipped = java.util.Map.copyOf(shipped);
        this.training = training;
        this.trainingDigest = training.isEmpty() ? "" : sha256(training);
        Set<String> names = new HashSet<>(settingsFiles);
        names.add(SynonymsFile.FILE_NAME);
        names.add(OutOfScopeFile.FILE_NAME);
        names.add(VisitorQuestionsFile.FILE_NAME);
        this.loader = new CorpusLoader(publisher, names);
        this.settingsFiles = Set.copyOf(names);
        List<Check> all = new ArrayList<>();
        all.add(c -> SynonymsFile.validate(c.shown(SynonymsFile.FILE_NAME), c.settingsFile(SynonymsFile.FILE_NAME)));
        all.add(c -> OutOfScopeFile.validate(c.shown(OutOfScopeFile.FILE_NAME), c.settingsFile(OutOfScopeFile.FILE_NAME)));
        all.add(c -> VisitorQuestionsFile.validate(c.shown(VisitorQuestionsFile.FILE_NAME),
                c.settingsFile(VisitorQuestionsFile.FILE_NAME), c));
        all.addAll(checks);
        this.checks = List.copyOf(all);
    }

    /**
     * What a read found: the corpus to serve (each file as on disk, or its last good version when it has a
     * mistake, or left out), the mistakes (each under its own file, once) and the warnings.
     */
    public record Reading(Corpus corpus, List<CorpusError> errors, List<CorpusError> warnings) {
        public Reading {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }

    /** The checked corpus, with nothing to fall back on: every mistake of every file fails it. */
    public Corpus read(Path dir) throws CorpusException {
        Reading r = read(dir, LastGood.NONE);
        if (!r.errors().isEmpty()) throw new CorpusException(r.errors());
        return r.corpus();
    }

    /**
     * Reads the folder; a file with a mistake is replaced by its version in {@code lastGood}, or left out.
     * Throws only when what is left cannot be served at all: no document, or no safety rules that pass
     * their gate.
     */
    public Reading read(Path dir, LastGood lastGood) throws CorpusException {
        CorpusLoader.Loaded loaded = loader.loadAll(dir, lastGood.sources());
        List<CorpusError> errors = new ArrayList<>();
        List<CorpusError> warnings = new ArrayList<>();
        loaded.errors().forEach(e -> (e.warning() ? warnings : errors).add(e));
        if (!Files.isDirectory(dir) || loaded.corpus().documents().isEmpty()) throw new CorpusException(errors);
        Corpus corpus = loaded.corpus().withAliases(SectionRenames.aliases(previousDocuments(lastGood), lastGood.aliases(),
                loaded.corpus().documents()));
        if (!training.isEmpty()) {
            corpus = corpus.withSettingsFile(VisitorQuestionsFile.TRAINING, training).withFingerprint(withTraining(corpus.fingerprint()));
        }
        com.sciaticachat.corpus.Copies.Result copies = com.sciaticachat.corpus.Copies.setAside(corpus);
        corpus = copies.corpus();
        warnings.addAll(copies.warnings());
        // a settings file with a mistake is read as it was last served (or left out), and checked again: its
        // fallback is what is served, and the other files' checks see it, never the broken version
        Set<String> setAside = new HashSet<>();
        List<CorpusError> settingsMistakes = new ArrayList<>();
        List<CorpusError> found;
        while (true) {
            found = new ArrayList<>();
            for (Check check : checks) found.addAll(check.check(corpus));
            Set<String> broken = new LinkedHashSet<>();
            for (CorpusError e : found) {
                String name = e.warning() ? null : settingsName(corpus, e.file());
                if (name != null && !setAside.contains(name)) broken.add(name);
            }
            if (broken.isEmpty()) break;
            for (CorpusError e : found) {
                if (!e.warning() && broken.contains(settingsName(corpus, e.file()))) settingsMistakes.add(e);
            }
            for (String name : broken) corpus = corpus.withSettingsFile(name, fallback(lastGood, name));
            setAside.addAll(broken);
        }
        // what is still wrong with the fallbacks in place cannot be set aside (the safety rules' gate)
        List<CorpusError> unservable = found.stream().filter(e -> !e.warning()).toList();
        // a file set aside for its own mistake with no last good version that the chat cannot go without (the safety
        // rules): its own mistake says so, once, not a second message that the file is missing
        Set<String> needed = new HashSet<>();
        for (CorpusError e : unservable) {
            String name = settingsName(corpus, e.file());
            if (name != null && setAside.contains(name)) needed.add(name);
        }
        for (CorpusError e : settingsMistakes) errors.add(told(e, lastGood, corpus, needed, shipped));
        if (!unservable.isEmpty()) {
            List<CorpusError> all = new ArrayList<>(errors);
            for (CorpusError e : unservable) if (!needed.contains(settingsName(corpus, e.file()))) all.add(e);
            throw new CorpusException(all);
        }
        found.forEach(warnings::add);
        return new Reading(corpus, errors, warnings);
    }

    /** What a mistake adds when its file has no last good version and the chat cannot go live without it. */
    static final String NOT_LIVE_WITHOUT = " (with no earlier good version of this file to fall back on, the chat does not go live until it is fixed)";

    /** What a settings file with a mistake is read as: its last good version, else the chat's own version, else nothing. */
    private String fallback(LastGood lastGood, String name) {
        String last = lastGood.sources().get(name);
        return last != null ? last : shipped.get(name);
    }

    /** What a mistake adds when its file has no last good version and the chat's own version of it is served. */
    public static final String SHIPPED_MEANWHILE = " (meanwhile the chat uses the version of this file it comes with; every other file is live)";

    /** A settings file's mistake, with what visitors get meanwhile: its last good version, the shipped one, nothing, or no chat at all. */
    private static CorpusError told(CorpusError e, LastGood lastGood, Corpus corpus, Set<String> needed, java.util.Map<String, String> shipped) {
        String name = settingsName(corpus, e.file());
        boolean last = lastGood.sources().containsKey(name);
        String meanwhile = needed.contains(name) ? NOT_LIVE_WITHOUT
                : !last && shipped.containsKey(name) ? SHIPPED_MEANWHILE : CorpusLoader.meanwhile(last);
        return new CorpusError(e.file(), e.line(), e.message() + meanwhile);
    }

    /** The settings file a mistake is about (by the name staff see), or null when it is about another file. */
    private static String settingsName(Corpus corpus, String shown) {
        String prefix = corpus.folder() + "/";
        if (shown == null || !shown.startsWith(prefix)) return null;
        String name = shown.substring(prefix.length());
        return name.endsWith(".md") || name.contains("/") ? null : name;
    }

    private List<Document> previousDocuments(LastGood lastGood) {
        List<Document> out = new ArrayList<>();
        MarkdownParser parser = new MarkdownParser("");
        lastGood.sources().forEach((rel, text) -> {
            if (!rel.toLowerCase(java.util.Locale.ROOT).endsWith(".md")) return;
            MarkdownParser.Result r = parser.parse(rel, CorpusLoader.documentId(rel), text.getBytes(StandardCharsets.UTF_8));
            if (r.ok()) out.add(r.document());
        });
        return out;
    }

    /** The fingerprint of the corpus files as they are on disk now (the same as a fresh read's). */
    public String fingerprint(Path dir) {
        return withTraining(loader.fingerprint(dir));
    }

    /** The folder's fingerprint combined with the training questions' (a new jar with new ones rebuilds the index). */
    private String withTraining(String folder) {
        return training.isEmpty() ? folder : sha256(folder + "\n" + trainingDigest);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

}
