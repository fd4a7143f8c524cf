package com.sciaticachat.eval;

import com.sciaticachat.analysis.EnglishWords;
import com.sciaticachat.embed.Embedder;
import com.sciaticachat.safety.Framing;
import com.sciaticachat.safety.NGrams;
import com.sciaticachat.safety.Neighbours;
import com.sciaticachat.safety.Phrasings;
import com.sciaticachat.safety.RedFlagDetector;
import com.sciaticachat.safety.RedFlagMatcher;
import com.sciaticachat.safety.SafetyGate;
import com.sciaticachat.safety.SafetyModel;
import com.sciaticachat.safety.SafetyRules;
import com.sciaticachat.safety.Triage;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Fits the {@link SafetyModel} ({@code eval --fit-safety}) on the bundled phrasings, with the visitor
 * question set's questions as further ordinary messages.
 *
 * <ul>
 *   <li>Each sign's model learns what the sign is about: its phrasings against the other signs' and the
 *       ordinary messages (not against the calm messages that mirror a sign: those are about it too).</li>
 *   <li>The framing model learns whether what a message tells is happening now: every red flag against
 *       the calm messages that mirror one and those that use the same words in another sense.</li>
 *   <li>Thresholds and gates are chosen on out-of-fold readings ({@value #FOLDS}-fold cross-validation),
 *       never on messages a model was fitted on: a sign alarms at the highest probability that still finds
 *       {@value #ALARM_RECALL} of its phrasings, and may ask from the one that finds {@value #CHECK_RECALL};
 *       the gates are the grid point that, with the clinic's phrase rules, alarms for the most red flags
 *       for the fewest false alarms (one costs {@value #FALSE_ALARM_COST} red flags; a check question on a
 *       calm message costs {@value #CHECK_COST}, a red flag that gets neither alarm nor check costs
 *       {@value #MISS_COST}).</li>
 * </ul>
 */
public final class SafetyFit {
    /** A sign's thresholds: at {@code alarm} the detector alarms, from {@code check} it asks its check question. */
    record Thresholds(double alarm, double check) {}

    static final int FOLDS = 5;
    static final double ALARM_RECALL = 0.90;
    static final double CHECK_RECALL = 0.98;
    /** How much more the "no sign" class weighs than one sign's, in the sign model's loss. */
    static final double NONE_WEIGHT = 4;
    /** At most this share of ordinary messages may reach a sign's alarm threshold, and its check threshold. */
    static final double ORDINARY_ALARMS = 0.002;
    static final double ORDINARY_CHECKS = 0.004;
    static final double FALSE_ALARM_COST = 3;
    static final double CHECK_COST = 0.5;
    static final double MISS_COST = 3;
    /**
     * Ordinary visitor questions are most of the chat's traffic: an alarm or a check question on one counts
     * this many times a calm phrasing's.
     */
    static final double QUESTION_WEIGHT = 3;
    /** Ridge penalties, per row of the loss (about sklearn's C = 30 on a few thousand rows). */
    static final double SIGN_L2 = 1e-5;
    static final double FRAME_L2 = 2e-5;
    static final int FRAME_EPOCHS = 1500;
    static final int SIGN_EPOCHS = 600;
    static final int MIN_NGRAM_COUNT = 2;
    /**
     * The nearest-phrasings vote on a check question ({@link SafetyModel.NeighbourVote}): chosen on the
     * development sets (safety rounds 7 and 8, Spanish rounds 1 to 3, none of them learnt) among k of 5, 10
     * and 20 and shares of 0.7 to 0.95, as the one that turned most checked red flags into alarms while no
     * calm message of those sets or of 400 visitor questions more than one alarmed. On the later rounds (35 and 37
     * to 42, 1,470 red flags and 1,470 calm messages the phrasings do not hold) the vote on a check about see-a-doctor
     * signs turned 2 checked red flags into alarms and 11 calm messages too, so such a check now stays a question
     * (0: never); only a check about emergency signs is still decided by the vote.
     */
    static final int NEIGHBOURS = 10;
    static final double NEIGHBOURS_RED_SHARE = 0;
    /**
     * The share for a check that asks about emergency signs, where a miss costs most: chosen on safety rounds
     * 10 and 11 and Spanish rounds 4 and 5 (then not learnt), with the sciatica guide's held-out rounds 7 to 11
     * and the new guides' questions as calm traffic, among 0.6 to 0.9. From 0.9 to 0.8 four more checked
     * emergencies alarm, and two visitor questions already checked (one tells of a weak leg); 0.7 to 0.8 give
     * the same, 0.65 alarms five calm messages more.
     */
    static final double NEIGHBOURS_EMERGENCY_SHARE = 0.8;
    /**
     * The share of red flags among the nearest phrasings and ordinary visitor questions at or under which an
     * unsure reading gets no check question: chosen on the sciatica guide's held-out rounds 7 to 16 and safety
     * rounds 14 to 25 (written blind, not learnt), before safety round 26 and sciatica round 17 were run. The
     * check questions those rounds put to ordinary questions sit at 0.1 or under, or at 0.2 and over; the red
     * flags they checked at 0.2 and over (the lowest an emergency, at 0.203).
     */
    static final double NEIGHBOURS_QUIET_SHARE = 0.15;

    /** One training message, read. */
    record Example(String message, String label, boolean redFlag, boolean mirrors, boolean phrasing, Map<String, Integer> ngrams,
                   double[] cues, RedFlagDetector.Read read) {
        /** The embeddings of the message as written, the whole message first: what the models learn from. */
        List<float[]> views() {
            return read.views().vectors();
        }
    }

    private SafetyFit() {}

    /**
     * The fitted model, its readings of the phrasings it was fitted on (for the safety gate), and the
     * phrasings' embeddings for the nearest-phrasings vote ({@link Neighbours}).
     */
    public record Fitted(SafetyModel model, String readings, byte[] neighbours) {}

    public static Fitted fit(Phrasings phrasings, List<String> ordinaryQuestions, SafetyRules rules, Embedder embedder,
                                  String commit, PrintStream log) {
        List<Example> examples = new ArrayList<>();
        for (Phrasings.Phrasing p : phrasings.items()) examples.add(example(p.message(), p.label(), p.redFlag(), p.mirrorsRedFlag(), true, embedder));
        for (String q : ordinaryQuestions) examples.add(example(q, "ordinary", false, false, false, embedder));
        List<String> signs = new ArrayList<>(new LinkedHashSet<>(phrasings.redFlags().stream().map(Phrasings.Phrasing::label).toList()));
        for (String s : signs) {
            if (rules.rule(s) == null) log.println("Note: the phrasings' sign '" + s + "' has no rule in safety.yml; it will never alarm.");
        }
        log.printf(Locale.ROOT, "Fitting on %d phrasings (%d red flags over %d signs) and %d ordinary questions.%n",
                phrasings.items().size(), phrasings.redFlags().size(), signs.size(), ordinaryQuestions.size());

        int[] fold = new int[examples.size()];
        List<Integer> order = new ArrayList<>(IntStream.range(0, examples.size()).boxed().toList());
        Collections.shuffle(order, new Random(14));
        for (int i = 0; i < order.size(); i++) fold[order.get(i)] = i % FOLDS;
        // out-of-fold readings, with the framing read on the whole message and on the sign's sentence
        RedFlagDetector.Detection[][] oofBy = new RedFlagDetector.Detection[2][examples.size()];
        for (int f = 0; f < FOLDS; f++) {
            int held = f;
            List<Example> train = IntStream.range(0, examples.size()).filter(i -> fold[i] != held).mapToObj(examples::get).toList();
            SafetyModel m = models(train, signs, Map.of(), null, new SafetyModel.Gates(0.5, 0.5, 0.2, 0.3, false));
            RedFlagDetector whole = new RedFlagDetector(m, null);
            RedFlagDetector onSign = new RedFlagDetector(withGates(m, new SafetyModel.Gates(0.5, 0.5, 0.2, 0.3, true)), null);
            for (int i = 0; i < examples.size(); i++) {
                if (fold[i] != held) continue;
                oofBy[0][i] = whole.detect(examples.get(i).read());
                oofBy[1][i] = onSign.detect(examples.get(i).read());
            }
            log.printf(Locale.ROOT, "  fold %d of %d fitted%n", f + 1, FOLDS);
        }

        Map<String, Thresholds> thresholds = new HashMap<>();
        for (String s : signs) {
            List<Double> p = new ArrayList<>();
            List<Double> none = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                Example e = examples.get(i);
                if (e.label().equals(s)) p.add(oofBy[0][i].signs().get(s));
                else if (!e.redFlag() && !e.mirrors()) none.add(oofBy[0][i].signs().get(s));
            }
            thresholds.put(s, thresholds(p, none));
        }

        List<SafetyModel.LevelThresholds> levels = new ArrayList<>();
        for (SafetyRules.Level level : SafetyRules.Level.values()) {
            List<String> ofLevel = signs.stream().filter(s -> rules.rule(s) != null && rules.rule(s).level() == level).toList();
            if (ofLevel.size() < 2) continue;
            List<Double> p = new ArrayList<>();
            List<Double> none = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                Example e = examples.get(i);
                Map<String, Double> read = oofBy[0][i].signs();
                double mass = ofLevel.stream().mapToDouble(read::get).sum();
                if (ofLevel.contains(e.label())) p.add(mass);
                else if (!e.redFlag() && !e.mirrors()) none.add(mass);
            }
            Thresholds t = thresholds(p, none);
            levels.add(new SafetyModel.LevelThresholds(level.value, t.alarm(), t.check()));
        }
        log.println("Level thresholds on the summed probability of a level's signs: " + levels);

        RedFlagMatcher matcher = new RedFlagMatcher(rules, EnglishWords.get());
        RedFlagMatcher.Reading[] found = examples.stream().map(e -> matcher.read(e.message())).toArray(RedFlagMatcher.Reading[]::new);
        RedFlagMatcher.Finding[] findings = Arrays.stream(found).map(RedFlagMatcher.Reading::finding).toArray(RedFlagMatcher.Finding[]::new);
        Triage.Wording[] wordings = IntStream.range(0, examples.size())
                .mapToObj(i -> Triage.Wording.of(examples.get(i).message()).with(found[i])).toArray(Triage.Wording[]::new);
        List<Candidate> candidates = new ArrayList<>();
        double[] grid = {0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
        // rules that match a condition's name get their own gate, where the clinic's rules have any
        boolean names = rules.rules().stream().anyMatch(r -> !r.listed());
        double[] nameGrid = names ? new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8} : new double[] {Double.NaN};
        for (boolean onSign : new boolean[] {false, true}) {
        RedFlagDetector.Detection[] oof = oofBy[onSign ? 1 : 0];
        for (double rule : grid) {
            for (double det : grid) {
                for (double check : new double[] {0.02, 0.05, 0.1, 0.15, 0.2, 0.3}) {
                    if (check > Math.min(rule, det)) continue;
                    for (double name : nameGrid) {
                    if (check > name) continue;
                    SafetyModel.Gates g = new SafetyModel.Gates(rule, det, check, 0.3, onSign, Double.isNaN(name) ? null : name);
                    SafetyModel.Measured m = measure(examples, findings, wordings, oof, models(List.of(), signs, thresholds, levels, g), rules);
                    double missed = 1 - m.recall() - m.checkedRedFlags();
                    double score = m.recall() + m.rightLevel() + m.emergencyRecall()
                            - FALSE_ALARM_COST * (m.falseAlarms() + QUESTION_WEIGHT * m.questionsAlarmed())
                            - CHECK_COST * (m.checkedCalm() + QUESTION_WEIGHT * m.questionsAsked()) - MISS_COST * missed;
                    candidates.add(new Candidate(g, m, score));
                    }
                }
            }
        }
        }
        // the best grid point whose final model passes the safety gate on its own phrasings: a refit must never
        // ship a model with which the clinic's rules are refused
        candidates.sort(java.util.Comparator.comparingDouble(Candidate::score).reversed());
        SafetyModel all = null;
        SafetyModel.Gates best = null;
        SafetyModel.Measured bestMeasured = null;
        RedFlagDetector.Detection[] inSample = null;
        SafetyModel[] fittedBy = new SafetyModel[2];
        RedFlagDetector.Detection[][] inSampleBy = new RedFlagDetector.Detection[2][];
        for (Candidate c : candidates) {
            int k = c.gates().framingOnSign() ? 1 : 0;
            if (fittedBy[k] == null) {
                fittedBy[k] = models(examples, signs, thresholds, levels, c.gates());
                RedFlagDetector d = new RedFlagDetector(fittedBy[k], null);
                inSampleBy[k] = examples.stream().map(e -> d.detect(e.read())).map(r -> new RedFlagDetector.Detection(r.signs(), r.current()))
                        .toArray(RedFlagDetector.Detection[]::new);
            }
            SafetyModel m = withGates(fittedBy[k], c.gates());
            int missed = missedEmergencies(examples, findings, wordings, inSampleBy[k], m, rules);
            if (missed == 0) {
                all = m;
                best = c.gates();
                bestMeasured = c.measured();
                inSample = inSampleBy[k];
                break;
            }
            log.printf(Locale.ROOT, "  gates %s: %d emergency phrasing(s) would neither alarm nor be asked about; next best%n", c.gates(), missed);
        }
        if (all == null) throw new IllegalStateException("no gates let every emergency phrasing alarm or be asked about");
        log.printf(Locale.ROOT, "Cross-validated on the phrasings: red flags alarmed %.1f%% (emergencies %.1f%%), at the right level %.1f%%, "
                        + "asked %.1f%%; calm messages alarmed %.1f%%, asked %.1f%%; visitor questions alarmed %.1f%%, asked %.1f%% "
                        + "(gates: rule %.2f, a condition's name %s, detector %.2f, check %.2f, framing on the sign's sentence %s)%n",
                100 * bestMeasured.recall(), 100 * bestMeasured.emergencyRecall(), 100 * bestMeasured.rightLevel(),
                100 * bestMeasured.checkedRedFlags(), 100 * bestMeasured.falseAlarms(), 100 * bestMeasured.checkedCalm(),
                100 * bestMeasured.questionsAlarmed(), 100 * bestMeasured.questionsAsked(),
                best.ruleCurrent(), best.nameCurrent() == null ? "the same" : String.format(Locale.ROOT, "%.2f", best.nameCurrent()),
                best.detectorCurrent(), best.checkCurrent(), best.framingOnSign());

        SafetyModel model = new SafetyModel("Red-flag detector and framing model of Sciatica Chat; written by eval --fit-safety, do not edit.",
                com.sciaticachat.embed.MiniLmEmbedder.MODEL_ID, phrasings.fingerprint(), commit, Instant.now().toString(),
                Framing.CUE_NAMES, all.vocabulary(), all.signs(), all.noSign(), all.framing(), best, bestMeasured, levels,
                vote());
        // the gates do not change a reading: the chosen gates' in-sample readings are the shipped model's
        List<RedFlagDetector.Detection> readings = new ArrayList<>();
        List<float[]> phrasingViews = new ArrayList<>(), questionViews = new ArrayList<>();
        List<Boolean> red = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        List<RedFlagDetector.Detection> questionReadings = new ArrayList<>();
        List<RedFlagMatcher.Finding> questionFindings = new ArrayList<>();
        List<Triage.Wording> questionWordings = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            if (!e.phrasing()) {
                questions.add(e.message());
                questionViews.add(e.views().get(0));
                questionReadings.add(inSample[i]);
                questionFindings.add(findings[i]);
                questionWordings.add(wordings[i]);
                continue;
            }
            readings.add(inSample[i]);
            phrasingViews.add(e.views().get(0));
            red.add(e.redFlag());
        }
        return new Fitted(model, com.sciaticachat.safety.SafetyGate.Readings.write(model, phrasings, readings),
                neighbours(model, rules, phrasings, phrasingViews, red, questions, questionViews, questionReadings, questionFindings,
                        questionWordings));
    }

    private static SafetyModel.NeighbourVote vote() {
        return new SafetyModel.NeighbourVote(NEIGHBOURS, NEIGHBOURS_RED_SHARE, NEIGHBOURS_EMERGENCY_SHARE, NEIGHBOURS_QUIET_SHARE);
    }

    /**
     * The nearest-neighbours file: every phrasing, and the ordinary visitor questions the rules and the model
     * read as calm (no alarm, no check question), so that one they would alarm or ask for never speaks for calm.
     */
    private static byte[] neighbours(SafetyModel model, SafetyRules rules, Phrasings phrasings, List<float[]> phrasingViews, List<Boolean> red,
                                     List<String> questions, List<float[]> questionViews, List<RedFlagDetector.Detection> questionReadings,
                                     List<RedFlagMatcher.Finding> questionFindings, List<Triage.Wording> questionWordings) {
        Triage triage = new Triage(rules, null, new RedFlagDetector(model, null));
        List<float[]> embeddings = new ArrayList<>(phrasingViews);
        List<Neighbours.Kind> kinds = new ArrayList<>();
        for (boolean r : red) kinds.add(r ? Neighbours.Kind.RED_FLAG_PHRASING : Neighbours.Kind.CALM_PHRASING);
        for (int i = 0; i < questions.size(); i++) {
            Triage.Outcome o = triage.decide(questionWordings.get(i), questionFindings.get(i), questionReadings.get(i), Triage.Mode.BOTH)
                    .outcome();
            if (o == Triage.Outcome.URGENT || o == Triage.Outcome.CHECK) continue;
            embeddings.add(questionViews.get(i));
            kinds.add(Neighbours.Kind.ORDINARY_QUESTION);
        }
        return Neighbours.write(phrasings.fingerprint(), Neighbours.fingerprint(questions), embeddings, kinds);
    }

    /**
     * The shipped model with today's nearest-neighbours vote, and its neighbours file made afresh (the
     * phrasings and the ordinary visitor questions embedded again): what {@code eval --fit-safety
     * --neighbours-only} writes, in minutes rather than a refit's half hour. The sign and framing models,
     * their thresholds and the safety gate's readings stay as they are.
     */
    public static Fitted neighboursOnly(SafetyModel model, Phrasings phrasings, List<String> questions, SafetyRules rules, Embedder embedder) {
        if (!phrasings.fingerprint().equals(model.phrasings())) {
            throw new IllegalStateException("the model was fitted on other phrasings; run eval --fit-safety");
        }
        RedFlagDetector detector = new RedFlagDetector(model, embedder);
        List<float[]> phrasingViews = new ArrayList<>();
        List<Boolean> red = new ArrayList<>();
        for (Phrasings.Phrasing p : phrasings.items()) {
            phrasingViews.add(embedder.embed(RedFlagDetector.wholeView(p.message())));
            red.add(p.redFlag());
        }
        RedFlagMatcher matcher = new RedFlagMatcher(rules, EnglishWords.get());
        List<float[]> questionViews = new ArrayList<>();
        List<RedFlagDetector.Detection> readings = new ArrayList<>();
        List<RedFlagMatcher.Finding> findings = new ArrayList<>();
        List<Triage.Wording> wordings = new ArrayList<>();
        for (String q : questions) {
            RedFlagDetector.Detection d = detector.detect(q);
            questionViews.add(d.embedding());
            readings.add(new RedFlagDetector.Detection(d.signs(), d.current()));
            RedFlagMatcher.Reading found = matcher.read(q);
            findings.add(found.finding());
            wordings.add(Triage.Wording.of(q).with(found));
        }
        SafetyModel updated = new SafetyModel(model.about(), model.embedding(), model.phrasings(), model.commit(), model.fittedAt(), model.cues(),
                model.vocabulary(), model.signs(), model.noSign(), model.framing(), model.gates(), model.measured(), model.levels(), vote());
        return new Fitted(updated, null, neighbours(updated, rules, phrasings, phrasingViews, red, questions, questionViews, readings, findings, wordings));
    }

    private static Example example(String message, String label, boolean red, boolean mirrors, boolean phrasing, Embedder e) {
        // read as the detector reads it (RedFlagDetector.detect): shorthand in plain words, and with its denials and
        // the episodes it says are over set aside for the readings; learnt from as written
        RedFlagDetector.Read r = RedFlagDetector.Read.of(message, e);
        String read = r.views().views().texts().get(0);
        return new Example(message, label, red, mirrors, phrasing, NGrams.of(read), Framing.cues(read), r);
    }

    /** Sign and framing models fitted on these examples (none: thresholds and gates only), with these thresholds and gates. */
    private static SafetyModel models(List<Example> train, List<String> signs, Map<String, Thresholds> thresholds,
                                      List<SafetyModel.LevelThresholds> levels, SafetyModel.Gates gates) {
        if (train.isEmpty()) {
            return new SafetyModel(null, null, null, null, null, Framing.CUE_NAMES, null, signs.stream()
                    .map(s -> new SafetyModel.Sign(s, thresholds.get(s).alarm(), thresholds.get(s).check(), null)).toList(), null, null, gates, null,
                    levels, null);
        }
        // one vocabulary of word n-grams for both models
        Map<String, Integer> df = new TreeMap<>();
        for (Example e : train) e.ngrams().keySet().forEach(g -> df.merge(g, 1, Integer::sum));
        List<String> ngrams = df.entrySet().stream().filter(en -> en.getValue() >= MIN_NGRAM_COUNT).map(Map.Entry::getKey).toList();
        Map<String, Integer> index = new HashMap<>();
        double[] idf = new double[ngrams.size()];
        for (int i = 0; i < ngrams.size(); i++) {
            index.put(ngrams.get(i), i);
            idf[i] = round(Math.log((1.0 + train.size()) / (1.0 + df.get(ngrams.get(i)))) + 1);
        }
        SafetyModel.Vocabulary vocabulary = new SafetyModel.Vocabulary(ngrams, idf);
        int dim = train.get(0).views().get(0).length;
        int cues = Framing.CUE_NAMES.size();

        // which sign: every sign's phrasings against each other and the ordinary messages (not against the
        // calm messages that mirror a sign: those are about it too)
        List<Example> topical = train.stream().filter(e -> !e.mirrors()).toList();
        int sdim = ngrams.size() + dim + 1;
        int[][] sidx = new int[topical.size()][];
        double[][] sval = new double[topical.size()][];
        for (int i = 0; i < topical.size(); i++) row(topical.get(i), index, idf, null, sidx, sval, i, ngrams.size(), sdim);
        int[] label = new int[topical.size()];
        int[] count = new int[signs.size() + 1];
        for (int i = 0; i < label.length; i++) {
            int at = signs.indexOf(topical.get(i).label());
            label[i] = at < 0 ? signs.size() : at;
            count[label[i]]++;
        }
        double[] weight = new double[label.length];
        for (int i = 0; i < label.length; i++) {
            weight[i] = label.length / ((signs.size() + 1.0) * count[label[i]]) * (label[i] == signs.size() ? NONE_WEIGHT : 1);
        }
        double[][] sw = Logistic.softmaxSparse(sidx, sval, sdim, label, signs.size() + 1, weight, SIGN_L2, SIGN_EPOCHS);
        List<SafetyModel.Sign> signModels = new ArrayList<>();
        for (int c = 0; c < signs.size(); c++) {
            Thresholds t = thresholds.getOrDefault(signs.get(c), new Thresholds(0.5, 0.25));
            signModels.add(new SafetyModel.Sign(signs.get(c), t.alarm(), t.check(), round(sw[c])));
        }
        double[] noSign = round(sw[signs.size()]);

        // framing: red flags against the calm messages that speak of a sign or use its words
        List<Example> framed = train.stream().filter(e -> e.redFlag() || e.mirrors() || e.label().equals("harmless-sense")).toList();
        int fdim = ngrams.size() + cues + dim + 1;
        int[][] idx = new int[framed.size()][];
        double[][] val = new double[framed.size()][];
        boolean[] y = new boolean[framed.size()];
        int pos = 0;
        for (int i = 0; i < framed.size(); i++) {
            row(framed.get(i), index, idf, framed.get(i).cues(), idx, val, i, ngrams.size(), fdim);
            if (y[i] = framed.get(i).redFlag()) pos++;
        }
        double[] fw = Logistic.binarySparse(idx, val, fdim, y, balanced(y, pos), FRAME_L2, FRAME_EPOCHS);
        return new SafetyModel(null, null, null, null, null, Framing.CUE_NAMES, vocabulary, signModels, noSign,
                new SafetyModel.FramingModel(round(fw)), gates, null, levels, null);
    }

    /** Row i of a sparse matrix: the whole message's n-grams, then the cues (when given), then its embedding, then 1. */
    private static void row(Example e, Map<String, Integer> index, double[] idf, double[] cues, int[][] idx, double[][] val, int i,
                            int vocabulary, int width) {
        Map<Integer, Double> tf = NGrams.tfidf(e.ngrams(), index, idf);
        float[] v = e.views().get(0);
        int n = tf.size() + (cues == null ? 0 : cues.length) + v.length + 1;
        idx[i] = new int[n];
        val[i] = new double[n];
        int k = 0;
        for (Map.Entry<Integer, Double> en : tf.entrySet()) {
            idx[i][k] = en.getKey();
            val[i][k++] = en.getValue();
        }
        int at = vocabulary;
        if (cues != null) {
            for (double c : cues) {
                idx[i][k] = at++;
                val[i][k++] = c;
            }
        }
        for (float x : v) {
            idx[i][k] = at++;
            val[i][k++] = x;
        }
        idx[i][k] = width - 1;
        val[i][k] = 1;
    }

    private static SafetyModel withGates(SafetyModel m, SafetyModel.Gates g) {
        return new SafetyModel(m.about(), m.embedding(), m.phrasings(), m.commit(), m.fittedAt(), m.cues(), m.vocabulary(), m.signs(),
                m.noSign(), m.framing(), g, m.measured(), m.levels(), m.neighbours());
    }

    /** Weights that give each class half the loss. */
    private static double[] balanced(boolean[] y, int positives) {
        double[] w = new double[y.length];
        int negatives = y.length - positives;
        for (int i = 0; i < y.length; i++) w[i] = y[i] ? y.length / (2.0 * Math.max(1, positives)) : y.length / (2.0 * Math.max(1, negatives));
        return w;
    }

    /** A grid point of the gates, its cross-validated figures and its score. */
    private record Candidate(SafetyModel.Gates gates, SafetyModel.Measured measured, double score) {}

    /** Emergency phrasings that neither alarm nor get the emergency check question, as the safety gate reads them. */
    private static int missedEmergencies(List<Example> examples, RedFlagMatcher.Finding[] findings, Triage.Wording[] wordings,
                                         RedFlagDetector.Detection[] readings, SafetyModel model, SafetyRules rules) {
        Triage triage = new Triage(rules, null, new RedFlagDetector(model, null));
        int missed = 0;
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            SafetyRules.Rule r = rules.rule(e.label());
            if (!e.phrasing() || !e.redFlag() || r == null) continue;
            if (SafetyGate.missesEmergency(r, triage.decide(wordings[i], findings[i], readings[i], Triage.Mode.BOTH))) missed++;
        }
        return missed;
    }

    /** The figures of the phrasings, from out-of-fold readings, with these thresholds and gates. */
    private static SafetyModel.Measured measure(List<Example> examples, RedFlagMatcher.Finding[] findings, Triage.Wording[] wordings,
                                                RedFlagDetector.Detection[] oof,
                                                SafetyModel thresholds, SafetyRules rules) {
        Triage triage = new Triage(rules, null, new RedFlagDetector(thresholds, null));
        int flags = 0, alarmed = 0, right = 0, emergencies = 0, emergencyAlarmed = 0, checkedFlags = 0, calm = 0, falseAlarms = 0, checkedCalm = 0;
        int questions = 0, questionsAlarmed = 0, questionsAsked = 0;
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            Triage.Verdict v = triage.decide(wordings[i], findings[i], oof[i], Triage.Mode.BOTH);
            boolean urgent = v.outcome() == Triage.Outcome.URGENT, check = v.outcome() == Triage.Outcome.CHECK;
            if (!e.phrasing()) {
                questions++;
                if (urgent) questionsAlarmed++;
                if (check) questionsAsked++;
                continue;
            }
            if (e.redFlag()) {
                flags++;
                SafetyRules.Rule r = rules.rule(e.label());
                if (urgent) alarmed++;
                if (check) checkedFlags++;
                if (urgent && r != null && v.level() == r.level()) right++;
                if (r != null && r.level() == SafetyRules.Level.EMERGENCY) {
                    emergencies++;
                    if (urgent) emergencyAlarmed++;
                }
            } else {
                calm++;
                if (urgent) falseAlarms++;
                if (check) checkedCalm++;
            }
        }
        return new SafetyModel.Measured(round(alarmed / (double) flags), round(right / (double) flags),
                round(emergencyAlarmed / (double) Math.max(1, emergencies)), round(falseAlarms / (double) calm),
                round(checkedFlags / (double) flags), round(checkedCalm / (double) calm), round(questionsAlarmed / (double) Math.max(1, questions)),
                round(questionsAsked / (double) Math.max(1, questions)), FOLDS);
    }

    /**
     * From out-of-fold readings of a sign's (or level's) own phrasings and of ordinary messages: alarm at the
     * highest value that still finds {@value #ALARM_RECALL} of them, ask from the one that finds
     * {@value #CHECK_RECALL}, each high enough that ordinary messages (which mostly are current: "sore bum
     * after sitting all day") rarely reach it.
     */
    private static Thresholds thresholds(List<Double> own, List<Double> ordinary) {
        own.sort(null);
        ordinary.sort(null);
        double alarm = Math.max(Math.max(0.2, quantile(own, 1 - ALARM_RECALL)), quantile(ordinary, 1 - ORDINARY_ALARMS));
        double check = Math.max(Math.max(0.05, quantile(own, 1 - CHECK_RECALL)), quantile(ordinary, 1 - ORDINARY_CHECKS));
        return new Thresholds(round(alarm), round(Math.min(alarm, check)));
    }

    private static double quantile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) return 0.5;
        int i = (int) Math.floor(q * (sorted.size() - 1));
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static double[] round(double[] w) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) out[i] = Math.round(w[i] * 1e5) / 1e5;
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
