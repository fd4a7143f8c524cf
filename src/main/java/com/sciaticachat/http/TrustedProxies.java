package com.sciaticachat.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** The reverse proxies whose {@code X-Forwarded-For} is believed: addresses, or networks ("10.0.0.0/8", "fd00::/8"). */
final class TrustedProxies {
    private record Network(byte[] prefix, int bits) {}

    private final List<Network> networks = new ArrayList<>();

    TrustedProxies(List<String> entries) {
        for (String e : entries) {
            int slash = e.indexOf('/');
            try {
                byte[] a = InetAddress.getByName(slash < 0 ? e : e.substring(0, slash)).getAddress();
                networks.add(new Network(a, slash < 0 ? a.length * 8 : Integer.parseInt(e.substring(slash + 1))));
            } catch (Exception bad) {
                throw new IllegalArgumentException("not an address or network: " + e, bad);
            }
        }
    }

    /** Whether an address (as {@link ClientAddress#canonical} prints it) is one of them, or in one of their networks. */
    boolean contains(String address) {
        if (networks.isEmpty() || !address.matches("[0-9a-fA-F:.]{2,45}")) return false;
        byte[] a;
        try {
            a = InetAddress.getByName(address).getAddress();
        } catch (Exception e) {
            return false;
        }
        for (Network n : networks) {
            if (n.prefix().length != a.length) continue;
            int full = n.bits() / 8, rest = n.bits() % 8;
            boolean match = true;
            for (int i = 0; i < full && match; i++) match = a[i] == n.prefix()[i];
            if (match && rest > 0) {
                int mask = (0xff << (8 - rest)) & 0xff;
                match = (a[full] & mask) == (n.prefix()[full] & mask);
            }
            if (match) return true;
        }
        return false;
    }
}
