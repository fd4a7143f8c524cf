package com.sciaticachat.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sciaticachat.analysis.EnglishWords;
import com.sciaticachat.config.Config;
import com.sciaticachat.embed.MiniLmEmbedder;
import com.sciaticachat.eval.EvalSet;
import com.sciaticachat.eval.SafetyFit;
import com.sciaticachat.eval.WeightsRecord;
import com.sciaticachat.eval.SafetyReport;
import com.sciaticachat.safety.Phrasings;
import com.sciaticachat.safety.RedFlagDetector;
import com.sciaticachat.safety.RedFlagMatcher;
import com.sciaticachat.safety.SafetyModel;
import com.sciaticachat.safety.SafetyRules;
import com.sciaticachat.safety.SecondReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code eval --safety} and {@code eval --fit-safety}: the red-flag triage measured, and its model fitted. */
final class SafetyCommand {
    static final String DEFAULT_OUT = "src/main/resources/model/safety-model.json";

    private SafetyCommand() {}

    static int run(Config config, Args args, PrintStream out, PrintStream err) throws IOException {
        Path file = config.corpusDir().resolve(SafetyRules.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            err.println("Error: " + file + " is missing; the triage needs the clinic's safety rules.");
            return Main.FAILED;
        }
        SafetyRules.Result parsed = SafetyRules.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        if (parsed.rules() == null) {
            parsed.errors().forEach(e -> err.println(e));
            return Main.FAILED;
        }
        SafetyRules rules = parsed.rules();
        RedFlagMatcher matcher = new RedFlagMatcher(rules, EnglishWords.get());
        if (args.flags().containsKey("fit-safety")) {
            List<String> questions = EvalSet.bundled(EvalSet.BUNDLED_QUESTIONS).cases().stream().map(EvalSet.Case::question).toList();
            boolean neighboursOnly = args.flags().containsKey("neighbours-only");
            SafetyFit.Fitted fitted = neighboursOnly
                    ? SafetyFit.neighboursOnly(SafetyModel.bundled(), Phrasings.bundled(), questions, rules, MiniLmEmbedder.shared())
                    : SafetyFit.fit(Phrasings.bundled(), questions, rules, MiniLmEmbedder.shared(), WeightsRecord.commit(), out);
            Path target = Path.of(args.flags().getOrDefault("out", DEFAULT_OUT));
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(target.toFile(), fitted.model());
            Path neighbours = target.resolveSibling(com.sciaticachat.safety.Neighbours.FILE_NAME);
            Files.write(neighbours, fitted.neighbours());
            if (fitted.readings() == null) {
                out.println("Wrote " + target + " (its nearest-neighbours vote only) and " + neighbours);
                return Main.OK;
            }
            Path readings = target.resolveSibling(com.sciaticachat.safety.SafetyGate.Readings.FILE_NAME);
            Files.writeString(readings, fitted.readings(), StandardCharsets.UTF_8);
            out.println("Wrote " + target + ", " + readings + " and " + neighbours);
            return Main.OK;
        }
        Phrasings set = args.positional().isEmpty() ? Phrasings.bundled() : Phrasings.read(Path.of(args.positional().get(0)));
        SafetyReport report = SafetyReport.run(set, rules, matcher, new RedFlagDetector(SafetyModel.bundled(), MiniLmEmbedder.shared()),
                SecondReader.bundled());
        report.print(set.name(), out, args.flags().containsKey("misses"));
        boolean ok = true;
        SafetyReport.Figures f = report.figures();
        String min = args.flags().get("min-redflag"), max = args.flags().get("max-false-alarm");
        if (min != null) ok &= limit(out, "red flags alarmed at the right level", f.rightLevel(), Double.parseDouble(min), true);
        if (max != null) ok &= limit(out, "calm messages alarmed", f.falseAlarms(), Double.parseDouble(max), false);
        return ok ? Main.OK : Main.FAILED;
    }

    private static boolean limit(PrintStream out, String label, double v, double bound, boolean minimum) {
        boolean pass = minimum ? v >= bound : v <= bound;
        out.printf(Locale.ROOT, "  %s %s: %.1f%% (%s %.1f%%)%n", pass ? "PASS" : "FAIL", label, 100 * v, minimum ? "at least" : "at most",
                100 * bound);
        return pass;
    }

}
