package com.sciaticachat.cli;

import com.sciaticachat.config.Config;
import com.sciaticachat.eval.Baselines;
import com.sciaticachat.corpus.VisitorQuestionsFile;
import com.sciaticachat.eval.Calibrator;
import com.sciaticachat.eval.CrossValidation;
import com.sciaticachat.eval.EvalSet;
import com.sciaticachat.eval.Evaluator;
import com.sciaticachat.eval.RankingFit;
import com.sciaticachat.search.LiveIndex;
import com.sciaticachat.eval.WeightsRecord;
import com.sciaticachat.search.Weights;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** {@code eval}: accuracy of the real pipeline on a labelled question set, with pass/fail thresholds. */
final class EvalCommand {
    private EvalCommand() {}

    /** Where {@code eval --fit} and {@code --fit-ranking} write the weights, unless {@code --out} says otherwise. */
    static final String DEFAULT_WEIGHTS = "src/main/resources" + Weights.RESOURCE;

    private record Threshold(String flag, String label, boolean minimum, ToDoubleFunction<Evaluator.Report> measure) {}

    private static final List<Threshold> THRESHOLDS = List.of(
            new Threshold("min-top1", "in-domain answered right first", true, Evaluator.Report::inDomainTop1),
            new Threshold("min-top3", "in-domain right in top 3", true, Evaluator.Report::inDomainTop3),
            new Threshold("min-declined", "off-topic declined", true, Evaluator.Report::offTopicDeclined),
            new Threshold("min-redflag", "red flags caught", true, Evaluator.Report::redFlagRecall),
            new Threshold("max-false-alarm", "false alarms", false, Evaluator.Report::falseAlarmRate),
            new Threshold("min-smalltalk", "small talk recognised", true, Evaluator.Report::smallTalk));

    static int run(Config config, Args args, PrintStream out, PrintStream err) throws IOException, LiveIndex.StartupException {
        if (args.flags().containsKey("fit-safety") || args.flags().containsKey("safety")) return SafetyCommand.run(config, args, out, err);
        if (args.flags().containsKey("followups")) {
            if (args.positional().isEmpty()) {
                err.println("Error: eval --followups needs the pairs' file.");
                return Main.USAGE;
            }
            try (com.sciaticachat.Application app = com.sciaticachat.Application.open(config)) {
                Path file = Path.of(args.positional().get(0));
                com.sciaticachat.eval.FollowUpSet.Figures inContext = com.sciaticachat.eval.FollowUpSet.run(app.chat(), file, true);
                com.sciaticachat.eval.FollowUpSet.print(inContext, file.toString(), out);
                if (args.flags().containsKey("misses")) com.sciaticachat.eval.FollowUpSet.printMisses(inContext, out);
                out.println("Asked alone (no history):");
                com.sciaticachat.eval.FollowUpSet.print(com.sciaticachat.eval.FollowUpSet.run(app.chat(), file, false), file.toString(), out);
            }
            return Main.OK;
        }
        String split = args.flags().getOrDefault("split", "all");
        if (!List.of("tune", "holdout", "all").contains(split)) {
            err.println("Error: --split is tune, holdout or all.");
            return Main.USAGE;
        }
        Map<Threshold, Double> limits = new LinkedHashMap<>();
        for (Threshold t : THRESHOLDS) {
            String v = args.flags().get(t.flag());
            if (v == null) continue;
            try {
                double d = Double.parseDouble(v);
                if (!(d >= 0 && d <= 1)) throw new NumberFormatException();
                limits.put(t, d);
            } catch (NumberFormatException e) {
                err.println("Error: --" + t.flag() + " takes a number from 0 to 1, not '" + v + "'.");
                return Main.USAGE;
            }
        }
        EvalSet set = args.positional().isEmpty() ? EvalSet.bundled()
                : EvalSet.read(Path.of(args.positional().get(0)));
        set = set.split(split);
        if (args.flags().containsKey("baselines")) {
            Baselines.run(config, set, out);
            return Main.OK;
        }
        int folds;
        try {
            folds = Integer.parseInt(args.flags().getOrDefault("folds", Integer.toString(CrossValidation.DEFAULT_FOLDS)));
            if (folds < 2 || folds > 50) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            err.println("Error: --folds takes a whole number from 2 to 50.");
            return Main.USAGE;
        }
        CrossValidation cv = new CrossValidation(config, folds);
        if (args.flags().containsKey("fit-ranking") || args.flags().containsKey("fit")) {
            // either refits its part of the shipped weights and writes the whole file, with what it was fitted on
            Weights w = Weights.bundled();
            String part;
            if (args.flags().containsKey("fit-ranking")) {
                w = RankingFit.fit(config, set, w);
                part = "blend and unfiledCalibration";
            } else {
                w = w.withCalibration(Calibrator.fit(cv, set));
                part = "calibration";
            }
            w = WeightsRecord.record(w, part, config, set);
            Path target = Path.of(args.flags().getOrDefault("out", DEFAULT_WEIGHTS));
            new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(target.toFile(), w);
            out.println("Wrote " + target);
            return Main.OK;
        }
        int filed = cv.filed(set);
        if (filed > 0) {
            out.printf(Locale.ROOT, "%d of these questions %s filed (in the chat's training questions, %s or a section's alternates): each is answered by an%n"
                    + "index built without it (%d-fold cross-validation), as a new visitor asking it would be.%n%n",
                    filed, filed == 1 ? "is" : "are", VisitorQuestionsFile.FILE_NAME, folds);
        }
        Evaluator.Report report = cv.evaluate(set);
        Evaluator.print(report, set.name(), out);
        boolean ok = true;
        for (Map.Entry<Threshold, Double> limit : limits.entrySet()) {
            Threshold t = limit.getKey();
            double v = t.measure().applyAsDouble(report);
            boolean pass = Double.isNaN(v) || (t.minimum() ? v >= limit.getValue() : v <= limit.getValue());
            out.printf(Locale.ROOT, "  %s %s: %.1f%% (%s %.1f%%)%n", pass ? "PASS" : "FAIL", t.label(), 100 * v,
                    t.minimum() ? "at least" : "at most", 100 * limit.getValue());
            ok &= pass;
        }
        return ok ? Main.OK : Main.FAILED;
    }
}
