package com.sciaticachat.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Visitors' feedback on answers, one JSON line each: the time, the question and comment (already scrubbed of
 * personal data by the caller), the section and whether it helped. Keeps the newest {@code max} entries.
 */
public final class FeedbackLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One visitor's feedback. */
    public record Entry(String time, String question, String sectionId, boolean helpful, String comment) {}

    private final Path file;
    private final int max;
    private int lines = -1;

    public FeedbackLog(Path file, int max) {
        this.file = file;
        this.max = max;
    }

    public synchronized void add(String question, String sectionId, boolean helpful, String comment) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("time", Instant.now().toString());
        e.put("question", question);
        e.put("sectionId", sectionId);
        e.put("helpful", helpful);
        e.put("comment", comment);
        Files.writeString(file, JSON.writeValueAsString(e) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (lines < 0) lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
        else lines++;
        if (lines > 2 * max) {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, all.subList(all.size() - max, all.size()), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            lines = max;
        }
    }

    /** The newest entries first, at most {@code limit}. */
    public synchronized List<Entry> newest(int limit) throws IOException {
        if (!Files.exists(file)) return List.of();
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Entry> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
            try {
                JsonNode n = JSON.readTree(all.get(i));
                out.add(new Entry(n.path("time").asText(), n.path("question").asText(), n.path("sectionId").asText(),
                        n.path("helpful").asBoolean(), n.path("comment").isNull() ? null : n.path("comment").asText(null)));
            } catch (IOException | RuntimeException torn) {
                // a line cut short by a crash: skipped
            }
        }
        return Collections.unmodifiableList(out);
    }
}
