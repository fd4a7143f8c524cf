package com.sciaticachat.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How a log event is written: a line of text, or a JSON object on one line. */
enum LineFormat {
    TEXT, JSON;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    /** {@code LOG_FORMAT}: "json" for JSON lines; anything else (or nothing) for text. */
    static LineFormat from(String setting) {
        return setting != null && setting.strip().equalsIgnoreCase("json") ? JSON : TEXT;
    }

    String line(Instant time, String level, String logger, String message, Throwable error) {
        String shortName = logger.substring(logger.lastIndexOf('.') + 1);
        if (this == TEXT) {
            String line = TIME.format(time) + " [" + level + "] " + shortName + " - " + message;
            return error == null ? line : line + System.lineSeparator() + trace(error);
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON_FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("time", time.toString());
            g.writeStringField("level", level);
            g.writeStringField("logger", logger);
            g.writeStringField("message", message);
            if (error != null) {
                g.writeStringField("error", error.toString());
                g.writeStringField("trace", trace(error));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String trace(Throwable error) {
        StringWriter w = new StringWriter();
        error.printStackTrace(new PrintWriter(w));
        return w.toString().stripTrailing();
    }
}
