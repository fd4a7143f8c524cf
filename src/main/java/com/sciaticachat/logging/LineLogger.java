package com.sciaticachat.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One named logger: events at or above its level become lines. */
final class LineLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    private final transient Level level;
    private final transient LineLoggerFactory factory;

    LineLogger(String name, Level level, LineLoggerFactory factory) {
        this.name = name;
        this.level = level;
        this.factory = factory;
    }

    private boolean enabled(Level l) {
        return l.toInt() >= level.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level l, Marker marker, String messagePattern, Object[] arguments, Throwable throwable) {
        factory.write(l.name(), name, MessageFormatter.basicArrayFormat(messagePattern, arguments), throwable);
    }
}
