package com.sciaticachat.http;

import com.sciaticachat.chat.Reply;
import com.sciaticachat.search.LiveIndex;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * What {@code /metrics} reports, in Prometheus' text format (Micrometer): requests by route and status with
 * latency histograms, replies by status and the confidence of answers, reloads and their failures, the
 * index's generation and size, the inbox's size, the JVM and Jetty's thread pool.
 */
final class ServiceMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final DistributionSummary confidence;

    ServiceMetrics(ChatRef chat) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        index(chat, "sciatica.index.generation", "Goes up each time a new version of the corpus is swapped in", LiveIndex::generation);
        index(chat, "sciatica.index.sections", "Sections being served", i -> i.status().sections());
        index(chat, "sciatica.index.documents", "Documents being served", i -> i.status().documents());
        index(chat, "sciatica.corpus.errors", "Files in error (each serves its last good version)", i -> i.status().corpusErrors().size());
        FunctionCounter.builder("sciatica.reloads", chat, c -> c.ready() ? c.get().index().status().reloads() : 0)
                .description("Checks of the corpus for changes (by the watcher or the console)").register(registry);
        FunctionCounter.builder("sciatica.reloads.failed", chat, c -> c.ready() ? c.get().index().failedReloads() : 0)
                .description("Reloads that left a file in error or could not build; the last good version kept serving").register(registry);
        Gauge.builder("sciatica.inbox.open", chat, c -> c.ready() && c.get().inbox() != null ? c.get().inbox().openGroups() : 0)
                .description("Groups of unanswered questions waiting for staff").register(registry);
        confidence = DistributionSummary.builder("sciatica.answer.confidence").description("How sure the chat was of the answers it gave")
                .serviceLevelObjectives(0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99).register(registry);
    }

    private void index(ChatRef chat, String name, String description, ToDoubleFunction<LiveIndex> value) {
        Gauge.builder(name, chat, c -> c.ready() ? value.applyAsDouble(c.get().index()) : Double.NaN).description(description).register(registry);
    }

    void threadPool(QueuedThreadPool pool) {
        new JettyServerThreadPoolMetrics(pool, Tags.empty()).bindTo(registry);
    }

    /** One request answered, by its route (the matched path template, never the raw path) and status. */
    void request(Context ctx, float millis) {
        String route;
        try {
            route = ctx.endpoint() == null ? "other" : ctx.endpoint().path;
        } catch (RuntimeException none) {
            route = "other";
        }
        if (route.isEmpty()) route = "other";
        Timer.builder("http.server.requests").description("Requests by route and status")
                .tags("method", ctx.method().name().toUpperCase(Locale.ROOT), "route", route, "status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofSeconds(20))
                .register(registry).record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    /** A visitor's reply, by status; an answer's confidence. */
    void reply(Reply r) {
        Counter.builder("sciatica.replies").description("Replies to visitors by status").tag("status", r.status().value()).register(registry).increment();
        if (r.answer() != null && r.status() == Reply.Status.ANSWERED) confidence.record(r.answer().score());
    }

    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
