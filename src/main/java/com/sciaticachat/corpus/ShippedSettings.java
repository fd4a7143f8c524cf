package com.sciaticachat.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The settings files the chat comes with ({@code corpus/} as it was when the jar was built, inside the jar under
 * {@code /defaults/}): what a file the chat cannot go without falls back on when the clinic's copy is broken or was
 * written for an earlier version and no earlier good version of it was ever served (a container started on an old
 * corpus volume by a newer image, say).
 */
public final class ShippedSettings {
    private ShippedSettings() {}

    /** The shipped text of each of {@code names} the jar holds. */
    public static Map<String, String> bundled(Set<String> names) {
        Map<String, String> out = new HashMap<>();
        for (String name : names) {
            try (InputStream in = ShippedSettings.class.getResourceAsStream("/defaults/" + name)) {
                if (in != null) out.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("the jar's own " + name + " could not be read", e);
            }
        }
        return Map.copyOf(out);
    }
}
