package com.sciaticachat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sciaticachat.chat.ChatService;
import com.sciaticachat.chat.Explanation;
import com.sciaticachat.config.Config;
import com.sciaticachat.corpus.Slugs;
import com.sciaticachat.corpus.VisitorQuestionsFile;
import com.sciaticachat.index.SectionRecord;
import com.sciaticachat.inbox.UnansweredInbox;
import com.sciaticachat.search.LiveIndex;
import com.sciaticachat.search.Snapshot;
import com.sciaticachat.staff.CorpusHistory;
import com.sciaticachat.staff.Editor;
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

    static void register(JavalinConfig cfg, ChatRef chat, Config config, ObjectMapper mapper, Cors cors, ClientAddress clients) {
        AdminAuth auth = new AdminAuth(config.adminToken(), Clock.systemUTC());
        Cors own = cors.ownOnly();
        cfg.routes.before("/api/v1/admin/*", ctx -> {
            ctx.header("Cache-Control", "no-store");
            String origin = ctx.header("Origin");
            if (origin != null && !own.allows(origin)) {
                throw new ApiException(403, "origin_not_allowed", "The staff console's API answers only the console itself");
            }
            switch (auth.check(clients.of(ctx), ctx.header("Authorization"))) {
                case LIMITED -> {
                    ctx.header("Retry-After", "60");
                    throw new ApiException(429, "too_many_attempts", "Too many wrong tokens from this address; try again in a minute");
                }
                case DENIED -> {
                    ctx.header("WWW-Authenticate", "Bearer");
                    throw new ApiException(401, "unauthorized", "The staff token is missing or wrong");
                }
                case OK -> ctx.attribute(STAFF_ATTRIBUTE, staffName(ctx.header(STAFF_HEADER)));
            }
        });
        Editor editor = new Editor(config.corpusDir(), config.inbox().resolveSibling("console-filings.jsonl"), () -> {
            expectAuthor(config, CURRENT_STAFF.get());
            return chat.get().index().reload().errors();
        });
        cfg.routes.before("/api/v1/admin/*", ctx -> CURRENT_STAFF.set(ctx.attribute(STAFF_ATTRIBUTE)));
        cfg.routes.after("/api/v1/admin/*", ctx -> CURRENT_STAFF.remove());
        DraftApi.register(cfg, chat, config, mapper);
        StatsApi.register(cfg, chat);
        cfg.routes.get("/api/v1/admin/status", ctx -> ctx.json(status(chat.get(), editor)));
        cfg.routes.post("/api/v1/admin/try", ctx -> ctx.json(tryQuestion(chat.get(), HttpApi.readAsk(ctx, mapper).question())));
        cfg.routes.post("/api/v1/admin/reindex", ctx -> ctx.json(chat.get().index().reload()));
        cfg.routes.get("/api/v1/admin/inbox", ctx -> ctx.json(openGroups(chat.get(), number(ctx.queryParam("page"), 1, "page"),
                Math.min(PAGE_MAX, number(ctx.queryParam("size"), PAGE_SIZE, "size")))));
        cfg.routes.post("/api/v1/admin/inbox/{id}/done", ctx -> {
            if (!inbox(chat.get()).markDone(ctx.pathParam("id"))) throw groupNotFound();
            ctx.json(Map.of("done", true));
        });
        cfg.routes.post("/api/v1/admin/inbox/{id}/reopen", ctx -> {
            if (!inbox(chat.get()).reopen(ctx.pathParam("id"))) throw groupNotFound();
            ctx.json(Map.of("done", false));
        });
        cfg.routes.post("/api/v1/admin/inbox/{id}/file", ctx -> ctx.json(file(chat.get(), editor, ctx.pathParam("id"), body(ctx, mapper))));
        cfg.routes.post("/api/v1/admin/inbox/{id}/unfile", ctx -> ctx.json(unfile(chat.get(), editor, ctx.pathParam("id"), body(ctx, mapper))));
        cfg.routes.post("/api/v1/admin/fix", ctx -> ctx.json(fix(chat.get(), editor, body(ctx, mapper))));
        cfg.routes.get("/api/v1/admin/history", ctx -> ctx.json(Map.of("versions", history(config).versions(HISTORY_SHOWN))));
        cfg.routes.get("/api/v1/admin/history/{id}/changes", ctx -> ctx.json(Map.of("changes",
                known(() -> history(config).changes(ctx.queryParam("since"), ctx.pathParam("id"))))));
        cfg.routes.post("/api/v1/admin/history/{id}/restore", ctx -> {
            CorpusHistory history = history(config);
            known(() -> {
                history.restore(ctx.pathParam("id"), author(ctx.attribute(STAFF_ATTRIBUTE)));
                return null;
            });
            editor.forgetLost();
            List<com.sciaticachat.corpus.CorpusError> problems = chat.get().index().reload().errors();
            ctx.json(Map.of("restored", ctx.pathParam("id"), "live", problems.isEmpty(), "problems", problems));
        });
        cfg.routes.get("/admin", ctx -> page(ctx, config));
    }

    /** A confidence below this is no guess worth preselecting in the console's section picker. */
    static final double PRESELECT = 0.5;

    private static ApiException groupNotFound() {
        return new ApiException(404, "group_not_found", "This question is no longer in the list; refresh the page");
    }

    private static JsonNode body(Context ctx, ObjectMapper mapper) {
        return object(HttpApi.body(ctx), mapper);
    }

    /** A request body that must be one JSON object; anything else is the client's mistake (400). */
    static JsonNode object(String body, ObjectMapper mapper) {
        JsonNode json = null;
        try {
            json = mapper.readTree(body);
        } catch (Exception e) {
            // answered below
        }
        if (json == null || !json.isObject()) throw new ApiException(400, "invalid_json", "The request body must be a JSON object");
        // a lone surrogate ("\ud800") is valid JSON but no character: no file could hold it (an attacker trial got 500s)
        if (!wellFormed(json)) throw new ApiException(400, "invalid_text", "The text holds a character that is not valid Unicode (a lone surrogate); remove it");
        return json;
    }

    private static boolean wellFormed(JsonNode node) {
        if (node.isTextual()) return wellFormed(node.asText());
        for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            java.util.Map.Entry<String, JsonNode> e = it.next();
            if (!wellFormed(e.getKey()) || !wellFormed(e.getValue())) return false;
        }
        if (node.isArray()) for (JsonNode n : node) if (!wellFormed(n)) return false;
        return true;
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
            else if (Character.isSurrogate(c)) return false;
        }
        return true;
    }

    static String text(JsonNode body, String field, String example) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new ApiException(400, "missing_" + field, "Send \"" + field + "\": " + example);
        }
        return v.asText().strip();
    }

    /** The version of the file the console's page was showing, or null when the request did not say (then it is not checked). */
    private static String version(JsonNode body) {
        JsonNode v = body.get("version");
        return v != null && v.isTextual() ? v.asText() : null;
    }

    static final int PAGE_SIZE = 50;
    static final int PAGE_MAX = 200;

    private static int number(String value, int fallback, String name) {
        if (value == null || value.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(400, "invalid_" + name, "\"" + name + "\" is a whole number from 1");
    }

    /**
     * One page of the open groups, most recent first, each checked against the guide as it is now: a group
     * the guide now answers well is marked done (it was answered by an edit; not a group a visitor said was
     * answered unhelpfully) and the page fills up from the
     * next ones; the best guess is the guide's current one, offered for preselection only when the chat is
     * reasonably sure. Only the groups shown are checked, so a long list costs no more than a short one.
     */
    static Map<String, Object> openGroups(ChatService chat, int page, int size) throws IOException {
        List<UnansweredInbox.Group> open = inbox(chat).groups().stream().filter(g -> !g.done()).toList();
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        int answeredNow = 0;
        // a page far past the last (page=2147483647) is empty, not an overflowed negative offset
        long first = (long) (page - 1) * size;
        for (int i = (int) Math.min(first, open.size()); i < open.size() && rows.size() < size; i++) {
            UnansweredInbox.Group g = open.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", g.id());
            row.put("question", g.question());
            row.put("count", g.count());
            row.put("lastSeen", g.lastSeen().toString());
            row.put("status", g.lastStatus());
            ChatService.Trace t = chat.trace(g.question());
            if (answersWell(g, t)) {
                inbox(chat).markDone(g.id());
                answeredNow++;
                continue;
            }
            if (!t.candidates().isEmpty()) {
                ChatService.Candidate c = t.candidates().get(0);
                row.put("best", Map.of("sectionId", c.sectionId(), "title", c.title(),
                        "confidence", Math.round(t.confidence() * 100) / 100.0, "preselect", t.confidence() >= PRESELECT));
            }
            rows.add(row);
        }
        int total = open.size() - answeredNow;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("groups", rows);
        out.put("total", total);
        out.put("page", page);
        out.put("pages", Math.max(1, (total + size - 1) / size));
        return out;
    }

    /**
     * Whether the guide as it is now ({@code t}, the group's question asked again) answers a group well: confidently, and
     * not a group a visitor said was answered unhelpfully (a confident answer is no sign that is handled).
     */
    static boolean answersWell(UnansweredInbox.Group g, ChatService.Trace t) {
        return !"not_helpful".equals(g.lastStatus()) && t.reply().status() == com.sciaticachat.chat.Reply.Status.ANSWERED
                && t.confidence() >= ChatService.WEAK_ANSWER;
    }

    /** The heading a section is filed under, or [not covered]; a 400 when the guide has no such section. */
    private static String heading(ChatService chat, String section) {
        String heading = VisitorQuestionsFile.isNotCovered(section) ? VisitorQuestionsFile.NOT_COVERED
                : chat.index().withSnapshot(s -> headingFor(s, section));
        if (heading == null) throw new ApiException(400, "unknown_section", "The guide has no section '" + section + "' now; refresh the page");
        return heading;
    }

    /**
     * Files a group's question in visitor-questions.txt under the section that answers it (or as not covered),
     * through the editor (the file's version checked, replaced whole, reloaded), and marks the group done.
     */
    static Map<String, Object> file(ChatService chat, Editor editor, String groupId, JsonNode body) throws IOException {
        String section = text(body, "section", "\"<section id>\" or \"not covered\"");
        UnansweredInbox.Group group = inbox(chat).groups().stream().filter(g -> g.id().equals(groupId)).findFirst()
                .orElseThrow(AdminApi::groupNotFound);
        String heading = heading(chat, section);
        String question = VisitorQuestionsFile.fileable(group.question());
        if (question.isEmpty()) {
            throw new ApiException(400, "question_not_fileable", "This question cannot be filed (nothing is left of it, or it is too long)");
        }
        Editor.Outcome o = write(() -> editor.file(heading, question, version(body)));
        inbox(chat).markDone(groupId);
        Map<String, Object> out = outcome(o);
        out.put("heading", heading);
        out.put("question", question);
        return out;
    }

    /** Undoes a filing: the question comes out of the file again and its group is open again. */
    static Map<String, Object> unfile(ChatService chat, Editor editor, String groupId, JsonNode body) throws IOException {
        String heading = text(body, "heading", "the heading it was filed under");
        String question = text(body, "question", "the question as it was filed");
        Editor.Outcome o = write(() -> editor.unfile(heading, question));
        inbox(chat).reopen(groupId);
        return outcome(o);
    }

    /** Applies a warning's one-click fix: delete a topic, move a filing, or file a waiting heading's questions under a section. */
    static Map<String, Object> fix(ChatService chat, Editor editor, JsonNode body) throws IOException {
        String action = text(body, "action", "\"drop-topic\", \"move-filing\", \"refile-heading\", \"refile\" or \"forget\"");
        String written = text(body, "text", "the line's text as the warning gives it");
        JsonNode lineNode = body.get("line");
        if (lineNode == null || !lineNode.canConvertToInt() || lineNode.asInt() < 0) {
            throw new ApiException(400, "missing_line", "Send \"line\": the warning's line number");
        }
        int line = lineNode.asInt();
        if (action.equals("forget")) {
            editor.forget(written);
            return Map.of("changed", true, "live", true);
        }
        if (action.equals("refile")) {
            String heading = text(body, "section", "the heading it was filed under");
            return outcome(write(() -> editor.file(heading, written, version(body))));
        }
        String basedOn = version(body);
        Editor.Outcome o = switch (action) {
            case "drop-topic" -> write(() -> editor.dropTopic(line, written, basedOn));
            case "move-filing" -> {
                String heading = heading(chat, text(body, "section", "the section's id"));
                yield write(() -> editor.move(line, written, heading, basedOn));
            }
            case "refile-heading" -> {
                String heading = heading(chat, text(body, "section", "the section's id"));
                yield write(() -> editor.refileHeading(line, written, heading, basedOn));
            }
            default -> throw new ApiException(400, "unknown_action", "The action is drop-topic, move-filing, refile-heading, refile or forget");
        };
        if (!o.changed()) {
            throw new ApiException(409, "line_changed", "That line no longer says what the console showed (the file was edited)");
        }
        return outcome(o);
    }

    @FunctionalInterface
    private interface Write {
        Editor.Outcome run() throws IOException, Editor.StaleVersionException;
    }

    private static Editor.Outcome write(Write w) throws IOException {
        try {
            return w.run();
        } catch (Editor.StaleVersionException e) {
            throw new ApiException(409, "file_changed", e.getMessage());
        }
    }

    /** What staff read after a change: live, or not live and why. */
    private static Map<String, Object> outcome(Editor.Outcome o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("changed", o.changed());
        out.put("live", o.live());
        out.put("version", o.version());
        out.put("problems", o.problems());
        return out;
    }

    /** How staff would name the section in the file: its heading, or its id when another section has the same heading. */
    private static String headingFor(Snapshot s, String sectionId) {
        SectionRecord r = s.catalog().section(sectionId);
        if (r == null) return null;
        long same = s.catalog().sections().values().stream().filter(o -> Slugs.slug(o.title()).equals(Slugs.slug(r.title()))).count();
        return same == 1 ? r.title() : r.id();
    }

    private static UnansweredInbox inbox(ChatService chat) {
        return chat.inbox();
    }

    /** How many versions the console lists. */
    static final int HISTORY_SHOWN = 50;
    /** The name staff give at sign-in, sent with each call; the console's changes are recorded under it. */
    static final String STAFF_HEADER = "X-Staff-Name";
    static final String STAFF_ATTRIBUTE = "staff";
    /** The staff member whose request is running on this thread (the Editor's reload records the change as theirs). */
    private static final ThreadLocal<String> CURRENT_STAFF = new ThreadLocal<>();

    /** A name fit for the history: printable, one line, at most 40 characters; "staff" when none was given. */
    static String staffName(String given) {
        String n = given == null ? "" : given.replaceAll("[\\p{Cntrl}\\p{Cf}<>]", "").replaceAll("\\s+", " ").strip();
        if (n.length() > 40) n = n.substring(0, 40).strip();
        return n.isEmpty() ? "staff" : n;
    }

    /** Who a console change is recorded as: the staff member's name (or "staff") from the console. */
    static String author(String name) {
        return staffName(name) + " (console)";
    }

    /** The next version the history records is this staff member's. */
    static void expectAuthor(Config config, String name) {
        expectAuthors(config, List.of(staffName(name)));
    }

    /** The next version the history records is these staff members' (names already checked by {@link #staffName}). */
    static void expectAuthors(Config config, java.util.Collection<String> names) {
        try {
            CorpusHistory.of(config.corpusDir()).expect(String.join(", ", names) + " (console)");
        } catch (RuntimeException noHistory) {
            // the folder cannot keep a history: the change still goes live
        }
    }

    /** The console's change was not made: the next version recorded is not credited to it. */
    static void forgetAuthors(Config config) {
        try {
            CorpusHistory.of(config.corpusDir()).forget();
        } catch (RuntimeException noHistory) {
            // nothing was expected
        }
    }

    private static CorpusHistory history(Config config) {
        try {
            return CorpusHistory.of(config.corpusDir());
        } catch (RuntimeException e) {
            throw new ApiException(503, "history_unavailable", "The corpus's history cannot be kept in this folder: " + e.getMessage());
        }
    }

    private interface HistoryCall<T> {
        T run() throws CorpusHistory.UnknownVersionException, IOException;
    }

    private static <T> T known(HistoryCall<T> call) throws IOException {
        try {
            return call.run();
        } catch (CorpusHistory.UnknownVersionException e) {
            throw new ApiException(404, "unknown_version", e.getMessage());
        }
    }

    static Map<String, Object> status(ChatService chat, Editor editor) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>(HttpApi.health(chat.index()));
        LiveIndex.Status s = chat.index().status();
        out.put("reloads", s.reloads());
        List<Object> warnings = new java.util.ArrayList<>(s.warnings());
        warnings.addAll(editor.lost());
        if (chat.contact() == null || chat.contact().isBlank()) {
            // said in the log at start, which staff never read: a visitor left without an answer is also left without a number
            warnings.add(Map.of("file", "the service's settings", "line", 0, "warning", true, "message",
                    "CLINIC_CONTACT is not set, so a visitor the chat cannot answer is offered no phone number or page;"
                            + " ask whoever runs the service to set it"));
        }
        out.put("corpusWarnings", warnings);
        // the versions the console's changes are based on: a change to a file saved since is refused
        out.put("versions", Map.of(VisitorQuestionsFile.FILE_NAME, editor.version(VisitorQuestionsFile.FILE_NAME),
                com.sciaticachat.analysis.OutOfScopeFile.FILE_NAME, editor.version(com.sciaticachat.analysis.OutOfScopeFile.FILE_NAME)));
        out.put("unansweredOpen", chat.inbox() == null ? 0 : chat.inbox().openGroups());
        return out;
    }

    /** The reply a visitor would get, and why (the same view as {@code ask --explain}). */
    static Explanation tryQuestion(ChatService chat, String question) {
        return Explanation.of(chat.trace(question));
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
