package com.sciaticachat.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.config.Config;
import com.sciaticachat.support.TestFiles;
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
    /*
     * The bars: the mean less three standard deviations (more, for the share answered wrong) of seven
     * cross-validations of the tune split that differ only in how its questions are dealt into folds
     * (eval --split tune --folds 3, 4, 5, 6, 7, 8, 10), rounded outwards to a tenth of a point. That spread is
     * how far the figure moves when borderline questions flip for reasons that are not a regression (another
     * fold, another CPU's rounding); a change that moves it further fails.
     *
     *                                              mean    sd     min    max    bar
     *   right first                                94.87   0.22   94.5   95.2   94.2
     *   right in the top 3                         99.71   0.04   99.7   99.8   99.6
     *   right section in the reply                 98.69   0.07   98.6   98.8   98.4
     *   answered with another section (at most)     2.91   0.11    2.8    3.1    3.3
     *   off-topic declined                         96.84   0.22   96.5   97.1   96.1
     *
     * The top-3 bar is 99.5: the safety model that reads level sums (held-out round 5) asks its check question
     * for two tune "story" questions that tell of a fall and a car crash before the leg pain, a NICE red flag
     * (possible fracture) the retrieval labels had not counted as one; it gives 99.55%. The bar is 99.4 since the
     * model that reads a short message apart from its closing question (the cauda equina refit): it asks or alarms
     * for seven more tune questions, four of them NICE red flags ("my leg gives way sometimes when i walk", "slipped on
     * ice and landed on my back") and three not ("epidural injecton" gets the check question; a fall "years ago" and
     * "my back bones are old and worn" the see-a-doctor alarm), and for two fewer; it gives 99.45%, right first
     * 94.7 → 94.4%. The bar is 94.0 since a question that asks which of two is better is not answered by a section
     * that never compares: seven tune questions such as "is heat or ice better for sciatic pain" (the guide says hot or
     * cold packs "might offer temporary relief", not which) get the section as a chip with "the pages don't say which
     * is better"; it gives 94.2%.
     */
    static final double MIN_TOP1 = 0.940;
    static final double MIN_TOP3 = 0.994;
    /** Most in-domain misses are declined, which a worried visitor can act on; a confident wrong answer is worse. */
    static final double MAX_WRONG = 0.033;
    /** The answer, or among the related sections offered: a visitor one click from the answer. */
    static final double MIN_OFFERED = 0.984;
    static final double MIN_DECLINED = 0.961;

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
        String shown = ReportTable.shown(report, set.name());
        assertTrue(report.inDomainTop1() >= MIN_TOP1, "in-domain right first " + report.inDomainTop1() + "\n" + shown);
        assertTrue(report.inDomainTop3() >= MIN_TOP3, "in-domain top 3 " + report.inDomainTop3() + "\n" + shown);
        assertTrue(report.inDomainOffered() >= MIN_OFFERED, "in-domain right section in the reply " + report.inDomainOffered() + "\n" + shown);
        assertTrue(report.inDomainWrong() <= MAX_WRONG, "in-domain answered wrong " + report.inDomainWrong() + "\n" + shown);
        assertTrue(report.offTopicDeclined() >= MIN_DECLINED, "off-topic declined " + report.offTopicDeclined() + "\n" + shown);
    }
}
