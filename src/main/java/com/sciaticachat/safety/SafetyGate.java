package com.sciaticachat.safety;

import com.sciaticachat.analysis.EnglishWords;
import com.sciaticachat.corpus.Corpus;
import com.sciaticachat.corpus.CorpusError;
import com.sciaticachat.eval.EvalSet;
import com.sciaticachat.index.CorpusReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a corpus whose safety rules would let a known red flag through: every red-flag phrasing of the
 * bundled safety set must still alarm at its level with the corpus's {@code safety.yml}, or the corpus is
 * not indexed and the last good one keeps serving. A corpus without a safety file is refused too.
 */
public final class SafetyGate implements CorpusReader.Check {
    private final List<EvalSet.Case> redFlags;

    public SafetyGate(EvalSet safetySet) {
        this.redFlags = safetySet.cases().stream().filter(c -> c.category().startsWith("redflag")).toList();
    }

    public static SafetyGate bundled() {
        try {
            return new SafetyGate(EvalSet.bundled(EvalSet.BUNDLED_SAFETY));
        } catch (IOException e) {
            throw new UncheckedIOException("the safety set is part of the jar", e);
        }
    }

    @Override
    public List<CorpusError> check(Corpus corpus) {
        String shown = corpus.shown(SafetyRules.FILE_NAME);
        if (!corpus.settingsFiles().containsKey(SafetyRules.FILE_NAME)) {
            return List.of(new CorpusError(shown, 0, "the safety rules are missing; the chat does not go live without them "
                    + "(restore corpus/" + SafetyRules.FILE_NAME + ")"));
        }
        SafetyRules.Result parsed = SafetyRules.parse(shown, corpus.settingsFile(SafetyRules.FILE_NAME));
        if (parsed.rules() == null) return List.of(); // its mistakes are reported by the file's own check
        RedFlagMatcher matcher = new RedFlagMatcher(parsed.rules(), EnglishWords.get());
        List<CorpusError> errors = new ArrayList<>();
        for (EvalSet.Case c : redFlags) {
            String expected = c.category().substring("redflag-".length());
            RedFlagMatcher.Finding f = matcher.check(c.question());
            String got = f == null ? "nothing" : f.level().value;
            if (!expected.equals(got)) {
                errors.add(new CorpusError(shown, 0, "with these rules, the red flag \"" + c.question() + "\" raises " + got
                        + " instead of " + expected + " (safety set line " + c.line() + "); the change was refused"));
            }
        }
        return errors;
    }
}
