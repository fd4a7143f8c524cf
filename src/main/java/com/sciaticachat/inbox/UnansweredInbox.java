package com.sciaticachat.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import com.sciaticachat.limits.TokenBuckets;
import com.sciaticachat.store.InboxStore;
import com.sciaticachat.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Questions the chat could not answer well, for staff to act on (a missing synonym, alternate question or
 * section). Visitors' text is scrubbed of e-mail addresses, phone numbers and long digit runs before it is
 * stored.
 *
 * <p>Storage is the store's inbox log ({@link InboxStore}): each question and each staff mark is one entry,
 * kept before the call returns; this class replays the log into groups, and replays what other replicas
 * added before it reads or files anything, so every replica's console shows the same inbox. Each question
 * carries the id of its group, so groups and their "done" marks are stable. The log is bounded: past
 * {@code maxEvents} questions it is compacted to the newest half.
 */
public final class UnansweredInbox implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(UnansweredInbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Questions whose meaningful words overlap this much are one group. */
    static final double SAME_GROUP = 0.6;

    /** The section the chat would have offered, and how sure it was. */
    public record Candidate(String sectionId, String title, double confidence) {}

    /** Similar questions together: how often, when, and the chat's best guess the last time. */
    public record Group(String id, String question, int count, Instant firstSeen, Instant lastSeen, Candidate best,
                        String lastStatus, boolean done) {}

    private static final class GroupState {
        final String id;
        final Set<String> key;
        String question;
        int count;
        Instant firstSeen, lastSeen, doneAt;
        Candidate best;
        String status;

        GroupState(String id, Set<String> key) {
            this.id = id;
            this.key = key;
        }

        boolean done() {
            return doneAt != null && !lastSeen.isAfter(doneAt);
        }
    }

    private final InboxStore store;
    private final int maxEvents;
    private final TokenBuckets perClient;
    private final java.util.concurrent.ExecutorService compactor = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "inbox-compaction");
        t.setDaemon(true);
        return t;
    });
    private boolean compacting;
    private final Map<String, GroupState> groups = new LinkedHashMap<>();
    private int events;
    /** The last log entry replayed, and the log's epoch then. */
    private long cursor;
    private long epoch = -1;

    /** @param perClientPerMinute how many questions of one client are kept per minute (0: no limit) */
    public UnansweredInbox(InboxStore store, int maxEvents, int perClientPerMinute) {
        this.store = store;
        this.maxEvents = maxEvents;
        this.perClient = perClientPerMinute > 0 ? new TokenBuckets(perClientPerMinute, perClientPerMinute) : null;
        synchronized (this) {
            sync();
        }
    }

    /**
     * Moves an earlier version's inbox file (JSON lines) into an empty store once; the file is kept beside as
     * {@code .imported}. Lines cut short by a crash are skipped.
     */
    public synchronized void importOnce(Path file) {
        if (!Files.exists(file) || !store.isEmpty()) return;
        try {
            List<String> lines = new ArrayList<>();
            int torn = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                try {
                    JSON.readTree(line);
                    lines.add(line);
                } catch (IOException e) {
                    torn++;
                }
            }
            store.appendAll(lines);
            Files.move(file, file.resolveSibling(file.getFileName() + ".imported"), StandardCopyOption.REPLACE_EXISTING);
            LOG.info("Imported {} inbox entries from {}{}", lines.size(), file, torn > 0 ? " (" + torn + " unreadable lines skipped)" : "");
            sync();
        } catch (IOException | StoreException e) {
            LOG.warn("The inbox file {} could not be imported ({}); it is left there", file, e.getMessage());
        }
    }

    /** Replays what the log gained since the last look (all of it again after a compaction). */
    private void sync() {
        long now = store.epoch();
        if (now != epoch) {
            groups.clear();
            events = 0;
            cursor = 0;
            epoch = now;
        }
        int unreadable = 0;
        for (InboxStore.Event e : store.after(cursor)) {
            try {
                apply(JSON.readTree(e.body()));
            } catch (IOException | RuntimeException bad) {
                unreadable++;
            }
            cursor = e.id();
        }
        if (unreadable > 0) LOG.warn("Skipped {} unreadable inbox entries", unreadable);
    }

    /** Replays, or keeps what was replayed when the store cannot be read just now (said in the log). */
    private void syncQuietly() {
        try {
            sync();
        } catch (StoreException e) {
            LOG.error("Could not read the inbox from the store ({}); showing what was read before", e.getMessage());
        }
    }

    /**
     * Records an unanswered or weakly answered question. {@code text} must already be scrubbed
     * ({@link Pii#scrub}) and {@code words} (its meaningful stems, for grouping) taken from that scrubbed text.
     */
    public void record(String text, Set<String> words, String status, Candidate best) {
        record(text, words, status, best, null);
    }

    /**
     * The same, from a client (an address; null when unknown): past its share for the minute the question
     * is not kept. Returns whether it was.
     */
    public synchronized boolean record(String text, Set<String> words, String status, Candidate best, String client) {
        if (perClient != null && client != null && !perClient.tryTake(client)) return false;
        syncQuietly();
        Set<String> key = words.isEmpty() ? Set.of("text:" + text.toLowerCase()) : Set.copyOf(words);
        GroupState g = findGroup(key);
        String groupId = g == null ? UUID.randomUUID().toString() : g.id;
        ObjectNode e = JSON.createObjectNode().put("type", "question").put("group", groupId).put("time", Instant.now().toString())
                .put("question", text).put("status", status);
        e.set("key", JSON.valueToTree(new java.util.TreeSet<>(key)));
        if (best != null) e.set("best", JSON.valueToTree(best));
        try {
            store.append(e.toString());
            sync();
            if (events > maxEvents && !compacting) {
                compacting = true;
                compactor.execute(this::compactQuietly);
            }
            return true;
        } catch (StoreException ex) {
            LOG.error("Could not record an unanswered question: {}", ex.getMessage());
            return false;
        }
    }

    private synchronized void compactQuietly() {
        try {
            compact();
        } catch (RuntimeException e) {
            LOG.error("Could not compact the unanswered-questions inbox (it keeps recording; will try again): {}", e.toString());
        } finally {
            compacting = false;
        }
    }

    /** Waits for a compaction in progress (tests). */
    void awaitCompaction() throws InterruptedException, java.util.concurrent.ExecutionException {
        compactor.submit(() -> { }).get();
    }

    /** Marks a group handled; a new question of the same kind opens it again. */
    public synchronized boolean markDone(String groupId) throws IOException {
        return mark(groupId, "done");
    }

    /** Opens a group marked done again (the console's undo). */
    public synchronized boolean reopen(String groupId) throws IOException {
        return mark(groupId, "reopen");
    }

    private boolean mark(String groupId, String type) throws IOException {
        sync();
        if (!groups.containsKey(groupId)) return false;
        ObjectNode e = JSON.createObjectNode().put("type", type).put("group", groupId).put("time", Instant.now().toString());
        store.append(e.toString());
        sync();
        return true;
    }

    /** Open groups first, most recent first. */
    public synchronized List<Group> groups() {
        syncQuietly();
        List<Group> out = new ArrayList<>();
        for (GroupState g : groups.values()) {
            out.add(new Group(g.id, g.question, g.count, g.firstSeen, g.lastSeen, g.best, g.status, g.done()));
        }
        out.sort(Comparator.comparing(Group::done).thenComparing(Group::lastSeen, Comparator.reverseOrder()));
        return out;
    }

    public synchronized int openGroups() {
        syncQuietly();
        return (int) groups.values().stream().filter(g -> !g.done()).count();
    }

    private GroupState findGroup(Set<String> key) {
        GroupState best = null;
        double bestScore = 0;
        for (GroupState g : groups.values()) {
            Set<String> union = new HashSet<>(g.key);
            union.addAll(key);
            Set<String> common = new HashSet<>(g.key);
            common.retainAll(key);
            double jaccard = union.isEmpty() ? 0 : common.size() / (double) union.size();
            if (jaccard >= SAME_GROUP && jaccard > bestScore) {
                best = g;
                bestScore = jaccard;
            }
        }
        return best;
    }

    private void apply(JsonNode e) {
        String groupId = e.path("group").asText();
        Instant time = Instant.parse(e.path("time").asText());
        if (e.path("type").asText().equals("done") || e.path("type").asText().equals("reopen")) {
            GroupState g = groups.get(groupId);
            if (g != null) g.doneAt = e.path("type").asText().equals("done") ? time : null;
            return;
        }
        Set<String> key = new HashSet<>();
        e.path("key").forEach(k -> key.add(k.asText()));
        GroupState g = groups.computeIfAbsent(groupId, id -> new GroupState(id, Set.copyOf(key)));
        if (g.firstSeen == null) g.firstSeen = time;
        g.lastSeen = time;
        g.count++;
        g.question = e.path("question").asText();
        g.status = e.path("status").asText();
        JsonNode best = e.get("best");
        g.best = best == null ? null : new Candidate(best.path("sectionId").asText(), best.path("title").asText(),
                best.path("confidence").asDouble());
        events++;
    }

    /** Keeps the newest half of the questions (and the marks of groups still present); other entries leave the store. */
    private void compact() {
        sync();
        List<InboxStore.Event> all = store.after(0);
        List<JsonNode> parsed = new ArrayList<>();
        for (InboxStore.Event e : all) {
            try {
                parsed.add(JSON.readTree(e.body()));
            } catch (IOException | RuntimeException bad) {
                parsed.add(null);
            }
        }
        List<Integer> questions = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i) != null && parsed.get(i).path("type").asText().equals("question")) questions.add(i);
        }
        Set<Integer> keptQuestions = new HashSet<>(questions.subList(Math.max(0, questions.size() - maxEvents / 2), questions.size()));
        Set<String> keptGroups = new HashSet<>();
        keptQuestions.forEach(i -> keptGroups.add(parsed.get(i).path("group").asText()));
        List<Long> dropped = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            JsonNode e = parsed.get(i);
            boolean keep = e != null && (e.path("type").asText().equals("question") ? keptQuestions.contains(i)
                    : keptGroups.contains(e.path("group").asText()));
            if (!keep) dropped.add(all.get(i).id());
        }
        store.remove(dropped);
        sync();
        LOG.info("Compacted the unanswered-questions inbox to {} questions", events);
    }

    @Override
    public void close() {
        compactor.shutdown();
        try {
            compactor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
