package com.sciaticachat.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sciaticachat.chat.ChatService;
import com.sciaticachat.config.Config;
import com.sciaticachat.inbox.UnansweredInbox;
import com.sciaticachat.search.LiveIndex;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        cfg.routes.get("/admin", ctx -> page(ctx, config));
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
