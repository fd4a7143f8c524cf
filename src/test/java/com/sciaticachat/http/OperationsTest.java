package com.sciaticachat.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.config.Config;
import com.sciaticachat.support.Await;
import com.sciaticachat.support.HttpJson;
import com.sciaticachat.support.TestFiles;
import com.sciaticachat.support.TestServer;
import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What an operator runs it with: health for orchestrators, metrics for Prometheus, a clean stop on SIGTERM. */
class OperationsTest {

    @Test
    void health_and_metrics_report_the_service_and_metrics_stay_private() throws Exception {
        try (TestServer server = TestServer.start(TestFiles.bundledCorpus(), Config.defaults()
                .withLimits(Config.defaults().limits().withTrustedProxies(List.of("127.0.0.1"))))) {
            HttpJson http = server.http();
            assertEquals(200, http.get("/health/live").status());
            HttpJson.Response ready = http.get("/health/ready");
            assertEquals(200, ready.status());
            assertEquals("ready", ready.json().get("status").asText());
            http.ask("what causes sciatica");
            http.ask("hello there");
            HttpJson.Response metrics = http.get("/metrics");
            assertEquals(200, metrics.status());
            assertTrue(metrics.header("Content-Type").startsWith("text/plain"), metrics.header("Content-Type"));
            String m = metrics.body();
            for (String family : List.of("http_server_requests_seconds_bucket{method=\"POST\",route=\"/api/v1/ask\",status=\"200\"",
                    "sciatica_replies_total{status=\"answered\"}", "sciatica_replies_total{status=\"smalltalk\"}",
                    "sciatica_answer_confidence_count", "sciatica_index_sections", "sciatica_index_generation",
                    "sciatica_reloads_total", "sciatica_reloads_failed_total", "sciatica_inbox_open", "jvm_memory_used_bytes",
                    "jetty_threads_busy")) {
                assertTrue(m.contains(family), "missing " + family);
            }
            assertTrue(!m.contains("what causes sciatica"), "no visitor's words in the metrics");
            // a visitor reaching it through the proxy is not on this machine's network
            assertEquals(404, http.get("/metrics", "X-Forwarded-For", "203.0.113.9").status());
        }
    }

    @Test
    void sigterm_answers_what_is_in_flight_closes_cleanly_and_exits_zero() throws Exception {
        Path root = com.sciaticachat.support.TestFiles.temporaryFolder("sciatica-stop");
        TestFiles.copyTree(TestFiles.bundledCorpus(), root.resolve("corpus"));
        TestFiles.addClinicSafetyFiles(root.resolve("corpus"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = root.resolve("service.log");
        String token = "a-staff-token-for-the-stop-test";
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.sciaticachat.cli.Main", "serve",
                "--port", Integer.toString(port), "--corpus", root.resolve("corpus").toString(), "--index", root.resolve("index").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("ADMIN_TOKEN", token);
        Process p = pb.start();
        try {
            HttpJson http = new HttpJson("http://localhost:" + port);
            String[] auth = {"Authorization", "Bearer " + token};
            Await.until(Duration.ofSeconds(120), "the service has started", () -> read(log).contains("is answering"));
            assertEquals(200, http.get("/health/ready").status());
            assertEquals(200, http.ask("what causes sciatica").status());
            // a long request: the first question tried against a draft builds the draft's index
            String page = "# Parking\n\n## Where to park\n\nPark behind the clinic; it is free for clients.\n";
            HttpJson.Response saved = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base() + "/api/v1/admin/draft/file"))
                    .header("Content-Type", "application/json").header(auth[0], auth[1])
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"parking.md\",\"version\":\"\",\"text\":\""
                            + page.replace("\n", "\\n") + "\"}")).build());
            assertEquals(200, saved.status(), saved.body());
            java.util.concurrent.CompletableFuture<HttpJson.Response> tried = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> http.post("/api/v1/admin/draft/try", "{\"question\":\"where do i park\"}", auth));
            Await.until(Duration.ofSeconds(30), "the draft's index is being built", () -> read(log).contains("draft"));
            p.destroy(); // SIGTERM, while that request is being answered
            HttpJson.Response answered = tried.get(60, TimeUnit.SECONDS);
            assertEquals(200, answered.status(), answered.body());
            assertEquals("Where to park", answered.json().at("/explanation/reply/answer/title").asText(), answered.body());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stopped within the grace period");
            assertEquals(0, p.exitValue(), read(log));
            String out = read(log);
            assertTrue(out.indexOf("Stopping: no new connections") < out.indexOf("Stopped: requests in flight answered"), out);
            assertTrue(!isUp(http), "no longer listening");
        } finally {
            p.destroyForcibly();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static boolean isUp(HttpJson http) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("localhost", java.net.URI.create(http.base()).getPort()), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
