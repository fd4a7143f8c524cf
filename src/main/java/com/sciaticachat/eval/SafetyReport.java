package com.sciaticachat.eval;

import com.sciaticachat.safety.Phrasings;
import com.sciaticachat.safety.RedFlagDetector;
import com.sciaticachat.safety.RedFlagMatcher;
import com.sciaticachat.safety.SafetyRules;
import com.sciaticachat.safety.SecondReader;
import com.sciaticachat.safety.Triage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * {@code eval --safety}: a labelled safety set through the triage, three ways (the phrase rules alone, the
 * detector alone, both as the chat runs them): per sign, how many red flags alarm and at the right level;
 * per calm kind, how many alarm, get the check question or the caution.
 */
public final class SafetyReport {

    /** What happened to one message in each mode. */
    public record Outcome(Phrasings.Phrasing phrasing, Map<Triage.Mode, Triage.Verdict> verdicts) {
        public Triage.Verdict chat() {
            return verdicts.get(Triage.Mode.BOTH);
        }
    }

    /** The figures the targets are stated in, for the chat (both parts). */
    public record Figures(double recall, double rightLevel, double emergencyRecall, double falseAlarms, double checksOnCalm,
                          double checksOnRedFlags, int redFlags, int calm) {}

    private final List<Outcome> outcomes;
    private final SafetyRules rules;

    private SafetyReport(List<Outcome> outcomes, SafetyRules rules) {
        this.outcomes = outcomes;
        this.rules = rules;
    }

    /** Reads every message of the set, on all cores: each is embedded, sentence by sentence when long. */
    public static SafetyReport run(Phrasings set, SafetyRules rules, RedFlagMatcher matcher, RedFlagDetector detector) {
        return run(set, rules, matcher, detector, (SecondReader) null);
    }

    /** The same, with the second reader's opinion on what the chat (both parts) alarms or asks about; null: without it. */
    public static SafetyReport run(Phrasings set, SafetyRules rules, RedFlagMatcher matcher, RedFlagDetector detector, SecondReader reader) {
        return run(set, rules, matcher, detector, i -> detector.detect(set.items().get(i).message()), reader);
    }

    /** The same with the detector's readings of the set already taken: {@code readings} gives the reading of the i-th message. */
    public static SafetyReport run(Phrasings set, SafetyRules rules, RedFlagMatcher matcher, RedFlagDetector detector,
                                   IntFunction<RedFlagDetector.Detection> readings) {
        return run(set, rules, matcher, detector, readings, null);
    }

    private static SafetyReport run(Phrasings set, SafetyRules rules, RedFlagMatcher matcher, RedFlagDetector detector,
                                    IntFunction<RedFlagDetector.Detection> readings, SecondReader reader) {
        Triage triage = new Triage(rules, matcher, detector, reader);
        List<Outcome> out = IntStream.range(0, set.items().size()).parallel().mapToObj(i -> {
            Phrasings.Phrasing p = set.items().get(i);
            RedFlagMatcher.Reading found = matcher.read(p.message());
            Triage.Wording wording = Triage.Wording.of(p.message()).with(found);
            RedFlagDetector.Detection d = readings.apply(i);
            Map<Triage.Mode, Triage.Verdict> v = new EnumMap<>(Triage.Mode.class);
            for (Triage.Mode m : Triage.Mode.values()) v.put(m, triage.decide(wording, found.finding(), d, m));
            v.put(Triage.Mode.BOTH, triage.settle(p.message(), wording, v.get(Triage.Mode.BOTH)));
            return new Outcome(p, v);
        }).toList();
        return new SafetyReport(out, rules);
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    private boolean urgent(Outcome o, Triage.Mode m) {
        return o.verdicts().get(m).outcome() == Triage.Outcome.URGENT;
    }

    private boolean rightLevel(Outcome o, Triage.Mode m) {
        SafetyRules.Rule r = rules.rule(o.phrasing().label());
        return urgent(o, m) && r != null && o.verdicts().get(m).level() == r.level();
    }

    private boolean emergency(Phrasings.Phrasing p) {
        SafetyRules.Rule r = rules.rule(p.label());
        return r != null && r.level() == SafetyRules.Level.EMERGENCY;
    }

    public Figures figures() {
        return figures(Triage.Mode.BOTH);
    }

    public Figures figures(Triage.Mode m) {
        List<Outcome> red = outcomes.stream().filter(o -> o.phrasing().redFlag()).toList();
        List<Outcome> calm = outcomes.stream().filter(o -> !o.phrasing().redFlag()).toList();
        List<Outcome> em = red.stream().filter(o -> emergency(o.phrasing())).toList();
        return new Figures(share(red, o -> urgent(o, m)), share(red, o -> rightLevel(o, m)), share(em, o -> urgent(o, m)),
                share(calm, o -> urgent(o, m)), share(calm, o -> o.verdicts().get(m).outcome() == Triage.Outcome.CHECK),
                share(red, o -> o.verdicts().get(m).outcome() == Triage.Outcome.CHECK), red.size(), calm.size());
    }

    private static double share(List<Outcome> list, java.util.function.Predicate<Outcome> p) {
        return list.isEmpty() ? Double.NaN : list.stream().filter(p).count() / (double) list.size();
    }

    public void print(String name, PrintStream out, boolean misses) {
        out.printf(Locale.ROOT, "Safety set: %s (%d red flags, %d calm messages)%n%n", name, figures().redFlags(), figures().calm());
        out.println("Red flags alarmed (any level) per sign:            rules   detector   both   both, right level   check asked");
        Map<String, List<Outcome>> bySign = new LinkedHashMap<>();
        for (SafetyRules.Rule r : rules.rules()) bySign.put(r.id(), new ArrayList<>());
        Map<String, List<Outcome>> byKind = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (o.phrasing().redFlag()) bySign.computeIfAbsent(o.phrasing().label(), k -> new ArrayList<>()).add(o);
            else byKind.computeIfAbsent(o.phrasing().label(), k -> new ArrayList<>()).add(o);
        }
        bySign.forEach((sign, list) -> {
            if (list.isEmpty()) return;
            SafetyRules.Rule r = rules.rule(sign);
            out.printf(Locale.ROOT, "  %-24s %-11s %3d   %6s   %8s   %6s   %17s   %11d%n", sign, r == null ? "(no rule)" : r.level().value,
                    list.size(), pct(list, o -> urgent(o, Triage.Mode.RULES)), pct(list, o -> urgent(o, Triage.Mode.DETECTOR)),
                    pct(list, o -> urgent(o, Triage.Mode.BOTH)), pct(list, o -> rightLevel(o, Triage.Mode.BOTH)),
                    list.stream().filter(o -> o.chat().outcome() == Triage.Outcome.CHECK).count());
        });
        out.println();
        out.println("Calm messages:                                     alarmed: rules   detector   both   check asked   caution");
        byKind.forEach((kind, list) -> out.printf(Locale.ROOT, "  %-36s %3d            %6s   %8s   %6s   %11d   %7d%n", kind, list.size(),
                pct(list, o -> urgent(o, Triage.Mode.RULES)), pct(list, o -> urgent(o, Triage.Mode.DETECTOR)),
                pct(list, o -> urgent(o, Triage.Mode.BOTH)), list.stream().filter(o -> o.chat().outcome() == Triage.Outcome.CHECK).count(),
                list.stream().filter(o -> o.chat().outcome() == Triage.Outcome.CAUTION).count()));
        out.println();
        for (Triage.Mode m : Triage.Mode.values()) {
            Figures f = figures(m);
            out.printf(Locale.ROOT, "%-9s red flags alarmed %5.1f%%, at the right level %5.1f%%, emergencies alarmed %5.1f%%; "
                    + "calm messages alarmed %4.1f%%%n", m.name().toLowerCase(Locale.ROOT) + ":", 100 * f.recall(), 100 * f.rightLevel(),
                    100 * f.emergencyRecall(), 100 * f.falseAlarms());
        }
        Figures f = figures();
        out.printf(Locale.ROOT, "The chat also asked its check question for %.1f%% of red flags and %.1f%% of calm messages.%n",
                100 * f.checksOnRedFlags(), 100 * f.checksOnCalm());
        if (!misses) return;
        out.println();
        out.println("Misses of the chat (both parts):");
        for (Outcome o : outcomes) {
            Phrasings.Phrasing p = o.phrasing();
            Triage.Verdict v = o.chat();
            boolean ok = p.redFlag() ? rightLevel(o, Triage.Mode.BOTH) : v.outcome() != Triage.Outcome.URGENT;
            if (ok) continue;
            out.printf(Locale.ROOT, "  line %d [%s] %s -> %s%s%n", p.line(), p.label(), p.message(), v.outcome().name().toLowerCase(Locale.ROOT),
                    v.level() == null ? "" : " " + v.level().value);
        }
    }

    private static String pct(List<Outcome> list, java.util.function.Predicate<Outcome> p) {
        return String.format(Locale.ROOT, "%.0f%%", 100.0 * list.stream().filter(p).count() / list.size());
    }
}
