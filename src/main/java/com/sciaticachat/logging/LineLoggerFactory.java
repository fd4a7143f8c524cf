package com.sciaticachat.logging;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/** Hands out one logger per name, each with the level its name (or the nearest package) is given. */
final class LineLoggerFactory implements ILoggerFactory {
    private static final String LEVELS = "/sciatica-logging.properties";

    private final LineFormat format;
    private final PrintStream out;
    private final Map<String, Level> levels = new TreeMap<>();
    private final Level fallback;
    private final ConcurrentHashMap<String, LineLogger> loggers = new ConcurrentHashMap<>();

    LineLoggerFactory(LineFormat format, PrintStream out) {
        this.format = format;
        this.out = out;
        Properties p = new Properties();
        try (InputStream in = LineLoggerFactory.class.getResourceAsStream(LEVELS)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            out.println("sciatica-logging.properties could not be read (" + e.getMessage() + "); logging at INFO");
        }
        p.stringPropertyNames().forEach(name -> {
            if (!name.equals("default")) levels.put(name, level(p.getProperty(name)));
        });
        fallback = level(p.getProperty("default", "info"));
    }

    private static Level level(String name) {
        try {
            return Level.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }

    /** The level for a logger: its own, or that of the longest package prefix given one, or the default. */
    Level levelOf(String name) {
        String n = name;
        while (true) {
            Level l = levels.get(n);
            if (l != null) return l;
            int dot = n.lastIndexOf('.');
            if (dot < 0) return fallback;
            n = n.substring(0, dot);
        }
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new LineLogger(n, levelOf(n), this));
    }

    void write(String level, String logger, String message, Throwable error) {
        String line = format.line(Instant.now(), level, logger, message, error);
        synchronized (out) {
            out.println(line);
        }
    }
}
