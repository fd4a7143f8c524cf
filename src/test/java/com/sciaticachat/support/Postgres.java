package com.sciaticachat.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server from the distribution's packages, on loopback, in a throw-away folder. CI
 * installs the packages ({@code .ci/run}); under {@code CI=true} a machine without them fails the test
 * instead of skipping it.
 */
public final class Postgres implements AutoCloseable {
    private final Path dir;
    private final Path bin;
    private final boolean root;
    public final int port;

    private Postgres(Path dir, Path bin, boolean root, int port) {
        this.dir = dir;
        this.bin = bin;
        this.root = root;
        this.port = port;
    }

    /** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
    static Path binaries() {
        Path base = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(base)) return null;
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb"))).sorted().reduce((a, b) -> b).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Starts a server with an empty database {@code chat}; skips the test on a developer's machine without PostgreSQL. */
    public static Postgres start() throws IOException, InterruptedException {
        Path bin = binaries();
        requireInstalled(bin != null, "PostgreSQL (apt-get install postgresql)");
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("sciatica-pg");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port = freePort();
        run(root, bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "postgres", "--no-sync");
        Postgres pg = new Postgres(dir, bin, root, port);
        pg.startServer();
        pg.psql("CREATE DATABASE chat");
        return pg;
    }

    private void startServer() throws IOException, InterruptedException {
        run(root, bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "-l", dir.resolve("pg.log").toString(), "start");
    }

    /** Stops the server as a crash would (its data stays), to be started again with {@link #restart}. */
    public void crash() throws IOException, InterruptedException {
        run(root, bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    }

    public void restart() throws IOException, InterruptedException {
        startServer();
    }

    /** Fails under CI=true (CI installs it), skips elsewhere, when a server program is missing. */
    public static void requireInstalled(boolean installed, String what) {
        if (installed) return;
        if ("true".equals(System.getenv("CI"))) throw new AssertionError(what + " is not installed; .ci/run installs it");
        Assumptions.abort(what + " is not installed on this machine");
    }

    public void psql(String sql) throws IOException, InterruptedException {
        run(root, bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql);
    }

    /** The service's DATABASE_URL for the database {@code chat}. */
    public String url() {
        return "postgresql://postgres@127.0.0.1:" + port + "/chat";
    }

    private static void run(boolean root, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (root) cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + " failed:\n" + out);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(root, bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        TestFiles.deleteTree(dir);
    }
}
