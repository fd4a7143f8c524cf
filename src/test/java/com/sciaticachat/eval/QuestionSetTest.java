package com.sciaticachat.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.config.Config;
import com.sciaticachat.support.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The bundled question set's tune split through the real pipeline, against the thresholds the product
 * promises: a change that breaks what was tuned fails here. The holdout is left out on purpose: it is a
 * measurement of questions the pipeline was never tuned on (reported by {@code eval --split holdout}), and
 * a test that had to pass on it would be pressure to tune on it. The tune questions are answered the way
 * {@code eval} answers them, cross-validated (see {@link CrossValidation}). The table is printed, so a
 * failing run shows what went wrong.
 */
class QuestionSetTest {
    /**
     * Cross-validated, the tune split gives 94.9% (with every holdout up to round 26 and the dev sets of
     * rounds 18 and 25, rounds 18 to 24's written to share little wording with it; filed, answering the
     * questions directly would give about 100% and prove nothing). Under a point below that (about 18 of
     * its 2,000 in-domain questions): a real regression fails, a borderline question flipping on another
     * CPU does not.
     */
    static final double MIN_TOP1 = 0.94;
    static final double MIN_TOP3 = 0.98;
    /**
     * Cross-validated, 2.8% of the tune split's in-domain questions are answered with another section (most
     * of the other misses are declined, which a worried visitor can act on). A point above that fails: a
     * change that buys right answers with confident wrong ones is not an improvement.
     */
    static final double MAX_WRONG = 0.04;
    /**
     * Cross-validated, 98.8% of the tune split's in-domain questions show the right section in the reply,
     * as the answer or among the related sections offered (for a declined question, the nearest ones): a
     * visitor who got a neighbouring section or an honest "no match" is one click from the answer.
     */
    static final double MIN_OFFERED = 0.98;
    /**
     * Cross-validated, 96.9% of the tune split's 543 off-topic questions are declined, among them the 35
     * hard ones about an appointment's practicalities added in round 17. Below that, for the same reason as
     * {@link #MIN_TOP1}.
     */
    static final double MIN_DECLINED = 0.95;

    @Test
    void the_tune_questions_meet_their_thresholds() throws Exception {
        EvalSet set = EvalSet.bundled(EvalSet.BUNDLED_QUESTIONS).split("tune");
        assertTrue(set.cases().size() >= 150, "at least 150 questions");
        // most tune questions are also filed in the training questions shipped with the chat: each is answered by an index
        // built without it, or the test would only show that a question matches its own copy
        Path corpus = TestFiles.copyOf(TestFiles.bundledCorpus());
        CrossValidation cv = new CrossValidation(Config.defaults().withDirs(corpus, corpus.resolveSibling("index")),
                CrossValidation.DEFAULT_FOLDS);
        assertTrue(cv.filed(set) > set.cases().size() / 2, "the tune questions are filed as visitors' questions");
        Evaluator.Report report = cv.evaluate(set);
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        Evaluator.print(report, set.name(), new PrintStream(table, true, StandardCharsets.UTF_8));
        String shown = table.toString(StandardCharsets.UTF_8);
        System.out.println(shown);
        assertTrue(report.inDomainTop1() >= MIN_TOP1, "in-domain right first " + report.inDomainTop1() + "\n" + shown);
        assertTrue(report.inDomainTop3() >= MIN_TOP3, "in-domain top 3 " + report.inDomainTop3() + "\n" + shown);
        assertTrue(report.inDomainOffered() >= MIN_OFFERED, "in-domain right section in the reply " + report.inDomainOffered() + "\n" + shown);
        assertTrue(report.inDomainWrong() <= MAX_WRONG, "in-domain answered wrong " + report.inDomainWrong() + "\n" + shown);
        assertTrue(report.offTopicDeclined() >= MIN_DECLINED, "off-topic declined " + report.offTopicDeclined() + "\n" + shown);
    }
}
