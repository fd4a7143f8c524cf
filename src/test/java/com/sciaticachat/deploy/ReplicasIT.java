package com.sciaticachat.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sciaticachat.support.Await;
import com.sciaticachat.support.HttpJson;
import com.sciaticachat.support.Postgres;
import com.sciaticachat.support.TestFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the jar behind nginx, sharing one PostgreSQL, all real and on loopback: the inbox and the
 * corpus are shared, a replica killed with SIGKILL under a steady stream of questions loses no answer nginx
 * could retry and no stored record, and a rolling restart with SIGTERM drops no request. The figures are
 * printed (lines starting "replicas:").
 */
class ReplicasIT {
    private static final String TOKEN = "a-staff-token-for-the-replicas-test";
    private static final String[] AUTH = {"Authorization", "Bearer " + TOKEN, "X-Staff-Name", "Maria"};
    private static final Path JAR = Path.of("target", "sciatica-chat.jar");

    /** One replica: the jar in its own process, with its own corpus copy and index, and the shared database. */
    private static final class Replica {
        final String name;
        final Path dir;
        final int port;
        final String databaseUrl;
        Process process;

        Replica(String name, Path root, String databaseUrl) throws IOException {
            this.name = name;
            this.dir = root.resolve(name);
            this.port = Postgres.freePort();
            this.databaseUrl = databaseUrl;
            TestFiles.copyTree(TestFiles.bundledCorpus(), dir.resolve("corpus"));
        }

        Replica start() throws IOException {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                    "-jar", JAR.toAbsolutePath().toString());
            Map<String, String> env = pb.environment();
            env.put("PORT", Integer.toString(port));
            env.put("CORPUS_DIR", dir.resolve("corpus").toString());
            env.put("INDEX_DIR", dir.resolve("index").toString());
            env.put("ADMIN_TOKEN", TOKEN);
            env.put("DATABASE_URL", databaseUrl);
            env.put("TRUSTED_PROXIES", "127.0.0.1");
            env.put("ASK_LIMIT_PER_MINUTE", "0");
            env.put("SHUTDOWN_GRACE_SECONDS", "10");
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("replica.log").toFile()));
            process = pb.start();
            return this;
        }

        Replica awaitReady() {
            HttpJson http = http();
            Await.until(Duration.ofSeconds(240), "replica " + name + " is ready", () -> {
                if (!process.isAlive()) throw new AssertionError("replica " + name + " stopped:\n" + log());
                return answers(http, "/health/ready");
            });
            return this;
        }

        /**
         * Until nginx sends this replica questions again (its log records one more answer). nginx takes back a
         * replica it saw fail only after {@code fail_timeout}; stopping the other one sooner leaves no live upstream.
         */
        Replica awaitServingThroughProxy() {
            long before = answered();
            Await.until(Duration.ofSeconds(60), "nginx sends " + name + " questions again", () -> answered() > before);
            return this;
        }

        private long answered() {
            return log().lines().filter(l -> l.contains("ask status=")).count();
        }

        HttpJson http() {
            return new HttpJson("http://127.0.0.1:" + port);
        }

        String log() {
            try {
                return Files.readString(dir.resolve("replica.log"));
            } catch (IOException e) {
                return "(no log)";
            }
        }
    }

    /** Questions sent through nginx one after another by two visitors, counting what did not get an answer. */
    private static final class Stream implements AutoCloseable {
        final AtomicInteger answered = new AtomicInteger(), failed = new AtomicInteger();
        final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> threads = new ArrayList<>();

        Stream(int nginxPort) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String[] questions = {"what causes sciatica", "does massage help sciatica", "how long does sciatica last",
                    "can stretching help my sciatic nerve", "does heat help before a massage"};
            for (int t = 0; t < 2; t++) {
                int offset = t;
                Thread thread = new Thread(() -> {
                    for (int i = offset; running.get(); i++) {
                        String body = "{\"question\":\"" + questions[i % questions.length] + "\"}";
                        try {
                            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginxPort + "/api/v1/ask"))
                                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200 && r.body().contains("\"status\":\"answered\"")) answered.incrementAndGet();
                            else fail(r.statusCode() + " " + r.body());
                        } catch (IOException e) {
                            fail(e.toString());
                        } catch (InterruptedException e) {
                            return;
                        }
                        try {
                            Thread.sleep(20); // the pace of the stream (about 80 questions a second), not a wait for an outcome
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "visitor-" + t);
                thread.start();
                threads.add(thread);
            }
        }

        private void fail(String what) {
            failed.incrementAndGet();
            if (failures.size() < 5) failures.add(what);
        }

        /** Waits until {@code more} further questions were answered. */
        void awaitMore(int more, String what) {
            int target = answered.get() + more;
            Await.until(Duration.ofSeconds(120), what, () -> answered.get() >= target);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) t.join(60_000);
        }
    }

    @Test
    void two_replicas_behind_nginx_share_one_postgresql_and_lose_nothing_when_one_dies_or_restarts() throws Exception {
        assertTrue(Files.exists(JAR), "the jar is built by 'package' before this test runs");
        Path nginxBinary = Path.of("/usr/sbin/nginx");
        Postgres.requireInstalled(Files.isExecutable(nginxBinary), "nginx (apt-get install nginx)");
        Path root = Files.createTempDirectory("replicas");
        try (Postgres pg = Postgres.start()) {
            Replica a = new Replica("a", root, pg.url()).start(), b = new Replica("b", root, pg.url()).start();
            Process nginx = null;
            try {
                a.awaitReady();
                b.awaitReady();
                int nginxPort = Postgres.freePort();
                nginx = startNginx(nginxBinary, root.resolve("nginx"), nginxPort, a.port, b.port);

                // an unanswered question asked through A waits in B's console; feedback given through A is read in B's
                HttpJson.Response dog = a.http().ask("can i bring my dog to the session");
                assertEquals(200, dog.status(), dog.body());
                Await.until(Duration.ofSeconds(10), "A's inbox question in B's console",
                        () -> b.http().get("/api/v1/admin/inbox", AUTH).body().contains("bring my dog"));
                JsonNode answered = a.http().ask("what causes sciatica").json();
                assertEquals(200, a.http().post("/api/v1/feedback", HttpJson.JSON.writeValueAsString(Map.of("question", "what causes sciatica",
                        "sectionId", answered.at("/answer/sectionId").asText(), "helpful", false, "comment", "too long for my phone"))).status());
                assertTrue(b.http().get("/api/v1/admin/feedback", AUTH).body().contains("too long for my phone"), "A's feedback in B's console");

                // a console edit published through A is answered by B within 10 s
                String prices = "---\ntitle: Prices\n---\n# Prices\n\n## What a massage costs\n\n"
                        + "A sixty-minute sciatica massage costs ninety-five dollars; thirty minutes cost fifty-five dollars.\n";
                HttpJson.Response saved = a.http().send(HttpRequest.newBuilder(URI.create(a.http().base() + "/api/v1/admin/draft/file"))
                        .header("Content-Type", "application/json").header(AUTH[0], AUTH[1]).header(AUTH[2], AUTH[3])
                        .PUT(HttpRequest.BodyPublishers.ofString(HttpJson.JSON.writeValueAsString(Map.of("name", "prices.md", "text", prices,
                                "version", "")))).build());
                assertEquals(200, saved.status(), saved.body());
                HttpJson.Response published = a.http().post("/api/v1/admin/draft/publish", "{}", AUTH);
                assertTrue(published.json().get("live").asBoolean(), published.body());
                long editedAt = System.nanoTime();
                try {
                    Await.until(Duration.ofSeconds(10), "B answers from the edit made through A",
                            () -> b.http().ask("how much does a sixty minute massage cost").body().contains("ninety-five dollars"));
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\n--- A's log:\n" + a.log() + "\n--- B's log:\n" + b.log(), e);
                }
                long propagationMs = (System.nanoTime() - editedAt) / 1_000_000;
                assertEquals("Maria (console)", b.http().get("/api/v1/admin/history", AUTH).json().at("/versions/0/author").asText(),
                        "B's history names who made the change");

                // SIGKILL A under a steady stream through nginx
                int killAnswered, killFailed;
                try (Stream stream = new Stream(nginxPort)) {
                    stream.awaitMore(100, "the stream is answered");
                    a.process.destroyForcibly();
                    assertTrue(a.process.waitFor(30, TimeUnit.SECONDS));
                    stream.awaitMore(300, "the stream goes on through B");
                    stream.close();
                    killAnswered = stream.answered.get();
                    killFailed = stream.failed.get();
                    assertEquals(0, killFailed, "answers lost when A was killed: " + stream.failures + "\n--- nginx error.log:\n" + read(root.resolve("nginx").resolve("error.log")));
                }
                assertTrue(b.http().get("/api/v1/admin/inbox", AUTH).body().contains("bring my dog"), "the inbox outlives A");
                assertTrue(b.http().get("/api/v1/admin/feedback", AUTH).body().contains("too long for my phone"), "the feedback outlives A");
                String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
                int counted = b.http().get("/api/v1/admin/stats?from=" + today + "&to=" + today, AUTH).json().path("questions").asInt();
                assertTrue(counted >= killAnswered, counted + " questions counted, " + killAnswered + " answered through nginx: none lost with A");

                // a rolling restart with SIGTERM: A comes back, then B and A stop and start again in turn
                a.start().awaitReady();
                int rollAnswered, rollFailed;
                try (Stream stream = new Stream(nginxPort)) {
                    stream.awaitMore(50, "the stream is answered");
                    // nginx marked A down when it was killed: a rolling restart starts once both replicas take questions
                    a.awaitServingThroughProxy();
                    for (Replica r : List.of(b, a)) {
                        r.process.destroy(); // SIGTERM
                        assertTrue(r.process.waitFor(60, TimeUnit.SECONDS), r.name + " stops within its grace period");
                        assertEquals(0, r.process.exitValue(), r.name + " exits cleanly:\n" + r.log());
                        r.start().awaitReady().awaitServingThroughProxy();
                        stream.awaitMore(100, "the stream is answered after " + r.name + " restarted");
                    }
                    stream.close();
                    rollAnswered = stream.answered.get();
                    rollFailed = stream.failed.get();
                    assertEquals(0, rollFailed, "requests dropped by the rolling restart: " + stream.failures + "\n--- nginx error.log:\n" + read(root.resolve("nginx").resolve("error.log")));
                }
                System.out.printf("replicas: edit through A answered by B after %d ms%n", propagationMs);
                System.out.printf("replicas: SIGKILL of A under the stream: %d answered, %d failed; %d questions counted%n", killAnswered, killFailed, counted);
                System.out.printf("replicas: rolling restart (SIGTERM B, then A): %d answered, %d failed%n", rollAnswered, rollFailed);
            } finally {
                for (Replica r : List.of(a, b)) {
                    if (r.process != null) r.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
                if (nginx != null) {
                    // SIGTERM: the master stops its workers too (SIGKILL would leave them running, orphaned)
                    nginx.destroy();
                    if (!nginx.waitFor(30, TimeUnit.SECONDS)) nginx.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            TestFiles.deleteTree(root);
        }
    }

    /** nginx on loopback with the shipped proxy settings (deploy/sciatica-chat-proxy.conf) in front of the replicas. */
    private static Process startNginx(Path binary, Path dir, int port, int... upstreams) throws Exception {
        Files.createDirectories(dir);
        Files.copy(Path.of("deploy", "sciatica-chat-proxy.conf"), dir.resolve("sciatica-chat-proxy.conf"));
        StringBuilder servers = new StringBuilder();
        for (int u : upstreams) servers.append("    server 127.0.0.1:").append(u).append(" max_fails=3 fail_timeout=5s;\n");
        boolean root = "root".equals(System.getProperty("user.name"));
        String conf = (root ? "user root;\n" : "") + "worker_processes 1;\nerror_log " + dir.resolve("error.log") + " warn;\npid " + dir.resolve("nginx.pid") + ";\n"
                + "events { worker_connections 512; }\nhttp {\n  access_log " + dir.resolve("access.log") + ";\n"
                + "  client_body_temp_path " + dir.resolve("body") + "; proxy_temp_path " + dir.resolve("proxy") + ";\n"
                + "  fastcgi_temp_path " + dir.resolve("fastcgi") + "; uwsgi_temp_path " + dir.resolve("uwsgi") + "; scgi_temp_path " + dir.resolve("scgi") + ";\n"
                + "  upstream sciatica_chat {\n" + servers + "    keepalive 16;\n    keepalive_timeout 15s;\n  }\n"
                + "  upstream sciatica_chat_console {\n    hash $http_authorization consistent;\n" + servers + "    keepalive 16;\n    keepalive_timeout 15s;\n  }\n"
                + "  server {\n    listen 127.0.0.1:" + port + ";\n"
                + "    location = /api/v1/ask {\n      proxy_pass http://sciatica_chat;\n      include sciatica-chat-proxy.conf;\n"
                + "      proxy_next_upstream error timeout http_502 http_503 non_idempotent;\n    }\n"
                + "    location /api/v1/admin/ {\n      proxy_pass http://sciatica_chat_console;\n      include sciatica-chat-proxy.conf;\n"
                + "      proxy_next_upstream error timeout http_502 http_503;\n    }\n"
                + "    location / {\n      proxy_pass http://sciatica_chat;\n      include sciatica-chat-proxy.conf;\n"
                + "      proxy_next_upstream error timeout http_502 http_503;\n    }\n  }\n}\n";
        Files.writeString(dir.resolve("nginx.conf"), conf, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        HttpJson http = new HttpJson("http://127.0.0.1:" + port);
        Await.until(Duration.ofSeconds(20), "nginx answers", () -> {
            if (!p.isAlive()) throw new AssertionError("nginx stopped: " + read(dir.resolve("nginx.out")) + read(dir.resolve("error.log")));
            return answers(http, "/health/ready");
        });
        return p;
    }

    /** Whether a GET answers 200 (false while nothing listens yet). */
    private static boolean answers(HttpJson http, String path) {
        try {
            return http.get(path).status() == 200;
        } catch (java.io.UncheckedIOException notYet) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
