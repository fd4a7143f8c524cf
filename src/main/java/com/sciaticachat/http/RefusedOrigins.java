package com.sciaticachat.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each site refused by {@code ALLOWED_ORIGINS} once, so that an operator sees why a clinic's page
 * gets no answers; bounded, since any page can send any origin.
 */
final class RefusedOrigins {
    private static final Logger LOG = LoggerFactory.getLogger(RefusedOrigins.class);
    static final int MAX_REMEMBERED = 1_000;
    private final Cache<String, Boolean> seen = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).build();

    void note(String origin) {
        String shown = origin.length() > 200 ? origin.substring(0, 200) + "…" : origin;
        if (seen.asMap().putIfAbsent(shown, Boolean.TRUE) == null) {
            LOG.warn("Refused the chat to pages from {}: not in ALLOWED_ORIGINS (logged once per site)", shown);
        }
    }
}
