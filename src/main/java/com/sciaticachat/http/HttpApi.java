package com.sciaticachat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sciaticachat.analysis.Language;
import com.sciaticachat.chat.ChatService;
import com.sciaticachat.chat.Reply;
import com.sciaticachat.config.Config;
import com.sciaticachat.search.LiveIndex;
import com.sciaticachat.store.Database;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import com.sciaticachat.limits.TokenBuckets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the chat. Handlers are a few lines each: read and check the request, call
 * {@link ChatService}, return JSON. Every error, from a bad body to an unknown path, is JSON with a code
 * and a message; nothing a client sends produces a 500.
 */
public final class HttpApi {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    /** Bodies above this are refused with 413 before they are read into memory. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    /** The console's draft routes carry whole documents: their bodies may be this large. */
    public static final int MAX_DOCUMENT_BYTES = 1024 * 1024;
    static final String DOCUMENT_ROUTES = "/api/v1/admin/draft";

    /** The largest body a request to this path may carry. */
    static long bodyLimit(String path) {
        return path != null && path.startsWith(DOCUMENT_ROUTES) ? MAX_DOCUMENT_BYTES : MAX_BODY_BYTES;
    }
    public static final int MAX_QUESTION_CHARS = 500;
    /** A visitor's longer message is still read, for warning signs only, up to this many characters. */
    public static final int MAX_MESSAGE_CHARS = 3000;

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    private HttpApi() {}

    /** The request body of {@code POST /api/v1/ask}. */
    /** The request body of {@code POST /api/v1/ask}: the question, and the answer to the chat's check question (or null). */
    public record AskRequest(String question, ChatService.CheckAnswer check, List<ChatService.Turn> history, Language language) {}

    /** The one JSON mapper of the API: times as ISO-8601 text. */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // strict JSON: a name given twice in one object is refused, not read as the last one
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    public static Javalin create(ChatRef chat, Config config) {
        ObjectMapper mapper = mapper();
        Javalin[] app = new Javalin[1];
        Cors cors = new Cors(config.allowedOrigins(), () -> config.ownOrigins(app[0] == null ? config.port() : app[0].port()));
        ClientAddress clients = new ClientAddress(config.limits().trustedProxies());
        RefusedOrigins refused = new RefusedOrigins();
        com.github.benmanes.caffeine.cache.Cache<Reply, byte[]> rendered =
                com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();
        TokenBuckets askLimit = config.limits().askPerMinute() > 0
                ? new TokenBuckets(config.limits().askPerMinute(), config.limits().askBurst()) : null;
        boolean insights = config.adminEnabled();
        ServiceMetrics metrics = new ServiceMetrics(chat);
        java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean();
        app[0] = Javalin.create(cfg -> {
            cfg.events.serverStopping(() -> draining.set(true));
            cfg.events.serverStopped(metrics::close);
            cfg.requestLogger.http(metrics::request);
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            cfg.http.maxRequestSize = MAX_BODY_BYTES;
            cfg.http.prefer405over404 = true;
            cfg.http.generateEtags = true;
            JettySetup.apply(cfg, config.limits(), metrics::threadPool);
            staticFiles(cfg, config);

            cfg.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
                if (!ctx.path().startsWith("/api/")) ctx.header("Content-Security-Policy", CSP);
                // without ADMIN_TOKEN the staff console does not exist: its pages and API answer 404
                if (!config.adminEnabled() && (ctx.path().startsWith("/admin") || ctx.path().startsWith("/api/v1/admin"))) {
                    throw new ApiException(404, "not_found", "There is nothing at " + ctx.path());
                }
            });
            cfg.routes.before("/api/*", ctx -> {
                ctx.header("Vary", "Origin");
                String origin = ctx.header("Origin");
                if (origin == null) return;
                if (!cors.allows(origin)) {
                    refused.note(origin);
                    // the page may read the refusal (never an answer), so the widget can say the site is not set up;
                    // a preflight passes for the same reason: the request it announces is refused here
                    String readable = Config.normalizeOrigin(origin);
                    if (readable != null) ctx.header("Access-Control-Allow-Origin", readable);
                    if (readable != null && ctx.method() == io.javalin.http.HandlerType.OPTIONS) return;
                    throw new ApiException(403, "origin_not_allowed",
                            "Pages from " + origin + " may not use this chat; the service's ALLOWED_ORIGINS setting lists the sites that may");
                }
                ctx.header("Access-Control-Allow-Origin", origin);
            });
            for (String path : List.of("/api/v1/ask", "/api/v1/feedback", "/api/v1/feedback/comment", "/api/v1/info", "/api/v1/sections", "/api/v1/sections/<id>")) {
                cfg.routes.options(path, HttpApi::preflight);
            }

            cfg.routes.post("/api/v1/ask", ctx -> {
                String client = clients.of(ctx);
                limit(ctx, askLimit, client);
                AskRequest asked = readAsk(ctx, mapper, MAX_MESSAGE_CHARS);
                // a message too long to answer may still tell of an emergency: read for that alone, or asked to shorten
                Reply reply = length(asked.question()) > MAX_QUESTION_CHARS
                        ? Optional.ofNullable(chat.get().warningsOnly(asked.question(), asked.check(), asked.language())).orElseThrow(HttpApi::tooLong)
                        : chat.get().ask(asked.question(), asked.check(), client, asked.history(), asked.language());
                metrics.reply(reply);
                if (insights) chat.insights().statistics().asked(reply.status().value(), reply.answer() == null ? null : reply.answer().sectionId());
                // a reply from the answer cache is the same object each time: its JSON is made once
                byte[] json = rendered.get(reply, r -> toJson(mapper, r));
                // the language the chat's own sentences are in (Spanish for a question clearly in Spanish on any page): the
                // widget draws that reply's buttons and labels in it too (a header any page may read across origins)
                ctx.header("Content-Language", asked.language().code);
                ctx.contentType("application/json").result(json);
            });
            cfg.routes.get("/api/v1/sections", ctx -> ctx.json(Map.of("sections", chat.get().sections())));
            // section ids contain a slash (document/section), hence <id>, which spans segments
            cfg.routes.get("/api/v1/sections/<id>", ctx -> ctx.json(chat.get().section(ctx.pathParam("id"))
                    .orElseThrow(() -> new ApiException(404, "section_not_found", "There is no section with that id"))));
            cfg.routes.get("/api/v1/info", ctx -> {
                // the widget offers "helpful / not helpful" only where someone reads it
                // the disclaimer in the widget's language; any other value is English
                Language language = java.util.Objects.requireNonNullElse(Language.of(String.valueOf(ctx.queryParam("lang"))), Language.ENGLISH);
                com.fasterxml.jackson.databind.node.ObjectNode info = mapper.valueToTree(chat.get().info(language));
                info.put("feedback", insights);
                // the contact as the chat's sentences spell it ("(919) 555-0123" for tel:+19195550123): a page with a
                // contact of its own (data-contact) tells that one in their place
                String contact = info.path("contact").asText("");
                if (!contact.isBlank()) info.put("contactText", com.sciaticachat.chat.Messages.forPeople(contact));
                ctx.json(info);
            });
            cfg.routes.post("/api/v1/feedback", ctx -> {
                if (!insights) throw noFeedback();
                String client = clients.of(ctx);
                limit(ctx, askLimit, client);
                ctx.json(Feedback.take(ctx, mapper, chat.get(), chat.insights(), client));
            });
            cfg.routes.post("/api/v1/feedback/comment", ctx -> {
                if (!insights) throw noFeedback();
                limit(ctx, askLimit, clients.of(ctx));
                ctx.json(Feedback.comment(ctx, mapper, chat.insights()));
            });
            if (config.adminEnabled()) AdminApi.register(cfg, chat, config, mapper, cors, clients);
            // for orchestrators: the process is up; it answers questions (not while starting or draining)
            cfg.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "live")));
            cfg.routes.get("/health/ready", ctx -> {
                String state = draining.get() ? "draining" : !chat.ready() ? "starting" : "ready";
                ctx.status(state.equals("ready") ? 200 : 503).json(Map.of("status", state));
            });
            cfg.routes.get("/metrics", ctx -> {
                if (!ClientAddress.internal(clients.of(ctx))) {
                    throw new ApiException(404, "not_found", "There is nothing at " + ctx.path());
                }
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
            });
            cfg.routes.get("/health", ctx -> {
                if (!chat.ready()) {
                    ctx.status(503).json(Map.of("status", "starting"));
                    return;
                }
                Map<String, Object> out = health(chat.get().index());
                // the store being unreachable does not stop answers: said here, not in the status
                if (insights) {
                    Database store = chat.insights().store();
                    out.put("store", !store.reachable() ? "unreachable" : store.failing() ? "failing" : "ok");
                }
                ctx.json(out);
            });

            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 503) ctx.header("Retry-After", Long.toString(ChatRef.RETRY_AFTER_SECONDS)); // starting: say when to come back
                error(ctx, e.getStatus(), e.getDetails().getOrDefault("code", codeFor(e.getStatus())), messageFor(e, ctx));
            });
            // the database is down or unreachable: say so (503, try again), without a stack trace per request
            cfg.routes.exception(com.sciaticachat.store.StoreException.class, (e, ctx) -> {
                LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                ctx.header("Retry-After", "10");
                error(ctx, 503, "store_unavailable", "This could not be kept or read just now; please try again in a moment");
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                Integer clientFault = clientFault(e);
                if (clientFault != null) {
                    error(ctx, clientFault, codeFor(clientFault), JsonErrorHandler.messageFor(clientFault));
                    return;
                }
                String id = java.util.UUID.randomUUID().toString().substring(0, 8);
                LOG.error("Unexpected error {} on {} {}", id, ctx.method(), ctx.path(), e);
                error(ctx, 500, Map.of("code", "internal_error", "id", id,
                        "message", "Something went wrong on our side; please try again (error " + id + ")"));
            });
            cfg.routes.error(404, ctx -> {
                if (!isErrorJson(ctx)) error(ctx, 404, "not_found", "There is nothing at " + ctx.path());
            });
            cfg.routes.error(405, ctx -> {
                if (!isErrorJson(ctx)) error(ctx, 405, "method_not_allowed", ctx.method() + " is not supported on " + ctx.path());
            });
        });
        return app[0];
    }

    /** Feedback is kept only where staff read it (the console is on). */
    private static ApiException noFeedback() {
        return new ApiException(404, "not_found", "This chat does not collect feedback (its staff console is off)");
    }

    /** Past the client's share of questions for the minute: 429 with the seconds to wait. */
    private static void limit(Context ctx, TokenBuckets limit, String client) {
        if (limit == null) return;
        long wait = limit.waitNanos(client);
        if (wait > 0) {
            long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiException(429, "too_many_questions",
                    "That is more questions than the chat can take at once; please wait " + seconds + " s and ask again");
        }
    }

    /** The status of a failure the client caused (a body Jetty could not parse, say), or null for a fault of ours. */
    static Integer clientFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException h && h.getCode() >= 400 && h.getCode() < 500) return h.getCode();
            if (t instanceof org.eclipse.jetty.io.EofException) return 400;
            // the connection was closed under the request: its body took too long to arrive
            if (t instanceof java.nio.channels.ClosedChannelException || t instanceof java.util.concurrent.TimeoutException) return 408;
        }
        return null;
    }

    private static void staticFiles(JavalinConfig cfg, Config config) {
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/";
            if (config.webDir() != null) {
                files.directory = config.webDir().toAbsolutePath().toString();
                files.location = Location.EXTERNAL;
            } else {
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            }
            files.headers = Map.of("Cache-Control", "no-cache");
        });
    }

    /** A browser asking whether it may call the API; the origin was checked before this runs. */
    static void preflight(Context ctx) {
        ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", "Content-Type, Authorization");
        ctx.header("Access-Control-Max-Age", "600");
        ctx.status(204);
    }

    private static byte[] toJson(ObjectMapper mapper, Reply reply) {
        try {
            return mapper.writeValueAsBytes(reply);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a reply could not be written as JSON", e);
        }
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static ApiException tooLong() {
        return new ApiException(400, "question_too_long", "\"question\" may have at most " + MAX_QUESTION_CHARS + " characters");
    }

    /** A body's "question": a string with something readable in it, at most {@value #MAX_QUESTION_CHARS} characters. */
    static String question(JsonNode json) {
        return question(json, MAX_QUESTION_CHARS);
    }

    /** The same, at most {@code max} characters. */
    static String question(JsonNode json, int max) {
        JsonNode q = json.get("question");
        if (q == null || q.isNull()) throw new ApiException(400, "missing_question", "The body needs a \"question\" field");
        if (!q.isTextual()) throw new ApiException(400, "invalid_question", "\"question\" must be a string");
        String question = Questions.visible(q.asText());
        if (question.isEmpty()) throw new ApiException(400, "empty_question", "\"question\" must not be blank");
        if (length(question) > max) throw tooLong();
        return question;
    }

    static AskRequest readAsk(Context ctx, ObjectMapper mapper) {
        return readAsk(ctx, mapper, MAX_QUESTION_CHARS);
    }

    /** A request to {@code /api/v1/ask}, its question at most {@code maxChars} characters. */
    static AskRequest readAsk(Context ctx, ObjectMapper mapper, int maxChars) {
        // the header as sent: Javalin's parsed form fails on a charset Java does not know ("charset=ebcdic")
        String type = ctx.header("Content-Type");
        String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mime.equals("application/json") && !(mime.startsWith("application/") && mime.endsWith("+json"))) {
            throw new ApiException(415, "unsupported_media_type", "Send the question as JSON with 'Content-Type: application/json'");
        }
        String body = body(ctx);
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (Exception e) {
            throw new ApiException(400, "malformed_json", "The body is not valid JSON; send {\"question\": \"...\"}");
        }
        if (json == null || !json.isObject()) {
            throw new ApiException(400, "malformed_json", "The body must be a JSON object like {\"question\": \"...\"}");
        }
        String question = question(json, maxChars);
        JsonNode c = json.get("check");
        ChatService.CheckAnswer check = null;
        if (c != null && !c.isNull()) {
            if (!c.isTextual() || !List.of("yes", "no").contains(c.asText())) {
                throw new ApiException(400, "invalid_check", "\"check\" is \"yes\" or \"no\": the answer to the chat's check question");
            }
            check = c.asText().equals("yes") ? ChatService.CheckAnswer.YES : ChatService.CheckAnswer.NO;
        }
        JsonNode l = json.get("lang");
        Language language = Language.ENGLISH;
        if (l != null && !l.isNull()) {
            language = l.isTextual() ? Language.of(l.asText()) : null;
            if (language == null) throw new ApiException(400, "invalid_lang", "\"lang\" is \"en\" or \"es\": the language of the chat's own sentences");
        }
        // a visitor who writes in Spanish is answered in Spanish whatever the page's language: above all the urgent advice
        if (language == Language.ENGLISH && Language.clearlySpanish(com.sciaticachat.analysis.Words.fold(question))) language = Language.SPANISH;
        return new AskRequest(question, check, history(json.get("history")), language);
    }

    /**
     * The turns before the question, oldest first: at most {@link ChatService#MAX_HISTORY} objects, each with
     * the visitor's question and the section it was answered with (null when none), checked like a question.
     */
    static List<ChatService.Turn> history(JsonNode h) {
        if (h == null || h.isNull()) return List.of();
        if (!h.isArray() || h.size() > ChatService.MAX_HISTORY) {
            throw new ApiException(400, "invalid_history", "\"history\" is a list of at most " + ChatService.MAX_HISTORY
                    + " earlier turns: {\"question\": \"...\", \"sectionId\": \"...\"}");
        }
        List<ChatService.Turn> turns = new java.util.ArrayList<>();
        for (JsonNode t : h) {
            JsonNode q = t.get("question"), id = t.get("sectionId");
            if (!t.isObject() || q == null || !q.isTextual() || (id != null && !id.isNull() && !id.isTextual())) {
                throw new ApiException(400, "invalid_history", "Each turn of \"history\" is {\"question\": \"...\", \"sectionId\": \"...\" or null}");
            }
            String question = Questions.visible(q.asText());
            String section = id == null || id.isNull() ? null : id.asText();
            if (length(question) > MAX_QUESTION_CHARS || (section != null && section.length() > MAX_SECTION_ID_CHARS)) {
                throw new ApiException(400, "invalid_history", "A turn of \"history\" is longer than a question or a section id can be");
            }
            turns.add(new ChatService.Turn(question, section));
        }
        return List.copyOf(turns);
    }

    /** Longer than any section id the corpus can make. */
    static final int MAX_SECTION_ID_CHARS = 300;

    /** A draft route's body, up to {@link #MAX_DOCUMENT_BYTES} (the service-wide request limit is smaller). */
    static String documentBody(Context ctx) {
        try (java.io.InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
            if (bytes.length > MAX_DOCUMENT_BYTES) {
                throw new ApiException(413, "payload_too_large", "A document may be at most " + MAX_DOCUMENT_BYTES / 1024 + " KB");
            }
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof HttpResponseException h) throw h;
            throw unreadable(e);
        }
    }

    /** The request's body; one that breaks off or breaks its framing is the client's mistake (400), not ours. */
    static String body(Context ctx) {
        try {
            // JSON is UTF-8 (RFC 8259), whatever charset the Content-Type claims
            return new String(ctx.bodyAsBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (HttpResponseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    /** A body that could not be read: it arrived too slowly (408, see {@link SlowClientGuard}) or broke off or broke its framing (400). */
    private static ApiException unreadable(Exception e) {
        if (Integer.valueOf(408).equals(clientFault(e))) {
            return new ApiException(408, "request_timeout", JsonErrorHandler.messageFor(408));
        }
        return new ApiException(400, "unreadable_body", "The body could not be read to its end; send it again");
    }

    static Map<String, Object> health(LiveIndex index) {
        LiveIndex.Status s = index.status();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", s.degraded() ? "degraded" : "ok");
        out.put("sections", s.sections());
        out.put("documents", s.documents());
        out.put("indexBuiltAt", s.builtAt());
        out.put("lastReload", s.lastReload().toString());
        out.put("corpusErrors", s.corpusErrors());
        out.put("corpusWarnings", s.warnings());
        return out;
    }

    private static void error(Context ctx, int status, String code, String message) {
        error(ctx, status, Map.of("code", code, "message", message));
    }

    /** Writes {@code {"error": fields}} and marks the response, so the status-code handlers leave it as it is. */
    private static void error(Context ctx, int status, Map<String, String> fields) {
        ctx.status(status).json(Map.of("error", fields));
        ctx.attribute("sciatica.errorJson", Boolean.TRUE);
    }

    private static boolean isErrorJson(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute("sciatica.errorJson"));
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 417 -> "expectation_failed";
            case 426 -> "upgrade_required";
            case 429 -> "too_many_requests";
            case 431 -> "headers_too_large";
            case 501 -> "not_implemented";
            case 503 -> "unavailable";
            case 505 -> "http_version_not_supported";
            default -> status >= 500 ? "internal_error" : "error";
        };
    }

    private static String messageFor(HttpResponseException e, Context ctx) {
        if (e instanceof ApiException) return e.getMessage();
        return switch (e.getStatus()) {
            case 413 -> JsonErrorHandler.messageFor(413);
            case 404 -> "There is nothing at " + ctx.path();
            case 405 -> ctx.method() + " is not supported on " + ctx.path();
            default -> e.getMessage() == null || e.getMessage().isBlank() ? codeFor(e.getStatus()) : e.getMessage();
        };
    }
}
