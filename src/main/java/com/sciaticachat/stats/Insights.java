package com.sciaticachat.stats;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** What the service learns from visitors for staff: the daily counts and the feedback on answers. */
public record Insights(VisitorStatistics statistics, FeedbackLog feedback) implements Closeable {
    /** Feedback entries kept (the newest). */
    public static final int FEEDBACK_KEPT = 5_000;

    /** @param statisticsFile where the counts are kept; @param feedbackFile where the feedback is kept */
    public static Insights open(Path statisticsFile, Path feedbackFile) throws IOException {
        return new Insights(new VisitorStatistics(statisticsFile, Clock.systemUTC()), new FeedbackLog(feedbackFile, FEEDBACK_KEPT));
    }

    @Override
    public void close() throws IOException {
        statistics.close();
    }
}
