package com.sciaticachat.stats;

import com.sciaticachat.store.Database;
import com.sciaticachat.store.FeedbackStore;
import com.sciaticachat.store.StatisticsStore;
import java.io.Closeable;
import java.nio.file.Path;
import java.time.Clock;

/** What the service learns from visitors for staff: the daily counts and the feedback on answers. */
public record Insights(VisitorStatistics statistics, FeedbackLog feedback, Database store) implements Closeable {
    /** Feedback entries kept (the newest). */
    public static final int FEEDBACK_KEPT = 5_000;

    /**
     * Over the store; an earlier version's files ({@code statisticsFile}, {@code feedbackFile}) are imported once
     * into an empty store.
     */
    public static Insights open(Database db, Path statisticsFile, Path feedbackFile) {
        VisitorStatistics statistics = new VisitorStatistics(new StatisticsStore(db), Clock.systemUTC());
        statistics.importOnce(statisticsFile);
        FeedbackLog feedback = new FeedbackLog(new FeedbackStore(db), FEEDBACK_KEPT);
        feedback.importOnce(feedbackFile);
        return new Insights(statistics, feedback, db);
    }

    @Override
    public void close() {
        statistics.close();
    }
}
