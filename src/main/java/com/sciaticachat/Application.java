package com.sciaticachat;

import com.sciaticachat.analysis.EnglishWords;
import com.sciaticachat.chat.ChatService;
import com.sciaticachat.chat.Messages;
import com.sciaticachat.config.Config;
import com.sciaticachat.embed.Embedder;
import com.sciaticachat.embed.BackgroundEmbedder;
import com.sciaticachat.http.HttpApi;
import com.sciaticachat.index.CorpusReader;
import com.sciaticachat.index.IndexBuilder;
import com.sciaticachat.search.CorpusWatcher;
import com.sciaticachat.search.LiveIndex;
import java.time.Duration;
import com.sciaticachat.search.Retriever;
import com.sciaticachat.search.Scorer;
import com.sciaticachat.search.Weights;
import com.sciaticachat.staff.CorpusHistory;
import com.sciaticachat.safety.RedFlagDetector;
import com.sciaticachat.safety.SafetyGate;
import com.sciaticachat.safety.SafetyModel;
import com.sciaticachat.safety.SafetyRules;
import com.sciaticachat.safety.SmallTalk;
import com.sciaticachat.http.ChatRef;
import com.sciaticachat.inbox.UnansweredInbox;
import com.sciaticachat.stats.Insights;
import com.sciaticachat.store.Database;
import com.sciaticachat.store.CorpusStore;
import com.sciaticachat.store.InboxStore;
import com.sciaticachat.staff.CorpusSync;
import io.javalin.Javalin;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The chat assembled from its configuration: corpus reader, index, retrievers, chat service, and (when served) HTTP. */
public final class Application implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    /** The inbox keeps at most this many questions (the newest). */
    static final int INBOX_MAX_QUESTIONS = 10_000;

    private final Config config;
    private final LiveIndex index;
    private final ChatService chat;
    /** What must survive (inbox, feedback, statistics): null when nothing is kept (no staff console). */
    private final Database database;
    private final Insights insights;
    /** With a shared store: this replica's corpus kept the same as the others'. */
    private final CorpusSync sync;
    private Javalin http;
    private CorpusWatcher watcher;

    private Application(Config config, LiveIndex index, ChatService chat, Database database, Insights insights, CorpusSync sync) {
        this.sync = sync;
        this.config = config;
        this.index = index;
        this.chat = chat;
        this.database = database;
        this.insights = insights;
    }

    /**
     * The corpus reader with every check a corpus must pass: Markdown, synonyms, topics not covered, the
     * safety and small-talk files, and the safety gate (every known red flag still alarms).
     */
    public static CorpusReader corpusReader(Config config) {
        return corpusReader(config, BackgroundEmbedder.miniLm());
    }

    /** The same, with the embedder the safety gate uses should the jar's readings of its phrasings not match the model. */
    public static CorpusReader corpusReader(Config config, Embedder embedder) {
        // without safety rules nothing goes live: an old or broken copy with no good version served yet falls back on the
        // jar's own (an upgrade on an old corpus volume starts, and says what to fix)
        return corpusReader(config, embedder, com.sciaticachat.corpus.ShippedSettings.bundled(Set.of(SafetyRules.FILE_NAME)));
    }

    /** The same, with {@code shipped}: the settings files' own versions a broken one with nothing served before falls back on. */
    public static CorpusReader corpusReader(Config config, Embedder embedder, java.util.Map<String, String> shipped) {
        // the chat's own small talk, read once: an install's older one is said, not silently kept (a corpus volume kept across upgrades)
        String shippedText = com.sciaticachat.corpus.ShippedSettings.bundled(Set.of(SmallTalk.FILE_NAME)).get(SmallTalk.FILE_NAME);
        SmallTalk shippedSmallTalk = shippedText == null ? null : SmallTalk.parse(SmallTalk.FILE_NAME, shippedText).smallTalk();
        String training;
        try {
            training = com.sciaticachat.corpus.VisitorQuestionsFile.training(config.trainingFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the training questions could not be read", e);
        }
        return new CorpusReader(config.clinicName(), Set.of(SafetyRules.FILE_NAME, SmallTalk.FILE_NAME), List.of(
                c -> c.settingsFiles().containsKey(SafetyRules.FILE_NAME)
                        ? SafetyRules.parse(c.shown(SafetyRules.FILE_NAME), c.settingsFile(SafetyRules.FILE_NAME)).errors()
                        : List.of(),
                c -> {
                    if (!c.settingsFiles().containsKey(SmallTalk.FILE_NAME)) return List.of();
                    SmallTalk.Result talk = SmallTalk.parse(c.shown(SmallTalk.FILE_NAME), c.settingsFile(SmallTalk.FILE_NAME));
                    if (talk.smallTalk() == null || shippedSmallTalk == null) return talk.errors();
                    List<com.sciaticachat.corpus.CorpusError> found = new java.util.ArrayList<>(talk.errors());
                    found.addAll(talk.smallTalk().olderThan(shippedSmallTalk, c.shown(SmallTalk.FILE_NAME)));
                    return found;
                },
                SafetyGate.bundled(new RedFlagDetector(SafetyModel.bundled(), embedder))), training, shipped);
    }

    /**
     * Opens (building when needed) the index and the chat; no HTTP yet. The embedding model and the
     * English word lists load on background threads meanwhile: only a rebuild or the first question waits
     * for the model.
     */
    public static Application open(Config config) throws LiveIndex.StartupException, IOException {
        return open(config, false);
    }

    /**
     * The same; a service ({@code serving}) on a shared store also joins the other replicas: its corpus folder
     * takes the shared corpus first (commands such as {@code ask} and {@code eval} never write the folder).
     */
    private static Application open(Config config, boolean serving) throws LiveIndex.StartupException, IOException {
        Embedder embedder = BackgroundEmbedder.miniLm();
        EnglishWords.get(); // starts loading the word lists in the background
        com.sciaticachat.embed.ModelLoads.start(com.sciaticachat.safety.SecondReader::bundled); // and the safety second reader (the chat waits for it)
        com.sciaticachat.embed.ModelLoads.start(com.sciaticachat.embed.VisitorEncoder::bundled); // and the visitor question encoder (likewise)
        // the store opens (and its schema migrates) while the index opens; a shared one first, as the corpus comes from it
        CompletableFuture<Database> store;
        CorpusSync sync = null;
        if (serving && config.database().shared()) {
            Database shared = Database.open(config.database(), config.indexDir().resolve("store"));
            try {
                sync = CorpusSync.join(config.corpusDir(), new CorpusStore(shared));
            } catch (IOException | RuntimeException e) {
                shared.close();
                throw e;
            }
            store = CompletableFuture.completedFuture(shared);
        } else {
            store = config.adminEnabled()
                    ? CompletableFuture.supplyAsync(() -> Database.open(config.database(), config.indexDir().resolve("store")))
                    : CompletableFuture.completedFuture(null);
        }
        LiveIndex index;
        Database db;
        try {
            index = LiveIndex.openServing(config.corpusDir(), config.indexDir(), corpusReader(config, embedder), new IndexBuilder(embedder),
                    embedder.modelId());
        } catch (LiveIndex.StartupException | IOException | RuntimeException e) {
            store.thenAccept(d -> {
                if (d != null) d.close();
            });
            throw e;
        }
        try {
            db = store.join();
        } catch (java.util.concurrent.CompletionException e) {
            index.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        UnansweredInbox inbox = null;
        Insights insights = null;
        if (db != null && config.adminEnabled()) {
            LOG.info("The inbox, feedback and statistics are kept in {}", db);
            inbox = new UnansweredInbox(new InboxStore(db), INBOX_MAX_QUESTIONS, config.limits().inboxPerMinute());
            inbox.importOnce(config.inbox());
            insights = Insights.open(db, config.indexDir().resolve("stats").resolve("visitor-statistics.json"),
                    config.inbox().resolveSibling("feedback.jsonl"));
        }
        Retriever retriever = new Retriever(EnglishWords.get());
        ChatService chat = new ChatService(index, embedder, retriever,
                new Scorer(Weights.bundled()), new Messages(config), config.minConfidence(), inbox);
        return new Application(config, index, chat, db, insights, sync);
    }

    /** Every change that goes live is recorded in the corpus's history; a folder that cannot hold one goes without it. */
    private static void keepHistory(Config config, LiveIndex index) {
        try {
            CorpusHistory history = CorpusHistory.of(config.corpusDir());
            index.onServed(history::record);
        } catch (RuntimeException e) {
            LOG.warn("The corpus's history cannot be kept in {} ({}); changes go live without it", config.corpusDir(), e.getMessage());
        }
    }

    /** How often a replica looks for a corpus version another replica published (well within the 10 s promised). */
    static final long SYNC_SECONDS = 2;

    /**
     * Opens the index and starts HTTP at the same time (on two cores, the launch is a second shorter that
     * way); returns once both are ready. A corpus that cannot be served stops the server again.
     */
    public static Application start(Config config) throws LiveIndex.StartupException, IOException {
        CompletableFuture<Application> opening = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                opening.complete(open(config, true));
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        }, "index-open");
        opener.start();
        Javalin http = HttpApi.create(ChatRef.when(opening.thenApply(Application::chat), opening.thenApply(a -> a.insights)), config)
                .start(config.port());
        try {
            Application app = opening.get();
            app.http = http;
            app.logListening();
            return app;
        } catch (ExecutionException e) {
            http.stop();
            if (e.getCause() instanceof LiveIndex.StartupException se) throw se;
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            http.stop();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting", e);
        }
    }

    /** Starts HTTP on the configured port (0: any free port); returns the port. */
    public int serve() {
        http = HttpApi.create(ChatRef.of(chat, insights), config).start(config.port());
        logListening();
        return http.port();
    }

    /** What only a serving service does: the corpus's history is kept (ask and eval read the corpus and write nothing to it). */
    private void logListening() {
        keepHistory(config, index);
        if (sync != null) {
            // after the history's listener, so the version it records names who made the change
            index.onPublished(sync::published);
            sync.start(SYNC_SECONDS, index::reload);
        }
        EnglishWords.get().preloadDictionary();
        if (chat.inbox() != null) {
            // the scrubber's word lists load now, not in the first unanswered visitor's request
            Thread t = new Thread(() -> com.sciaticachat.inbox.Pii.scrub("Warm up, Jo"), "scrubber-load");
            t.setDaemon(true);
            t.start();
        }
        // the safety gate judges the clinic's rules against every phrasing once per process (seconds of work):
        // after a restart on an existing index, judged now rather than in staff's first edit, which then
        // goes live in about as long as any other
        // (a stale index is reloaded at once by the watcher, which judges them then)
        if (!index.stale()) {
            Thread gate = new Thread(() -> {
                try {
                    index.check(config.corpusDir());
                } catch (RuntimeException e) {
                    LOG.debug("Judging the safety rules ahead of the first edit: {}", e.toString()); // the first reload judges them then
                }
            }, "safety-gate-warm-up");
            gate.setDaemon(true);
            gate.start();
        }
        try {
            watcher = new CorpusWatcher(index, Duration.ofMillis(300), Duration.ofSeconds(1)).start();
        } catch (IOException e) {
            LOG.warn("Corpus changes will not be picked up by themselves ({}); use the staff console's reload", e.toString());
            if (index.stale()) {
                // the watcher's first look would have read the corpus changed while the service was stopped
                Thread catchUp = new Thread(index::reload, "startup-reload");
                catchUp.setDaemon(true);
                catchUp.start();
            }
        }
        LiveIndex.Status s = index.status();
        LOG.info("Sciatica Chat is answering on http://localhost:{}/ ({} sections from {}; API open to pages from {} and {})",
                http.port(), s.sections(), config.corpusDir(), config.ownOrigins(http.port()).get(0),
                config.allowedOrigins().isEmpty() ? "no other site (ALLOWED_ORIGINS)" : String.join(", ", config.allowedOrigins()));
        if (config.contact().isEmpty()) {
            LOG.warn("CLINIC_CONTACT is not set: a visitor the chat cannot answer is offered no phone or page to reach the clinic"
                    + " (set it, or data-contact on the widget's tag)");
        }
    }

    public ChatService chat() {
        return chat;
    }

    public LiveIndex index() {
        return index;
    }

    public int port() {
        return http == null ? -1 : http.port();
    }

    /** Stops HTTP and the watcher first, then closes the searchers. */
    @Override
    public void close() throws IOException {
        if (http != null) LOG.info("Stopping: no new connections; requests in flight get up to {} s", config.limits().shutdownGraceSeconds());
        if (http != null) {
            try {
                http.stop();
            } catch (RuntimeException e) {
                LOG.warn("Requests still running after the grace period were cut short ({})", e.toString());
            }
        }
        if (watcher != null) watcher.close();
        if (sync != null) sync.close();
        if (chat.inbox() != null) chat.inbox().close();
        if (insights != null) {
            try {
                insights.close();
            } catch (RuntimeException e) {
                LOG.error("The last visitor statistics could not be written ({})", e.getMessage());
            }
        }
        if (database != null) database.close();
        CorpusHistory.closeFor(config.corpusDir());
        index.close();
        if (http != null) LOG.info("Stopped: requests in flight answered, the inbox, statistics and index closed");
    }
}
