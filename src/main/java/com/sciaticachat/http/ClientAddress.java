package com.sciaticachat.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.List;

/**
 * Who a request comes from, for per-client limits: the connection's address, unless that is a trusted
 * reverse proxy, in which case the nearest address in {@code X-Forwarded-For} that is not itself a
 * trusted proxy. A client cannot pose as someone else by sending that header itself: from an untrusted
 * address it is ignored.
 */
final class ClientAddress {
    private final TrustedProxies trusted;

    ClientAddress(List<String> trustedProxies) {
        this.trusted = new TrustedProxies(trustedProxies);
    }

    String of(Context ctx) {
        String remote = canonical(ctx.req().getRemoteAddr());
        if (!trusted.contains(remote)) return remote;
        // every X-Forwarded-For line, in order, as one list: a proxy may add its hop as a line of its own, and reading
        // only the first line would take an address the client wrote for its own
        java.util.Enumeration<String> lines = ctx.req().getHeaders("X-Forwarded-For");
        if (lines == null || !lines.hasMoreElements()) return remote;
        String[] hops = String.join(",", java.util.Collections.list(lines)).split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = canonical(hops[i].trim());
            if (hop.isEmpty()) break;
            if (!trusted.contains(hop)) return hop;
        }
        return remote;
    }

    /** An IP address as Java prints it (so "::1" and "0:0:0:0:0:0:0:1" are one client); anything else as it came, bounded. */
    static String canonical(String address) {
        if (address == null) return "";
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (a.matches("[0-9a-fA-F:.]{2,45}")) {
            try {
                return InetAddress.getByName(a).getHostAddress();
            } catch (Exception e) {
                return a;
            }
        }
        return a.length() > 64 ? a.substring(0, 64) : a;
    }

    /**
     * Whether a client address (as {@link #of} gives it) is this machine's or a private network's: who may
     * read {@code /metrics}. Behind a proxy on the same machine set {@code TRUSTED_PROXIES}, or every visitor
     * would look local (the sample nginx configuration also refuses {@code /metrics}).
     */
    static boolean internal(String address) {
        if (!address.matches("[0-9a-fA-F:.]{2,45}")) return false;
        try {
            InetAddress a = InetAddress.getByName(address);
            if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()) return true;
            byte[] b = a.getAddress();
            return b.length == 16 && (b[0] & 0xfe) == 0xfc; // IPv6 unique local (fc00::/7)
        } catch (Exception e) {
            return false;
        }
    }
}
