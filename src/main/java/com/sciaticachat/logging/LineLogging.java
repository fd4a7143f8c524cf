package com.sciaticachat.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The service's logging, found by SLF4J through {@code META-INF/services}: one line per event on standard
 * error, as text or, with {@code LOG_FORMAT=json}, as one JSON object per line for log collectors. Levels
 * per logger come from {@code sciatica-logging.properties} on the class path.
 */
public final class LineLogging implements SLF4JServiceProvider {
    private LineLoggerFactory factory;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        factory = new LineLoggerFactory(LineFormat.from(System.getenv("LOG_FORMAT")), System.err);
    }
}
