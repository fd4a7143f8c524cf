package com.sciaticachat.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;

/**
 * Who a request comes from, for per-client limits: the connection's address, unless that is a trusted
 * reverse proxy, in which case the nearest address in {@code X-Forwarded-For} that is not itself a
 * trusted proxy. A client cannot pose as someone else by sending that header itself: from an untrusted
 * address it is ignored.
 */
final class ClientAddress {
    private final Set<String> trusted;

    ClientAddress(List<String> trustedProxies) {
        this.trusted = Set.copyOf(trustedProxies);
    }

    String of(Context ctx) {
        String remote = canonical(ctx.req().getRemoteAddr());
        if (!trusted.contains(remote)) return remote;
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null) return remote;
        String[] hops = forwarded.split(",");
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
}
