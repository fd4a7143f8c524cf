package com.sciaticachat.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/** Log lines as text or JSON (LOG_FORMAT=json), with levels by logger name. */
class LineLoggingTest {

    @Test
    void json_lines_are_one_object_each_with_the_message_filled_in_and_the_error() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LineLoggerFactory factory = new LineLoggerFactory(LineFormat.from("JSON"), new PrintStream(out, true, StandardCharsets.UTF_8));
        Logger log = factory.getLogger("com.sciaticachat.search.LiveIndex");
        log.info("Corpus reloaded: {} sections in {} ms", 27, 563);
        log.error("Reload failed", new IllegalStateException("disk full \"really\""));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length, out.toString(StandardCharsets.UTF_8));
        JsonNode first = new ObjectMapper().readTree(lines[0]), second = new ObjectMapper().readTree(lines[1]);
        assertEquals("INFO", first.get("level").asText());
        assertEquals("com.sciaticachat.search.LiveIndex", first.get("logger").asText());
        assertEquals("Corpus reloaded: 27 sections in 563 ms", first.get("message").asText());
        assertTrue(first.get("time").asText().endsWith("Z"));
        assertEquals("java.lang.IllegalStateException: disk full \"really\"", second.get("error").asText());
        assertTrue(second.get("trace").asText().contains("LineLoggingTest"), "the stack trace, inside the one line");
    }

    @Test
    void text_is_the_default_and_levels_follow_the_nearest_package() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LineLoggerFactory factory = new LineLoggerFactory(LineFormat.from(null), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(Level.WARN, factory.levelOf("org.eclipse.jetty.server.Server"));
        assertEquals(Level.ERROR, factory.levelOf("ai.djl.util.cuda.CudaUtils"));
        assertEquals(Level.INFO, factory.levelOf("com.sciaticachat.chat.ChatService"));
        Logger chat = factory.getLogger("com.sciaticachat.chat.ChatService");
        chat.debug("a visitor's question: {}", "my name is Jo");
        chat.info("ask status={}", "answered");
        factory.getLogger("org.eclipse.jetty.server.Server").info("started");
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000 \\[INFO] ChatService - ask status=answered\\R"), text);
        assertFalse(text.contains("Jo"), "visitors' words only at DEBUG, which is off");
    }
}
