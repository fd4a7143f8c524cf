package com.sciaticachat.safety;

import com.sciaticachat.analysis.EnglishWords;
import com.sciaticachat.corpus.Corpus;
import com.sciaticachat.corpus.CorpusError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Refuses a corpus whose safety rules would let known red flags through: with the corpus's
 * {@code safety.yml}, the labelled phrasings the detector learnt from must still alarm as the chat's
 * targets say (every emergency phrasing alarms or gets the check question with its 911 link, at least
 * {@value #MIN_RIGHT_LEVEL} of all alarm at their level, at most {@value #MAX_FALSE_ALARMS} of the calm
 * ones alarm), or the corpus is not indexed and the last good one keeps serving. A corpus without a
 * safety file is refused too.
 *
 * <p>The detector's reading of each phrasing depends only on the model, so it is computed once per
 * process (on first use) and only the phrase rules are re-run for each new version of the file.
 */
public final class SafetyGate implements com.sciaticachat.index.CorpusReader.Check {
    static final double MIN_RIGHT_LEVEL = 0.95;
    static final double MAX_FALSE_ALARMS = 0.02;
    private static final int SHOWN = 5;

    private final Phrasings phrasings;
    private final RedFlagDetector detector;

    public SafetyGate(Phrasings phrasings, RedFlagDetector detector) {
        this.phrasings = phrasings;
        this.detector = detector;
    }

    /** The gate over the phrasings in the jar; {@code detector} reads them only when the shipped readings do not match its model. */
    public static SafetyGate bundled(RedFlagDetector detector) {
        try {
            return new SafetyGate(Phrasings.bundled(), detector);
        } catch (IOException e) {
            throw new UncheckedIOException("the phrasings are part of the jar", e);
        }
    }

    /** Readings by set and model, shared by every gate of the process. */
    private static final com.github.benmanes.caffeine.cache.Cache<String, RedFlagDetector.Detection[]> READINGS =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(4).build();

    private RedFlagDetector.Detection[] readings() {
        String key = phrasings.fingerprint() + "/" + detector.model().fittedAt();
        return READINGS.get(key, k -> {
            RedFlagDetector.Detection[] shipped = Readings.bundled(detector.model(), phrasings);
            if (shipped != null) return shipped;
            // without the message's embedding, as the stored readings: each phrasing is its own nearest, so the
            // nearest-phrasings vote would only tell the gate what it already knows
            return phrasings.items().stream().map(p -> detector.detect(p.message())).map(d -> new RedFlagDetector.Detection(d.signs(), d.current()))
                    .toArray(RedFlagDetector.Detection[]::new);
        });
    }

    /** How each set's phrasings are worded (someone else's, asking), by set: they depend on nothing else. */
    private static final com.github.benmanes.caffeine.cache.Cache<String, Triage.Wording[]> WORDINGS =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(4).build();

    private Triage.Wording[] wordings() {
        return WORDINGS.get(phrasings.fingerprint(), k -> phrasings.items().stream().map(p -> Triage.Wording.of(p.message())).toArray(Triage.Wording[]::new));
    }

    /** What of each phrasing is not happening now, read from its words alone (most of a reading's work), by set. */
    private static final com.github.benmanes.caffeine.cache.Cache<String, NotNow.Split[]> SPLITS =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(4).build();

    private NotNow.Split[] splits() {
        return SPLITS.get(phrasings.fingerprint(), k -> phrasings.items().parallelStream()
                .map(p -> NotNow.split(RedFlagDetector.wholeView(p.message()))).toArray(NotNow.Split[]::new));
    }

    /**
     * The model's readings of the bundled phrasings, written with the model by {@code eval --fit-safety}: the
     * gate then needs no embedding at start-up. Used only when they name this model and these phrasings.
     */
    public static final class Readings {
        public static final String FILE_NAME = "safety-readings.tsv";
        private static final String RESOURCE = "/model/" + FILE_NAME;

        private Readings() {}

        public static String write(SafetyModel model, Phrasings phrasings, List<RedFlagDetector.Detection> readings) {
            StringBuilder out = new StringBuilder("# readings of " + phrasings.fingerprint() + " by the model fitted at " + model.fittedAt()
                    + "; columns: current, then each sign's probability in the model's order\n");
            for (RedFlagDetector.Detection d : readings) {
                out.append(String.format(Locale.ROOT, "%.4f", d.current()));
                for (SafetyModel.Sign s : model.signs()) out.append('\t').append(String.format(Locale.ROOT, "%.4f", d.signs().get(s.id())));
                out.append('\n');
            }
            return out.toString();
        }

        static RedFlagDetector.Detection[] bundled(SafetyModel model, Phrasings phrasings) {
            try (java.io.InputStream in = Readings.class.getResourceAsStream(RESOURCE)) {
                if (in == null) return null;
                String[] lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n");
                if (!lines[0].contains(phrasings.fingerprint()) || !lines[0].contains(model.fittedAt())) return null;
                if (lines.length - 1 != phrasings.items().size()) return null;
                RedFlagDetector.Detection[] out = new RedFlagDetector.Detection[lines.length - 1];
                for (int i = 1; i < lines.length; i++) {
                    String[] cols = lines[i].split("\t");
                    java.util.Map<String, Double> signs = new java.util.LinkedHashMap<>();
                    for (int k = 0; k < model.signs().size(); k++) signs.put(model.signs().get(k).id(), Double.parseDouble(cols[k + 1]));
                    out[i - 1] = new RedFlagDetector.Detection(signs, Double.parseDouble(cols[0]));
                }
                return out;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    @Override
    public List<CorpusError> check(Corpus corpus) {
        String shown = corpus.shown(SafetyRules.FILE_NAME);
        if (!corpus.settingsFiles().containsKey(SafetyRules.FILE_NAME)) {
            return List.of(new CorpusError(shown, 0, "the safety rules are missing: restore corpus/" + SafetyRules.FILE_NAME));
        }
        String text = corpus.settingsFile(SafetyRules.FILE_NAME);
        // most reloads are edits to other files, and every service the process starts reads the same file: a
        // version of the rules already judged against these phrasings by this model is not judged again
        return JUDGED.get(phrasings.fingerprint() + "/" + detector.model().fittedAt() + "/" + shown + "\n" + text, k -> judge(shown, text));
    }

    /** Versions of the rules already judged (by phrasings, model, file name and text), and what was found; shared by the process's gates. */
    private static final com.github.benmanes.caffeine.cache.Cache<String, List<CorpusError>> JUDGED =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(8).build();

    /**
     * Whether the verdict on a phrasing of this rule's sign misses an emergency: it neither raises the alarm nor
     * asks the emergency check question. The gate refuses rules (and the fit refuses gates) under which any
     * emergency phrasing is missed.
     */
    public static boolean missesEmergency(SafetyRules.Rule rule, Triage.Verdict v) {
        if (rule.level() != SafetyRules.Level.EMERGENCY || v.outcome() == Triage.Outcome.URGENT) return false;
        return v.outcome() != Triage.Outcome.CHECK || v.level() != SafetyRules.Level.EMERGENCY;
    }

    private List<CorpusError> judge(String shown, String text) {
        SafetyRules.Result parsed = SafetyRules.parse(shown, text);
        if (parsed.rules() == null) return List.of(); // its mistakes are reported by the file's own check
        RedFlagMatcher matcher = new RedFlagMatcher(parsed.rules(), EnglishWords.get());
        Triage triage = new Triage(parsed.rules(), matcher, detector);
        RedFlagDetector.Detection[] read = readings();
        Triage.Wording[] wordings = wordings();
        // each finding is told at the line of the rule it concerns: the sign a phrasing was written for, or the
        // rule that alarmed on a calm message, so staff know which rule to look at
        java.util.Map<SafetyRules.Rule, List<String>> missed = new java.util.LinkedHashMap<>();
        java.util.Map<SafetyRules.Rule, List<String>> wrongLevel = new java.util.LinkedHashMap<>();
        java.util.Map<SafetyRules.Rule, List<String>> falseAlarms = new java.util.LinkedHashMap<>();
        java.util.Set<String> missingSigns = new java.util.TreeSet<>();
        int flags = 0, calm = 0;
        // each phrasing is read on its own, on all cores (as SafetyReport does): a new version of the rules is judged in
        // half the time on two, which is most of how long an edit to safety.yml takes to go live or be refused
        NotNow.Split[] splits = splits();
        RedFlagMatcher.Reading[] founds = new RedFlagMatcher.Reading[read.length];
        Triage.Verdict[] verdicts = new Triage.Verdict[read.length];
        java.util.stream.IntStream.range(0, read.length).parallel().forEach(i -> {
            founds[i] = matcher.read(phrasings.items().get(i).message(), splits[i]);
            verdicts[i] = triage.decide(wordings[i].with(founds[i]), founds[i].finding(), read[i], Triage.Mode.BOTH);
        });
        for (int i = 0; i < read.length; i++) {
            Phrasings.Phrasing p = phrasings.items().get(i);
            Triage.Verdict v = verdicts[i];
            boolean urgent = v.outcome() == Triage.Outcome.URGENT;
            if (!p.redFlag()) {
                calm++;
                if (urgent) falseAlarms.computeIfAbsent(firstRule(parsed.rules(), founds[i], r -> true), k -> new ArrayList<>()).add(p.message());
                continue;
            }
            flags++;
            SafetyRules.Rule rule = parsed.rules().rule(p.label());
            if (rule == null) {
                missingSigns.add(p.label());
                continue;
            }
            if (missesEmergency(rule, v)) missed.computeIfAbsent(rule, k -> new ArrayList<>()).add(p.message());
            if (!urgent || v.level() != rule.level()) {
                // an alarm at another level was raised by another rule, the one to look at; no alarm is its own rule's
                SafetyRules.Rule raised = urgent ? firstRule(parsed.rules(), founds[i], r -> r != rule && r.level() == v.level()) : null;
                wrongLevel.computeIfAbsent(raised == null ? rule : raised, k -> new ArrayList<>()).add(p.message());
            }
        }
        List<CorpusError> errors = new ArrayList<>();
        int listLine = parsed.rules().rules().isEmpty() ? 0 : parsed.rules().rules().get(0).line();
        for (String id : missingSigns) {
            errors.add(new CorpusError(shown, listLine, "the red flag '" + id + "' is missing from 'red_flags': the chat knows this sign and needs its rule "
                    + "(id, level, sign, source, phrases) to say how urgent it is; the change was refused"));
        }
        missed.forEach((rule, messages) -> errors.add(error(shown, rule.line(), messages.size() + " emergency phrasing(s) of the red flag '" + rule.id()
                + "' would neither raise the alarm nor be asked about", messages)));
        int wrong = count(wrongLevel), alarmed = count(falseAlarms);
        if (flags > 0 && wrong > (1 - MIN_RIGHT_LEVEL) * flags) {
            SafetyRules.Rule most = most(wrongLevel);
            errors.add(error(shown, most.line(), String.format(Locale.ROOT, "only %.0f%% of the known red flags would alarm at their level (at least %.0f%% must)",
                    100.0 * (flags - wrong) / flags, 100 * MIN_RIGHT_LEVEL) + "; look first at the red flag '" + most.id() + "'",
                    wrongLevel.get(most)));
        }
        if (calm > 0 && alarmed > MAX_FALSE_ALARMS * calm) {
            SafetyRules.Rule most = most(falseAlarms);
            String which = most == null ? "" : "; look first at the red flag '" + most.id() + "'";
            errors.add(error(shown, most == null ? listLine : most.line(), String.format(Locale.ROOT,
                    "%.0f%% of the known calm messages would raise the alarm (at most %.0f%% may)", 100.0 * alarmed / calm, 100 * MAX_FALSE_ALARMS) + which,
                    falseAlarms.get(most)));
        }
        return errors;
    }

    /** The first rule the reading found that is {@code which}, or null: a calm message can alarm through the detector alone. */
    private static SafetyRules.Rule firstRule(SafetyRules rules, RedFlagMatcher.Reading found, java.util.function.Predicate<SafetyRules.Rule> which) {
        if (found.finding() == null) return null;
        return found.finding().ruleIds().stream().map(rules::rule).filter(r -> r != null && which.test(r)).findFirst().orElse(null);
    }

    private static int count(java.util.Map<SafetyRules.Rule, List<String>> byRule) {
        return byRule.values().stream().mapToInt(List::size).sum();
    }

    /** The rule with the most messages; a rule wins over none (null) at equal counts. */
    private static SafetyRules.Rule most(java.util.Map<SafetyRules.Rule, List<String>> byRule) {
        SafetyRules.Rule best = null;
        int bestCount = -1;
        for (var e : byRule.entrySet()) {
            int n = e.getValue().size();
            if (n > bestCount || (n == bestCount && best == null)) {
                best = e.getKey();
                bestCount = n;
            }
        }
        return best;
    }

    private static CorpusError error(String file, int line, String what, List<String> examples) {
        List<String> quoted = examples.stream().limit(SHOWN).map(m -> "\"" + m + "\"").toList();
        return new CorpusError(file, line, "with these rules, " + what + ", for example " + String.join(", ", quoted)
                + "; the change was refused");
    }
}
