package com.sciaticachat.corpus;

import java.util.Map;

/**
 * What was last served, for the next read to fall back on: each file's text by its path in the corpus
 * folder, and the renamed sections' former names.
 */
public record LastGood(Map<String, String> sources, Map<String, String> aliases) {

    public static final LastGood NONE = new LastGood(Map.of(), Map.of());

    public LastGood {
        sources = Map.copyOf(sources);
        aliases = Map.copyOf(aliases);
    }
}
