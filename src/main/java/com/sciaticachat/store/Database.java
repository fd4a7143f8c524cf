package com.sciaticachat.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * The one place the service keeps what must survive: a pool of connections to a database whose schema
 * Flyway keeps current. By default an embedded H2 file under the index folder (nothing to set up); with
 * {@code DATABASE_URL}, a PostgreSQL server that any number of replicas share.
 */
public final class Database implements Closeable {

    /**
     * Where the database is: {@code url} null for the embedded file; otherwise a JDBC URL, with the user and
     * password (from the URL or the environment) kept apart so they are never logged.
     */
    public record Settings(String url, String user, String password) {
        public static final Settings EMBEDDED = new Settings(null, null, null);

        @Override
        public String toString() {
            return url == null ? "embedded" : url;
        }

        /** Whether replicas may share it (PostgreSQL). */
        public boolean shared() {
            return url != null && url.startsWith("jdbc:postgresql:");
        }

        /**
         * {@code postgresql://user:password@host:5432/chat?sslmode=require} (or {@code postgres://}, or the JDBC
         * form {@code jdbc:postgresql://host/chat}); {@code user} and {@code password}, when given, win over the
         * URL's. Null or blank: embedded. Throws {@link IllegalArgumentException} with what is expected.
         */
        public static Settings parse(String databaseUrl, String user, String password) {
            if (databaseUrl == null || databaseUrl.isBlank()) return EMBEDDED;
            String raw = databaseUrl.strip();
            if (raw.startsWith("jdbc:")) {
                if (!raw.startsWith("jdbc:postgresql:") && !raw.startsWith("jdbc:h2:")) {
                    throw new IllegalArgumentException("DATABASE_URL must be a PostgreSQL database (postgresql://host/name), not '" + shown(raw) + "'");
                }
                return new Settings(raw, blankToNull(user), blankToNull(password));
            }
            URI uri;
            try {
                uri = new URI(raw);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("DATABASE_URL looks like 'postgresql://user:password@host:5432/chat', not '" + shown(raw) + "'");
            }
            if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme()) || uri.getHost() == null
                    || uri.getPath() == null || uri.getPath().length() < 2) {
                throw new IllegalArgumentException("DATABASE_URL looks like 'postgresql://user:password@host:5432/chat', not '" + shown(raw) + "'");
            }
            String urlUser = null, urlPassword = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                urlUser = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                if (parts.length > 1) urlPassword = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
            String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return new Settings(jdbc, user != null && !user.isBlank() ? user : urlUser, password != null && !password.isEmpty() ? password : urlPassword);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }

        /** The URL without a password in it, for messages. */
        private static String shown(String raw) {
            return raw.replaceAll("//([^:/@]*):[^@/]*@", "//$1:***@");
        }
    }

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final HikariDataSource pool;
    private final boolean shared;
    private final String description;
    /**
     * Until when the database counts as unreachable (System.nanoTime): after a connection failure, work is
     * refused at once for a few seconds instead of every request waiting for the pool's timeout, so a
     * database outage never slows visitors' answers down.
     */
    private volatile long downUntil;
    static final long DOWN_NANOS = 5_000_000_000L;

    private Database(HikariDataSource pool, boolean shared, String description) {
        this.pool = pool;
        this.shared = shared;
        this.description = description;
    }

    /**
     * Opens the database and brings its schema up to date; {@code embeddedDir} holds the embedded file.
     * Throws {@link StoreException} with a plain message when it cannot be reached.
     */
    public static Database open(Settings settings, Path embeddedDir) {
        HikariConfig hc = new HikariConfig();
        boolean shared = settings.shared();
        String description;
        if (settings.url() == null) {
            try {
                Files.createDirectories(embeddedDir);
            } catch (java.io.IOException e) {
                throw new StoreException("the store's folder " + embeddedDir + " could not be made (" + e.getMessage() + ")", e);
            }
            hc.setJdbcUrl("jdbc:h2:file:" + embeddedDir.toAbsolutePath().resolve("chat") + ";DB_CLOSE_ON_EXIT=FALSE");
            description = "an embedded database in " + embeddedDir;
        } else {
            hc.setJdbcUrl(settings.url());
            if (settings.user() != null) hc.setUsername(settings.user());
            if (settings.password() != null) hc.setPassword(settings.password());
            description = settings.url().replaceAll("\\?.*", "");
        }
        hc.setPoolName("store");
        hc.setMaximumPoolSize(shared ? 8 : 4);
        hc.setConnectionTimeout(2_000);
        hc.setInitializationFailTimeout(1); // an unreachable database stops the start at once; the orchestrator starts it again
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new StoreException("the database (" + description + ") could not be reached: " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("the database's tables (" + description + ") could not be brought up to date: " + rootMessage(e), e);
        }
        return new Database(pool, shared, description);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** How long a failed statement keeps the store reported as failing: a database gone read-only fails every write. */
    static final long FAILING_NANOS = 60_000_000_000L;
    /** When a statement last failed (0: never). */
    private volatile long lastFailure;

    /**
     * Whether work failed in the last minute while the database could be reached (a disk full, a database made
     * read-only): reads may still succeed, so only time clears it.
     */
    public boolean failing() {
        long at = lastFailure;
        return at != 0 && System.nanoTime() - at < FAILING_NANOS;
    }

    /** False for a few seconds after a connection failure (work is refused meanwhile), true otherwise. */
    public boolean reachable() {
        return downUntil == 0 || System.nanoTime() - downUntil >= 0;
    }

    /** Whether other replicas may share it (PostgreSQL), so what it holds can change under this process. */
    public boolean shared() {
        return shared;
    }

    /** Runs work on a connection in auto-commit mode. */
    public <T> T call(Work<T> work) {
        refuseWhileDown();
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void refuseWhileDown() {
        if (!reachable()) {
            throw new StoreException("the database (" + description + ") is unreachable; trying again in a few seconds", null);
        }
    }

    /** A failure; one that says the database cannot be reached makes the next few seconds' work fail at once. */
    private StoreException failed(SQLException e) {
        String state = e.getSQLState();
        boolean unreachable = e instanceof java.sql.SQLTransientConnectionException || state != null && (state.startsWith("08") || state.startsWith("57P"));
        if (unreachable) {
            // said as unreachable while it lasts, not as failing for a minute after the database is back
            downUntil = System.nanoTime() + DOWN_NANOS;
        } else if (state == null || !state.startsWith("23")) {
            // a row two replicas made at the same moment (integrity, class 23) is tried again, no fault of the store
            lastFailure = System.nanoTime();
        }
        return new StoreException("the database (" + description + ") failed: " + e.getMessage(), e);
    }

    /** Runs work in one transaction: all of it is kept, or none. */
    public <T> T transaction(Work<T> work) {
        refuseWhileDown();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T out = work.run(c);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException lost) {
                    // the connection is gone: nothing was kept
                }
                throw e;
            } finally {
                try {
                    c.setAutoCommit(true);
                } catch (SQLException lost) {
                    // the pool drops a broken connection
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public void close() {
        pool.close();
    }
}
