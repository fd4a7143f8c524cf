package com.sciaticachat.http;

import com.sciaticachat.config.Config;
import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which web pages may call the API from a browser: the origins in {@code ALLOWED_ORIGINS} ({@code *} for
 * any), and always the service's own (a page served by this host, whichever scheme a proxy in front of it
 * speaks). Requests without an {@code Origin} header (curl, servers) are not browsers and pass.
 */
final class Cors {
    private final List<String> allowed;

    Cors(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    boolean allows(String origin, Context ctx) {
        if (allowed.contains("*")) return true;
        String normalized = Config.normalizeOrigin(origin);
        if (normalized == null) return false;
        if (allowed.contains(normalized)) return true;
        String host = ctx.header("Host");
        return host != null && authority(normalized).equals(authority("http://" + host.toLowerCase(Locale.ROOT)));
    }

    /** host[:port] with default ports dropped. */
    private static String authority(String origin) {
        try {
            URI u = URI.create(origin);
            int port = u.getPort();
            boolean dflt = port == -1 || port == 80 || port == 443;
            return u.getHost() + (dflt ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
