package com.sciaticachat.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Questions the chat could not answer well, for staff to act on (a missing synonym, alternate question or
 * section). Visitors' text is scrubbed of e-mail addresses, phone numbers and long digit runs before it is
 * stored.
 *
 * <p>Storage is one append-only JSON-lines file: each record is written and fsync'd before the call
 * returns, so it survives a crash; a torn last line (a crash mid-write) is skipped on reading. Each
 * question carries the id of its group, so groups and their "done" marks are stable. The file is bounded:
 * past {@code maxEvents} questions it is compacted to the newest half, written to a temporary file and
 * moved into place atomically.
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

    private final Path file;
    private final int maxEvents;
    private final TokenBuckets perClient;
    private final java.util.concurrent.ExecutorService compactor = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "inbox-compaction");
        t.setDaemon(true);
        return t;
    });
    private boolean compacting;
    private final Map<String, GroupState> groups = new LinkedHashMap<>();
    private FileChannel channel;
    private int events;

    public UnansweredInbox(Path file, int maxEvents) throws IOException {
        this(file, maxEvents, 0);
    }

    /** @param perClientPerMinute how many questions of one client are kept per minute (0: no limit) */
    public UnansweredInbox(Path file, int maxEvents, int perClientPerMinute) throws IOException {
        this.file = file;
        this.maxEvents = maxEvents;
        this.perClient = perClientPerMinute > 0 ? new TokenBuckets(perClientPerMinute, perClientPerMinute) : null;
        Files.createDirectories(file.toAbsolutePath().getParent());
        load();
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
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
        Set<String> key = words.isEmpty() ? Set.of("text:" + text.toLowerCase()) : Set.copyOf(words);
        GroupState g = findGroup(key);
        String groupId = g == null ? UUID.randomUUID().toString() : g.id;
        ObjectNode e = JSON.createObjectNode().put("type", "question").put("group", groupId).put("time", Instant.now().toString())
                .put("question", text).put("status", status);
        e.set("key", JSON.valueToTree(new java.util.TreeSet<>(key)));
        if (best != null) e.set("best", JSON.valueToTree(best));
        try {
            append(e);
            apply(e);
            if (events > maxEvents && !compacting) {
                compacting = true;
                compactor.execute(this::compactQuietly);
            }
            return true;
        } catch (IOException ex) {
            LOG.error("Could not record an unanswered question in {}: {}", file, ex.toString());
            return false;
        }
    }

    private synchronized void compactQuietly() {
        try {
            compact();
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not compact the unanswered-questions inbox {} (it keeps recording; will try again): {}", file, e.toString());
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
        if (!groups.containsKey(groupId)) return false;
        ObjectNode e = JSON.createObjectNode().put("type", type).put("group", groupId).put("time", Instant.now().toString());
        append(e);
        apply(e);
        return true;
    }

    /** Open groups first, most recent first. */
    public synchronized List<Group> groups() {
        List<Group> out = new ArrayList<>();
        for (GroupState g : groups.values()) {
            out.add(new Group(g.id, g.question, g.count, g.firstSeen, g.lastSeen, g.best, g.status, g.done()));
        }
        out.sort(Comparator.comparing(Group::done).thenComparing(Group::lastSeen, Comparator.reverseOrder()));
        return out;
    }

    public synchronized int openGroups() {
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

    private void load() throws IOException {
        if (!Files.exists(file)) return;
        int torn = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            try {
                apply(JSON.readTree(line));
            } catch (IOException | RuntimeException e) {
                torn++;
            }
        }
        if (torn > 0) LOG.warn("Skipped {} unreadable line(s) in {} (a write cut short)", torn, file);
    }

    private void append(JsonNode e) throws IOException {
        byte[] line = (JSON.writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) channel.write(buf);
        channel.force(false);
    }

    /** Keeps the newest half of the questions (and the marks of groups still present), atomically. */
    private void compact() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                if (!line.isBlank()) all.add(JSON.readTree(line));
            } catch (IOException ignored) {
                // a torn line is dropped by compaction
            }
        }
        List<JsonNode> questions = all.stream().filter(e -> e.path("type").asText().equals("question")).toList();
        List<JsonNode> kept = new ArrayList<>(questions.subList(Math.max(0, questions.size() - maxEvents / 2), questions.size()));
        Set<String> keptGroups = new HashSet<>();
        kept.forEach(e -> keptGroups.add(e.path("group").asText()));
        Set<JsonNode> keptQuestions = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        keptQuestions.addAll(kept);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : all) {
            boolean keep = e.path("type").asText().equals("question") ? keptQuestions.contains(e) : keptGroups.contains(e.path("group").asText());
            if (keep) out.add(e);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".compacting");
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (JsonNode e : out) c.write(ByteBuffer.wrap((JSON.writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8)));
            c.force(true);
        }
        channel.close();
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            // moved or not, the inbox goes on appending to whichever file is in place
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        groups.clear();
        events = 0;
        out.forEach(this::apply);
        LOG.info("Compacted the unanswered-questions inbox to {} questions", events);
    }

    @Override
    public void close() throws IOException {
        compactor.shutdown();
        try {
            compactor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            channel.close();
        }
    }
}
