package com.sciaticachat.safety;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what a message needs, safety-wise, before anything is looked up: an urgent reply, one check
 * question, a calm caution beside the answer, or nothing.
 *
 * <ul>
 *   <li><b>Urgent</b> when a phrase rule of {@code safety.yml} matches, unless the message reads clearly as
 *       not happening now (a question about the condition, a past episode, someone's history); or when the
 *       detector reads a sign at its alarm threshold in a message that reads as current.</li>
 *   <li><b>Check</b> when an emergency sign is likely but not certain: the chat asks once, naming the
 *       emergency signs, rather than guess; when the message's nearest neighbours are ordinary visitor
 *       questions ({@link Neighbours}), the caution instead.</li>
 *   <li><b>Caution</b> when the message asks about a red-flag condition: the answer comes with the warning
 *       signs and what to do if they appear.</li>
 * </ul>
 * Then the {@link SecondReader} re-reads an alarm or a check question ({@link #reread}).
 * The level always comes from the rule with the sign's id in {@code safety.yml}: a sign the clinic's file
 * does not have never alarms.
 */
public final class Triage {

    public enum Outcome { URGENT, CHECK, CAUTION, NONE }

    /** Which parts decide: the phrase rules alone, the detector alone, or both (the chat). */
    public enum Mode { RULES, DETECTOR, BOTH }

    /**
     * @param level       the most urgent level found (URGENT), or the level the check is about (CHECK), else null
     * @param signs       the signs in the safety file's words: those found (URGENT), or the emergency signs to
     *                    ask about or watch for (CHECK, CAUTION)
     * @param signIds     their ids
     * @param someoneElse the message tells of someone else's sign
     */
    /**
     * What to do about a message. {@code suspected}: for a check question about every emergency sign, the
     * ids of the signs the message itself seemed to describe (what a "yes" confirms); empty otherwise.
     */
    public record Verdict(Outcome outcome, SafetyRules.Level level, List<String> signs, List<String> signIds, boolean someoneElse,
                          List<String> suspected) {
        public static final Verdict NONE = new Verdict(Outcome.NONE, null, List.of(), List.of(), false);

        public Verdict(Outcome outcome, SafetyRules.Level level, List<String> signs, List<String> signIds, boolean someoneElse) {
            this(outcome, level, signs, signIds, someoneElse, List.of());
        }
    }

    private final SafetyRules rules;
    private final RedFlagMatcher matcher;
    private final RedFlagDetector detector;
    private final SecondReader reader;

    public Triage(SafetyRules rules, RedFlagMatcher matcher, RedFlagDetector detector) {
        this(rules, matcher, detector, null);
    }

    /** With the {@link SecondReader} re-reading what the rules and the detector find (null: without it). */
    public Triage(SafetyRules rules, RedFlagMatcher matcher, RedFlagDetector detector, SecondReader reader) {
        this.rules = rules;
        this.matcher = matcher;
        this.detector = detector;
        this.reader = reader;
    }

    public Verdict assess(String message) {
        // what is not happening now, read once for the rules and the detector
        NotNow.Split notNow = NotNow.split(RedFlagDetector.wholeView(message));
        RedFlagMatcher.Reading found = matcher.read(message, notNow);
        Wording wording = Wording.of(message).with(found);
        return settle(message, wording, decide(wording, found.finding(), rules.rules().isEmpty() ? null : detector.detect(message, notNow),
                Mode.BOTH));
    }

    /**
     * The final reading of what {@link #decide} found: the second reader's ({@link #reread}), then leaks on a strain and pain
     * in the seat told with no change of feeling ("hurts deep in my butt cheek, will you rub that spot?") is asked about saddle numbness
     * (the check keeps the 911 link) rather than sent to 911 for it, whichever part raised the alarm.
     */
    public Verdict settle(String message, Wording wording, Verdict decided) {
        Verdict v = reread(message, decided, ruledOut(wording), wording.ruleFinds());
        // leaks with a sneeze or a cough stay the check question too: the second reader confirms "leaked a little pee
        // when I sneezed" as loss of bladder control, which the wording says it is not (OnStrain)
        boolean seatOnly = !wording.feelingTold() && rules.saddleArea().containsAll(v.signIds());
        if (v.outcome() == Outcome.URGENT && (seatOnly || leaksOnStrain(wording, v.signIds()))) {
            return check(new LinkedHashSet<>(v.signIds()), v.someoneElse());
        }
        return v;
    }

    /**
     * The second reader's opinion on an alarm or a check question (anything else is left as it is, so an ordinary
     * question never pays for it): an alarm for a message it reads as calm almost surely becomes the check question
     * about the same signs, which still offers the 911 link; a check question about a sign it reads as told now becomes
     * the alarm, at that sign's level in the clinic's file; a check question, or an emergency alarm no rule of the
     * clinic raised, for a message it has read whole and is all but certain is calm is not put: the answer comes, with
     * the emergency signs beside it when they were the worry.
     */
    public Verdict reread(String message, Verdict v, Set<String> ruledOut, boolean ruleFinds) {
        if (reader == null || v.outcome() != Outcome.URGENT && v.outcome() != Outcome.CHECK) return v;
        SecondReader.Opinion o = reader.opinion(message);
        SecondReader.Settings s = reader.settings();
        if (v.outcome() == Outcome.URGENT) {
            // all but certain of calm, having read the whole message, an emergency alarm the detector alone raised is
            // dismissed as a check question is, the emergency signs beside the answer ("why would the therapist rub her
            // calves?"); not one a clinic's rule found ("i think i broke my back": the reader reads it calm), nor a long
            // story cut where the reader stops, with a sign told after that
            if (!ruleFinds && v.level() == SafetyRules.Level.EMERGENCY && o.calm() >= s.dismiss() && o.whole()) return dismissed(v);
            return o.calm() >= s.veto() ? check(new LinkedHashSet<>(v.signIds()), v.someoneElse()) : v;
        }
        // not a sign the wording rules out ("hurt my back lifting, is massage safe?" is no injury, whatever it reads)
        if (o.sign() != null && rules.rule(o.sign()) != null && !ruledOut.contains(o.sign()) && o.signProbability() >= s.confirm()) {
            return verdict(Outcome.URGENT, new LinkedHashSet<>(List.of(o.sign())), v.someoneElse());
        }
        if (o.calm() >= s.dismiss() && o.whole()) return dismissed(v);
        return v;
    }

    /** A reading the second reader is all but certain is calm: answered, with the emergency signs beside it when they were the worry. */
    private Verdict dismissed(Verdict v) {
        return v.level() == SafetyRules.Level.EMERGENCY ? emergencySigns(Outcome.CAUTION, v.someoneElse()) : Verdict.NONE;
    }

    /**
     * What the decision needs of the message's own words: whether it tells of someone else, whether it asks (and
     * whether it asks in general: a question word opens it and it names nobody), the
     * signs whose rule needs something ({@code with:}, back pain for most) that the message only denies
     * ({@link RedFlagMatcher.Reading#needsDenied}): the detector's reading of those does not count; and whether the rules
     * find a sign only in what is not happening now ({@link RedFlagMatcher.Reading#notNow}): asked about, it gets the
     * calm caution; and whether a rule of the clinic finds a sign at all (an alarm one raised is never dismissed).
     */
    public record Wording(boolean someoneElse, boolean asks, boolean asksInGeneral, Set<String> needsDenied, boolean signNotNow,
                          Set<String> signsDenied, boolean oneSided, boolean inTheLegs, boolean asksIfSerious,
                          boolean inAPosition, boolean feelingTold, boolean onStrain, boolean liftingStrain, boolean ruleFinds) {

        /** The wording without the rules: no sign's need is read as denied. */
        public static Wording of(String message) {
            message = RedFlagDetector.reading(message);
            double[] cues = Framing.cues(message);
            // opens with a question word and names nobody: "is sciatica usually on both sides?"
            boolean general = cues[1] > 0 && cues[6] == 0 && cues[7] == 0;
            boolean asks = cues[0] > 0 || cues[1] > 0 || cues[2] > 0;
            return new Wording(Framing.aboutSomeoneElse(message), asks, general, Set.of(), false, Set.of(),
                    OneSided.only(message), InTheLegs.only(message), asks && WorryQuestion.about(message), InAPosition.only(message),
                    ChangeOfFeeling.told(message), OnStrain.only(message), LiftingStrain.only(message), false);
        }

        /** The wording with what the rules read of the message. */
        public Wording with(RedFlagMatcher.Reading found) {
            return new Wording(someoneElse, asks, asksInGeneral, Set.copyOf(found.needsDenied()), !found.notNow().isEmpty(),
                    Set.copyOf(found.signsDenied()), oneSided, inTheLegs, asksIfSerious, inAPosition, feelingTold, onStrain, liftingStrain,
                    found.finding() != null);
        }
    }

    /** Whether the signs (never none) are all of bladder control and the message ties its leaks to a strain or a hurry. */
    private boolean leaksOnStrain(Wording wording, java.util.Collection<String> signs) {
        return wording.onStrain() && rules.bladderControl().containsAll(signs);
    }

    /** The signs a message's words rule out, whichever part reads them. */
    private Set<String> ruledOut(Wording wording) {
        Set<String> out = new LinkedHashSet<>();
        if (wording.oneSided()) out.addAll(rules.bothSides());
        if (wording.inTheLegs()) out.addAll(rules.saddleArea());
        // "hurt my back lifting drywall": a strain, not the fall or accident the injury sign is about (LiftingStrain)
        if (wording.liftingStrain()) out.addAll(rules.injury());
        return out;
    }

    /** From the message's wording, the rules' finding (or null) and the detector's reading (or null when the detector is off). */
    public Verdict decide(Wording wording, RedFlagMatcher.Finding finding, RedFlagDetector.Detection d, Mode mode) {
        // signs the message's words rule out, whichever part reads them: "it's only down my left leg" is not both legs,
        // "numbness in my left buttock" not the saddle area (never one-sided), and "my leg's gone numb" not either
        Set<String> ruledOut = ruledOut(wording);
        if (d != null && !wording.needsDenied().isEmpty()) d = d.without(wording.needsDenied());
        if (d != null && !ruledOut.isEmpty()) d = d.without(ruledOut);
        List<String> ruleIds = finding == null || mode == Mode.DETECTOR ? List.of() : finding.ruleIds();
        if (!ruledOut.isEmpty()) ruleIds = ruleIds.stream().filter(id -> !ruledOut.contains(id)).toList();
        boolean someoneElse = wording.someoneElse();
        if (mode == Mode.RULES || d == null) {
            return ruleIds.isEmpty() ? Verdict.NONE : verdict(Outcome.URGENT, new LinkedHashSet<>(ruleIds), someoneElse);
        }
        SafetyModel.Gates g = detector.model().gates();
        double current = d.current();
        Set<String> alarm = new LinkedHashSet<>();
        Set<String> unsure = new LinkedHashSet<>();
        for (String id : ruleIds) {
            if (current >= g.ruleGate(rules.rule(id))) alarm.add(id);
            else if (current >= g.checkCurrent()) unsure.add(id);
        }
        boolean signCertain = false;
        for (SafetyModel.Sign s : detector.model().signs()) {
            if (rules.rule(s.id()) == null) continue;
            double p = d.signs().getOrDefault(s.id(), 0.0);
            signCertain |= p >= s.alarm();
            if (p >= s.alarm() && current >= g.detectorCurrent()) alarm.add(s.id());
            else if (p >= s.check() && current >= g.checkCurrent()) unsure.add(s.id());
        }
        for (SafetyModel.LevelThresholds lt : detector.model().levels() == null ? List.<SafetyModel.LevelThresholds>of() : detector.model().levels()) {
            LevelMass mass = levelMass(d, lt.level());
            if (mass.likeliest() == null) continue;
            // a level's belief spread thin over its signs, none of them likely enough to ask about on its own ("Back pain
            // few days. Can come tomorrow?": trauma 0.31, fever 0.24, infection 0.16, night pain 0.13) asks, not alarms
            boolean spread = d.signs().getOrDefault(mass.likeliest(), 0.0) < signCheck(mass.likeliest());
            if (mass.sum() >= lt.alarm() && current >= g.detectorCurrent() && !spread) alarm.add(mass.likeliest());
            else if (mass.sum() >= lt.check() && current >= g.checkCurrent()) unsure.add(mass.likeliest());
        }
        if (!alarm.isEmpty()) {
            // legs that go to sleep in a posture that presses on them ("when I sit cross-legged"): asked, not sent to 911
            if (wording.inAPosition() && rules.bothSides().containsAll(alarm)) return check(alarm, someoneElse);
            // leaks with a sneeze or a cough, or not getting there in time: asked, not sent to 911 (OnStrain)
            if (leaksOnStrain(wording, alarm)) return check(alarm, someoneElse);
            return verdict(Outcome.URGENT, alarm, someoneElse);
        }
        // no check question about a see-a-doctor sign the message itself denies ("lower back pain, no fever, can I book?":
        // not "fever?"); an emergency sign is still asked about ("never incontinent before" may tell of now)
        unsure.removeIf(id -> wording.signsDenied().contains(id) && rules.rule(id).level() != SafetyRules.Level.EMERGENCY);
        if (!unsure.isEmpty()) {
            // unsure, among ordinary visitor questions: answered like them, with the emergency signs beside; not when
            // only the timing is unsure and the sign itself is certain, nor when a clinic's rule finds an emergency sign
            // in what is not a question in general ("my bum is numb, also what stretches help?", "possible CE per doc"):
            // that one gets the check question ("is sciatica usually on both sides?" still gets the caution)
            boolean ruleEmergency = ruleFindsEmergency(unsure, ruleIds) && !wording.asksInGeneral();
            if (!signCertain && !ruleEmergency && nearestAreOrdinary(d)) return emergencySigns(Outcome.CAUTION, someoneElse);
            Verdict check = check(unsure, someoneElse);
            // where the detector is unsure, the nearest phrasings may not be: mostly red flags, and it is one
            // (not leaks on a strain or in a hurry, whatever the nearest phrasings: those stay the check question)
            boolean onStrain = leaksOnStrain(wording, unsure);
            return !onStrain && nearestAreRedFlags(d, check.level() == SafetyRules.Level.EMERGENCY) ? confirm(check) : check;
        }
        // "is sciatica dangerous?": what the warning signs answer, though it names none
        if (wording.asks() && (!ruleIds.isEmpty() || wording.signNotNow() || d.strongest() >= g.caution() || wording.asksIfSerious())) {
            return emergencySigns(Outcome.CAUTION, someoneElse);
        }
        return Verdict.NONE;
    }

    /** Whether one of the signs the chat is unsure of is an emergency sign that a rule of the clinic found. */
    private boolean ruleFindsEmergency(Set<String> unsure, List<String> ruleIds) {
        for (String id : ruleIds) {
            if (unsure.contains(id) && rules.rule(id).level() == SafetyRules.Level.EMERGENCY) return true;
        }
        return false;
    }

    private Verdict check(Set<String> unsure, boolean someoneElse) {
        boolean emergency = unsure.stream().map(rules::rule).anyMatch(r -> r.level() == SafetyRules.Level.EMERGENCY);
        if (emergency) {
            Verdict v = emergencySigns(Outcome.CHECK, someoneElse);
            return new Verdict(Outcome.CHECK, v.level(), v.signs(), v.signIds(), someoneElse, List.copyOf(unsure));
        }
        Verdict v = verdict(Outcome.CHECK, unsure, someoneElse);
        return new Verdict(Outcome.CHECK, SafetyRules.Level.SEE_DOCTOR, v.signs(), v.signIds(), someoneElse);
    }

    /**
     * Whether the message sits among ordinary visitor questions rather than red flags: where the detector is
     * unsure, it is then answered like them, with the calm caution instead of the check question. Never
     * without the message's embedding, so the safety gate's stored readings keep every check.
     */
    private boolean nearestAreOrdinary(RedFlagDetector.Detection d) {
        SafetyModel.NeighbourVote vote = detector.model().neighbours();
        if (vote == null || vote.quietShare() <= 0 || d.embedding() == null || detector.model().phrasings() == null) return false;
        Neighbours near = Neighbours.bundled(detector.model().phrasings());
        return near != null && near.ordinaryQuestions() > 0 && near.redShareWithQuestions(d.embedding(), vote.k()) <= vote.quietShare();
    }

    /** The nearest-phrasings vote ({@link Neighbours}), when the model names one and the reading has the message's embedding. */
    private boolean nearestAreRedFlags(RedFlagDetector.Detection d, boolean emergency) {
        SafetyModel.NeighbourVote vote = detector.model().neighbours();
        if (vote == null || d.embedding() == null || detector.model().phrasings() == null) return false;
        Neighbours near = Neighbours.bundled(detector.model().phrasings());
        double share = vote.share(emergency);
        return share > 0 && near != null && near.redShare(d.embedding(), vote.k()) >= share;
    }

    /** A sign's own check threshold (1 for a sign the model does not know). */
    private double signCheck(String id) {
        for (SafetyModel.Sign s : detector.model().signs()) if (s.id().equals(id)) return s.check();
        return 1;
    }

    private record LevelMass(double sum, String likeliest) {}

    /** The summed probability of a level's signs (as {@code safety.yml} levels them), and the likeliest of them. */
    private LevelMass levelMass(RedFlagDetector.Detection d, String level) {
        double sum = 0, top = -1;
        String likeliest = null;
        for (Map.Entry<String, Double> e : d.signs().entrySet()) {
            SafetyRules.Rule r = rules.rule(e.getKey());
            if (r == null || !r.level().value.equals(level)) continue;
            sum += e.getValue();
            if (e.getValue() > top) {
                top = e.getValue();
                likeliest = e.getKey();
            }
        }
        return new LevelMass(sum, likeliest);
    }

    /** The visitor answered yes to the check question: the urgent reply, at the level and with the signs it asked about. */
    public Verdict confirm(Verdict asked) {
        if (asked.outcome() != Outcome.CHECK) return emergencySigns(Outcome.URGENT, asked.someoneElse());
        if (!asked.suspected().isEmpty()) {
            // "yes" to a list of every emergency sign: what the visitor described is what the message suggested,
            // not all of them
            Verdict v = verdict(Outcome.URGENT, new LinkedHashSet<>(asked.suspected()), asked.someoneElse());
            return new Verdict(Outcome.URGENT, asked.level(), v.signs(), v.signIds(), asked.someoneElse());
        }
        return new Verdict(Outcome.URGENT, asked.level(), asked.signs(), asked.signIds(), asked.someoneElse());
    }

    private Verdict verdict(Outcome outcome, Set<String> ids, boolean someoneElse) {
        SafetyRules.Level level = null;
        List<String> kept = new ArrayList<>();
        for (SafetyRules.Rule r : rules.rules()) {
            if (!ids.contains(r.id())) continue;
            kept.add(r.id());
            if (level == null || r.level() == SafetyRules.Level.EMERGENCY) level = r.level();
        }
        return new Verdict(outcome, level, rules.signs(kept, com.sciaticachat.analysis.Language.ENGLISH), List.copyOf(kept), someoneElse);
    }

    /** The emergency signs of the safety file a visitor can notice, for a check question or a caution. */
    private Verdict emergencySigns(Outcome outcome, boolean someoneElse) {
        Verdict v = verdict(outcome, new LinkedHashSet<>(rules.emergencySignIds()), someoneElse);
        return new Verdict(outcome, outcome == Outcome.CAUTION ? null : SafetyRules.Level.EMERGENCY, v.signs(), v.signIds(), someoneElse);
    }
}
