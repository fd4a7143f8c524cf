package com.sciaticachat.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sciaticachat.store.FeedbackStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Visitors' feedback on answers: the time, the question and comment (already scrubbed of personal data by
 * the caller), the section and whether it helped. Keeps the newest {@code max} entries.
 */
public final class FeedbackLog {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One visitor's feedback. */
    public record Entry(String time, String question, String sectionId, boolean helpful, String comment) {}

    private final FeedbackStore store;
    private final int max;
    private int added;

    public FeedbackLog(FeedbackStore store, int max) {
        this.store = store;
        this.max = max;
    }

    /** Moves an earlier version's {@code feedback.jsonl} into an empty store once; the file is kept as {@code .imported}. */
    public void importOnce(Path file) {
        if (!Files.exists(file) || !store.isEmpty()) return;
        try {
            int n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    JsonNode e = JSON.readTree(line);
                    store.add(new FeedbackStore.Entry(e.path("time").asText(), e.path("question").asText(), e.path("sectionId").asText(),
                            e.path("helpful").asBoolean(), e.path("comment").isTextual() ? e.path("comment").asText() : null), null);
                    n++;
                } catch (IOException | RuntimeException torn) {
                    // a line cut short by a crash: skipped
                }
            }
            Files.move(file, file.resolveSibling(file.getFileName() + ".imported"), StandardCopyOption.REPLACE_EXISTING);
            LOG.info("Imported {} visitor feedback entries from {}", n, file);
        } catch (IOException e) {
            LOG.warn("The visitor feedback in {} could not be imported ({}); it is left there", file, e.getMessage());
        }
    }

    /**
     * Keeps a visitor's feedback. A "not helpful" without a comment returns a key the visitor's comment can
     * follow with ({@link #comment}); otherwise null.
     */
    public synchronized String add(String question, String sectionId, boolean helpful, String comment) {
        String key = !helpful && comment == null ? java.util.UUID.randomUUID().toString() : null;
        store.add(new FeedbackStore.Entry(Instant.now().toString(), question, sectionId, helpful, comment), key);
        if (++added % Math.max(1, max / 10) == 0) store.trim(max);
        return key;
    }

    /** The comment that follows a "not helpful" (already scrubbed); false when the key is unknown or used. */
    public boolean comment(String key, String comment) {
        return store.comment(key, comment);
    }

    /** The newest entries first, at most {@code limit}. */
    public List<Entry> newest(int limit) {
        return entries(store.newest(limit, null, null));
    }

    /** The newest entries of the days {@code from} to {@code to} (UTC, both included), at most {@code limit}. */
    public List<Entry> newest(int limit, java.time.LocalDate from, java.time.LocalDate to) {
        return entries(store.newest(limit, from.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toString(),
                to.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toString()));
    }

    private static List<Entry> entries(List<FeedbackStore.Entry> kept) {
        List<Entry> out = new ArrayList<>();
        for (FeedbackStore.Entry e : kept) out.add(new Entry(e.time(), e.question(), e.sectionId(), e.helpful(), e.comment()));
        return List.copyOf(out);
    }
}
