package com.sciaticachat.eval;

import com.sciaticachat.Application;
import com.sciaticachat.chat.ChatService;
import com.sciaticachat.config.Config;
import com.sciaticachat.search.Features;
import com.sciaticachat.search.LiveIndex;
import com.sciaticachat.search.Scorer;
import com.sciaticachat.search.Weights;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What {@code eval --fit} and {@code eval --fit-ranking} write beside the weights they fitted: the data's
 * SHA-256 (the question set, the training questions and the corpus), the commit, the date, and the probes
 * (a few questions answered on the fitting corpus, with the ranking features of their top section), which
 * {@code ScorerWeightsTest} recomputes so that a feature computed differently without a refit fails the build.
 */
public final class WeightsRecord {
    private WeightsRecord() {}

    /** Questions written for the probes (none is in the evaluation sets or filed): they span the guide's kinds of section. */
    static final List<String> PROBE_QUESTIONS = List.of(
            "what exactly is sciatica",
            "could a massage ease the ache running down my leg",
            "roughly how many visits before it eases off",
            "what should I do once I get home after my massage",
            "is a tennis ball good for the buttock");

    /** The weights with what they were fitted on, at which commit, and the probes' features now. */
    public static Weights record(Weights fittedWeights, String part, Config config, EvalSet set) throws IOException, LiveIndex.StartupException {
        Map<String, String> fitted = new LinkedHashMap<>(fittedWeights.fitted());
        fitted.remove("last refit");
        fitted.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        fitted.put("refit of " + part, LocalDate.now(ZoneOffset.UTC) + ", from " + set.name() + " (" + set.cases().size() + " questions)");
        fitted.put("commit", commit());
        fitted.put("data sha256", fingerprint(set, config));
        fitted.put("corpus", config.corpusDir().toString());
        List<Weights.Probe> probes = new ArrayList<>();
        try (Application app = Application.open(config)) {
            for (String q : PROBE_QUESTIONS) {
                Scorer.Ranked top = app.chat().trace(q).scored().ranked().get(0);
                probes.add(new Weights.Probe(q, top.sectionId(), Weights.named(Features.Ranking.class, top.features().values()),
                        Weights.Probe.ownText(top.hit())));
            }
        }
        return fittedWeights.withFitted(fitted, probes);
    }

    /** SHA-256 of the question set (each case's split, category, sections and words), the training questions and the corpus's files. */
    static String fingerprint(EvalSet set, Config config) throws IOException {
        MessageDigest sha = sha256();
        for (EvalSet.Case c : set.cases()) {
            sha.update((c.split() + "\t" + c.category() + "\t" + new java.util.TreeSet<>(c.expected()) + "\t" + c.question() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        sha.update(com.sciaticachat.corpus.VisitorQuestionsFile.training(config.trainingFile()).getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(config.corpusDir())) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                sha.update(config.corpusDir().relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                sha.update(Files.readAllBytes(f));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The commit the working tree is at (with "+changes" when it has uncommitted ones), or "unknown" outside git. */
    public static String commit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String head = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) return "unknown";
            Process d = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").redirectErrorStream(true).start();
            String dirty = new String(d.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return d.waitFor() == 0 && !dirty.isEmpty() ? head + "+changes" : head;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
