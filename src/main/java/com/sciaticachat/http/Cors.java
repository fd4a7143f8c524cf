package com.sciaticachat.http;

import com.sciaticachat.config.Config;
import java.util.List;
import java.util.function.Supplier;

/**
 * Which web pages may call the API from a browser: the origins in {@code ALLOWED_ORIGINS} ({@code *} for
 * any), and the service's own ({@code PUBLIC_URL}, or this machine's names on its port). Never the
 * request's {@code Host} header: a page on a name an attacker re-pointed at this service (DNS rebinding)
 * would send a matching one. Requests without an {@code Origin} header (curl, servers) are not browsers
 * and pass.
 */
final class Cors {
    private final List<String> allowed;
    private final Supplier<List<String>> own;

    Cors(List<String> allowed, Supplier<List<String>> own) {
        this.allowed = List.copyOf(allowed);
        this.own = own;
    }

    boolean allows(String origin) {
        if (allowed.contains("*")) return true;
        String normalized = Config.normalizeOrigin(origin);
        if (normalized == null) return false;
        return allowed.contains(normalized) || own.get().contains(normalized);
    }

    /** Only the service's own pages (the staff console). */
    Cors ownOnly() {
        return new Cors(List.of(), own);
    }
}
