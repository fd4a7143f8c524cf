package com.sciaticachat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sciaticachat.chat.ChatService;
import com.sciaticachat.config.Config;
import com.sciaticachat.corpus.Slugs;
import com.sciaticachat.corpus.VisitorQuestionsFile;
import com.sciaticachat.index.SectionRecord;
import com.sciaticachat.inbox.UnansweredInbox;
import com.sciaticachat.search.LiveIndex;
import com.sciaticachat.search.Snapshot;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The staff console: {@code /admin} (a page in {@code web/}) and {@code /api/v1/admin/...}. Registered only
 * when {@code ADMIN_TOKEN} is set; every API call needs {@code Authorization: Bearer <token>} and comes from
 * the console's own origin. Nothing here is ever sent to a visitor.
 */
final class AdminApi {
    private AdminApi() {}

    static void register(JavalinConfig cfg, ChatRef chat, Config config, ObjectMapper mapper) {
        AdminAuth auth = new AdminAuth(config.adminToken(), Clock.systemUTC());
        Cors own = new Cors(List.of());
        cfg.routes.before("/api/v1/admin/*", ctx -> {
            ctx.header("Cache-Control", "no-store");
            String origin = ctx.header("Origin");
            if (origin != null && !own.allows(origin, ctx)) {
                throw new ApiException(403, "origin_not_allowed", "The staff console's API answers only the console itself");
            }
            switch (auth.check(ctx.ip(), ctx.header("Authorization"))) {
                case LIMITED -> throw new ApiException(429, "too_many_attempts",
                        "Too many wrong tokens from this address; try again in a minute");
                case DENIED -> {
                    ctx.header("WWW-Authenticate", "Bearer");
                    throw new ApiException(401, "unauthorized", "The staff token is missing or wrong");
                }
                case OK -> { }
            }
        });
        cfg.routes.get("/api/v1/admin/status", ctx -> ctx.json(status(chat.get())));
        cfg.routes.post("/api/v1/admin/try", ctx -> ctx.json(tryQuestion(chat.get(), HttpApi.readAsk(ctx, mapper).question())));
        cfg.routes.post("/api/v1/admin/reindex", ctx -> ctx.json(chat.get().index().reload()));
        cfg.routes.get("/api/v1/admin/inbox", ctx -> ctx.json(Map.of("groups", inbox(chat.get()).groups())));
        cfg.routes.post("/api/v1/admin/inbox/{id}/done", ctx -> {
            if (!inbox(chat.get()).markDone(ctx.pathParam("id"))) {
                throw new ApiException(404, "group_not_found", "There is no such group of questions");
            }
            ctx.json(Map.of("done", true));
        });
        cfg.routes.post("/api/v1/admin/inbox/{id}/file", ctx ->
                ctx.json(file(chat.get(), ctx.pathParam("id"), readSection(ctx, mapper))));
        cfg.routes.get("/admin", ctx -> page(ctx, config));
    }

    /** The body of a filing: {@code {"section": "<section id>"}}, or {@code "not covered"}. */
    private static String readSection(Context ctx, ObjectMapper mapper) {
        JsonNode json;
        try {
            json = mapper.readTree(ctx.body());
        } catch (Exception e) {
            json = null;
        }
        JsonNode section = json == null || !json.isObject() ? null : json.get("section");
        if (section == null || !section.isTextual() || section.asText().isBlank()) {
            throw new ApiException(400, "missing_section", "Send {\"section\": \"<section id>\"} or {\"section\": \"not covered\"}");
        }
        return section.asText().strip();
    }

    /**
     * Files a group's question in the corpus's visitor-questions.txt under the section that answers it (or
     * as not covered), marks the group done, and reloads, as a staff member editing the file would. The
     * file is replaced whole, so the watcher never reads half a line; one filing at a time.
     */
    static synchronized Map<String, Object> file(ChatService chat, String groupId, String section) throws IOException {
        UnansweredInbox.Group group = inbox(chat).groups().stream().filter(g -> g.id().equals(groupId)).findFirst()
                .orElseThrow(() -> new ApiException(404, "group_not_found", "There is no such group of questions"));
        String heading = VisitorQuestionsFile.isNotCovered(section) ? VisitorQuestionsFile.NOT_COVERED
                : chat.index().withSnapshot(s -> headingFor(s, section));
        if (heading == null) throw new ApiException(400, "unknown_section", "The guide has no section '" + section + "'");
        String question = VisitorQuestionsFile.fileable(group.question());
        if (question.isEmpty()) {
            throw new ApiException(400, "question_not_fileable", "This question cannot be filed (nothing left of it, or too long)");
        }
        Path file = chat.index().corpusDir().resolve(VisitorQuestionsFile.FILE_NAME);
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        boolean already = VisitorQuestionsFile.holds(text, question);
        if (!already) {
            Path tmp = file.resolveSibling(VisitorQuestionsFile.FILE_NAME + ".tmp"); // .tmp files are not part of the corpus
            Files.writeString(tmp, VisitorQuestionsFile.withQuestion(text, heading, question), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        inbox(chat).markDone(groupId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("filed", !already);
        out.put("heading", heading);
        out.put("question", question);
        out.put("reload", chat.index().reload());
        return out;
    }

    /** How staff would name the section in the file: its heading, or its id when another section has the same heading. */
    private static String headingFor(Snapshot s, String sectionId) {
        SectionRecord r = s.section(sectionId);
        if (r == null) return null;
        long same = s.sections().values().stream().filter(o -> Slugs.slug(o.title()).equals(Slugs.slug(r.title()))).count();
        return same == 1 ? r.title() : r.id();
    }

    private static UnansweredInbox inbox(ChatService chat) {
        return chat.inbox();
    }

    static Map<String, Object> status(ChatService chat) {
        Map<String, Object> out = new LinkedHashMap<>(HttpApi.health(chat.index()));
        LiveIndex.Status s = chat.index().status();
        out.put("reloads", s.reloads());
        out.put("unansweredOpen", chat.inbox() == null ? 0 : chat.inbox().openGroups());
        return out;
    }

    /** The reply a visitor would get, and why: how the question was read, the confidence, the best five sections. */
    static Map<String, Object> tryQuestion(ChatService chat, String question) {
        ChatService.Trace t = chat.trace(question);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reply", t.reply());
        if (t.question() != null) {
            out.put("readAs", t.question().corrected());
            out.put("corrections", t.question().corrections());
            out.put("words", t.question().content().stream().map(c -> c.surface()).toList());
        }
        if (t.scored() != null) {
            out.put("confidence", Math.round(t.scored().confidence() * 1000) / 1000.0);
            out.put("margin", Math.round(t.scored().margin() * 1000) / 1000.0);
            out.put("retrieversAgree", t.scored().agree());
            out.put("knownShare", Math.round(t.scored().known() * 1000) / 1000.0);
            out.put("nearestOutOfScope", t.scored().outOfScopeTopic());
            out.put("closerToOutOfScope", t.scored().aboutUncoveredTopic());
            out.put("outOfScopeWords", t.scored().uncoveredWords());
            // where staff filed this very question ("" = not covered); it then decides the reply
            out.put("filedUnder", t.scored().filedUnder());
        }
        out.put("candidates", t.candidates());
        return out;
    }

    private static void page(Context ctx, Config config) throws IOException {
        byte[] html;
        if (config.webDir() != null) {
            html = Files.readAllBytes(config.webDir().resolve("admin.html"));
        } else {
            try (InputStream in = AdminApi.class.getResourceAsStream("/web/admin.html")) {
                if (in == null) throw new ApiException(404, "not_found", "The staff console page is missing");
                html = in.readAllBytes();
            }
        }
        ctx.header("Cache-Control", "no-store").html(new String(html, StandardCharsets.UTF_8));
    }
}
