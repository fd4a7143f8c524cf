package com.sciaticachat.config;

import com.sciaticachat.store.Database;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the service is configured with, from flags and environment variables (a flag wins), checked
 * once at start so that a typo stops the service with a clear message instead of misbehaving later.
 *
 * @param port           HTTP port ({@code --port}, {@code PORT}; 0 picks a free one)
 * @param corpusDir      the staff's Markdown ({@code --corpus}, {@code CORPUS_DIR})
 * @param indexDir       the Lucene index ({@code --index}, {@code INDEX_DIR})
 * @param webDir         serve the widget from this folder instead of the copy inside the jar ({@code --web}, {@code WEB_DIR})
 * @param allowedOrigins origins whose pages may call the API ({@code ALLOWED_ORIGINS}, comma-separated, {@code *} for any);
 *                       the service's own origin is always allowed
 * @param clinicName     who the chat speaks for ({@code CLINIC_NAME})
 * @param contact        phone or URL offered when the chat has no answer ({@code CLINIC_CONTACT})
 * @param disclaimer     shown with every reply ({@code DISCLAIMER})
 * @param minConfidence  below this confidence the chat says it has no answer ({@code --min-confidence}, {@code MIN_CONFIDENCE})
 * @param adminToken     enables the staff console when set ({@code ADMIN_TOKEN}); never logged
 * @param inboxFile      where unanswered questions are kept for staff ({@code --inbox}, {@code INBOX_FILE};
 *                       default {@code INDEX_DIR/inbox/unanswered.jsonl})
 * @param trainingFile   the questions the chat learns from for the shipped guide, in the visitor-questions format;
 *                       null for the copy inside the jar (evaluation swaps in a copy without the questions it asks)
 * @param publicUrl      the address visitors reach the service at ({@code PUBLIC_URL}); pages from it may call the API
 *                       (default {@code http://localhost:PORT})
 * @param limits         what one client may ask and hold, and whom to believe about who the client is
 * @param database       where the inbox, feedback and statistics are kept ({@code DATABASE_URL}, {@code DATABASE_USER},
 *                       {@code DATABASE_PASSWORD}); by default an embedded database in {@code INDEX_DIR/store}
 */
public record Config(
        int port,
        Path corpusDir,
        Path indexDir,
        Path webDir,
        List<String> allowedOrigins,
        String clinicName,
        String contact,
        String disclaimer,
        double minConfidence,
        String adminToken,
        Path inboxFile,
        Path trainingFile,
        String publicUrl,
        Limits limits,
        Database.Settings database) {

    public static final String DEFAULT_CLINIC = "Raleigh Massage";
    public static final double DEFAULT_MIN_CONFIDENCE = 0.6;
    public static final String DEFAULT_DISCLAIMER = "This chat shares general educational information from %s's own guide. "
            + "It is not a diagnosis or medical advice. For advice about your health, please see a doctor or another "
            + "qualified healthcare provider.";

    public Config {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** A bad flag or setting: the message says which and what is expected. */
    public static final class ConfigException extends Exception {
        public ConfigException(String message) {
            super(message);
        }
    }

    /**
     * Defaults for tests and tools: the bundled corpus and index, port 0, and no per-client quotas (they ask
     * many questions from one address); the service itself starts from {@link #from}, with {@link Limits#DEFAULT}.
     */
    public static Config defaults() {
        return new Config(0, Path.of("corpus"), Path.of("index"), null, List.of(), DEFAULT_CLINIC, "",
                DEFAULT_DISCLAIMER.formatted(DEFAULT_CLINIC), DEFAULT_MIN_CONFIDENCE, null, null, null, null, Limits.NO_CLIENT_QUOTAS,
                Database.Settings.EMBEDDED);
    }

    public Config withPort(int p) {
        return new Config(p, corpusDir, indexDir, webDir, allowedOrigins, clinicName, contact, disclaimer, minConfidence, adminToken, inboxFile, trainingFile, publicUrl, limits, database);
    }

    public Config withDirs(Path corpus, Path index) {
        return new Config(port, corpus, index, webDir, allowedOrigins, clinicName, contact, disclaimer, minConfidence, adminToken, inboxFile, trainingFile, publicUrl, limits, database);
    }

    public Config withAllowedOrigins(List<String> origins) {
        return new Config(port, corpusDir, indexDir, webDir, origins, clinicName, contact, disclaimer, minConfidence, adminToken, inboxFile, trainingFile, publicUrl, limits, database);
    }

    public Config withContact(String c) {
        return new Config(port, corpusDir, indexDir, webDir, allowedOrigins, clinicName, c, disclaimer, minConfidence, adminToken, inboxFile, trainingFile, publicUrl, limits, database);
    }

    public Config withAdminToken(String token) {
        return new Config(port, corpusDir, indexDir, webDir, allowedOrigins, clinicName, contact, disclaimer, minConfidence, token, inboxFile, trainingFile, publicUrl, limits, database);
    }

    public Config withLimits(Limits l) {
        return new Config(port, corpusDir, indexDir, webDir, allowedOrigins, clinicName, contact, disclaimer, minConfidence, adminToken, inboxFile, trainingFile, publicUrl, l, database);
    }

    public Config withTrainingFile(Path file) {
        return new Config(port, corpusDir, indexDir, webDir, allowedOrigins, clinicName, contact, disclaimer, minConfidence, adminToken, inboxFile, file, publicUrl, limits, database);
    }

    /** The inbox file: as configured, or inside the index folder. */
    public Path inbox() {
        return inboxFile != null ? inboxFile : indexDir.resolve("inbox").resolve("unanswered.jsonl");
    }

    /** The origins of the service's own pages: {@code PUBLIC_URL}, or this machine's names on the given port. */
    public List<String> ownOrigins(int actualPort) {
        if (publicUrl != null) return List.of(publicUrl);
        return List.of("http://localhost:" + actualPort, "http://127.0.0.1:" + actualPort, "http://[::1]:" + actualPort);
    }

    public boolean adminEnabled() {
        return adminToken != null && !adminToken.isEmpty();
    }

    /**
     * Builds the configuration from parsed flags (name → value, without the leading dashes) and the
     * environment. Unknown flags are the caller's business; bad values are reported here.
     */
    public static Config from(Map<String, String> flags, Map<String, String> env) throws ConfigException {
        int port = parsePort(first(flags.get("port"), env.get("PORT"), "7070"));
        Path corpus = Path.of(first(flags.get("corpus"), env.get("CORPUS_DIR"), "corpus"));
        Path index = Path.of(first(flags.get("index"), env.get("INDEX_DIR"), "index"));
        String web = first(flags.get("web"), env.get("WEB_DIR"), null);
        List<String> origins = parseOrigins(first(null, env.get("ALLOWED_ORIGINS"), ""));
        String clinic = first(null, env.get("CLINIC_NAME"), DEFAULT_CLINIC).trim();
        String contact = first(null, env.get("CLINIC_CONTACT"), "").trim();
        String disclaimer = first(null, env.get("DISCLAIMER"), DEFAULT_DISCLAIMER.formatted(clinic)).trim();
        if (disclaimer.isEmpty()) throw new ConfigException("DISCLAIMER must not be empty: every reply carries it");
        double min = parseConfidence(first(flags.get("min-confidence"), env.get("MIN_CONFIDENCE"), Double.toString(DEFAULT_MIN_CONFIDENCE)));
        String token = first(null, env.get("ADMIN_TOKEN"), null);
        if (token != null) token = token.strip();
        if (token != null && !token.isEmpty() && token.length() < 16) {
            throw new ConfigException("ADMIN_TOKEN must be at least 16 characters long (it guards the staff console)");
        }
        String inbox = first(flags.get("inbox"), env.get("INBOX_FILE"), null);
        String publicUrl = first(null, env.get("PUBLIC_URL"), null);
        if (publicUrl != null && normalizeOrigin(publicUrl) == null) {
            throw new ConfigException("PUBLIC_URL looks like 'https://chat.example.com' (scheme and host, no path), not '" + publicUrl.trim() + "'");
        }
        return new Config(port, corpus, index, web == null ? null : Path.of(web), origins, clinic, contact, disclaimer, min,
                token == null || token.isEmpty() ? null : token, inbox == null ? null : Path.of(inbox), null,
                publicUrl == null ? null : normalizeOrigin(publicUrl), Limits.from(env), database(env));
    }

    public Config withDatabase(Database.Settings d) {
        return new Config(port, corpusDir, indexDir, webDir, allowedOrigins, clinicName, contact, disclaimer, minConfidence, adminToken, inboxFile, trainingFile, publicUrl, limits, d);
    }

    static Database.Settings database(Map<String, String> env) throws ConfigException {
        try {
            return Database.Settings.parse(env.get("DATABASE_URL"), env.get("DATABASE_USER"), env.get("DATABASE_PASSWORD"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static String first(String flag, String env, String fallback) {
        if (flag != null) return flag;
        if (env != null && !env.isBlank()) return env;
        return fallback;
    }

    static int parsePort(String value) throws ConfigException {
        try {
            int p = Integer.parseInt(value.trim());
            if (p < 0 || p > 65535) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            throw new ConfigException("the port must be a number from 0 to 65535, not '" + value + "'");
        }
    }

    static double parseConfidence(String value) throws ConfigException {
        try {
            double d = Double.parseDouble(value.trim());
            if (!(d >= 0 && d <= 1)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new ConfigException("the minimum confidence must be a number from 0 to 1, not '" + value + "'");
        }
    }

    /** "https://clinic.example, http://localhost:8080" → normalised origins; "*" allows any. */
    static List<String> parseOrigins(String value) throws ConfigException {
        List<String> out = new ArrayList<>();
        for (String raw : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
            if (raw.equals("*")) {
                out.add("*");
                continue;
            }
            String origin = normalizeOrigin(raw);
            if (origin == null) {
                throw new ConfigException("ALLOWED_ORIGINS entries look like 'https://www.example.com' (scheme and host, "
                        + "no path), not '" + raw + "'");
            }
            out.add(origin);
        }
        return out;
    }

    /** "HTTPS://Example.com:443/" → "https://example.com"; null when it is not an http(s) origin. */
    public static String normalizeOrigin(String raw) {
        try {
            URI uri = new URI(raw.trim().replaceAll("/+$", ""));
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme)) return null;
            if (uri.getHost() == null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (Exception e) {
            return null;
        }
    }
}
