package com.sciaticachat.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Proxies are named by address or by network, as Kubernetes and compose networks need. */
class TrustedProxiesTest {
    @Test
    void addresses_and_networks() {
        TrustedProxies p = new TrustedProxies(List.of("127.0.0.1", "10.0.0.0/8", "172.28.0.0/20", "fd00::/8"));
        assertTrue(p.contains("127.0.0.1"));
        assertTrue(p.contains("10.244.3.17"));
        assertTrue(p.contains("172.28.15.254"));
        assertFalse(p.contains("172.28.16.1"), "outside the /20");
        assertTrue(p.contains("fd12:3456::1"));
        assertFalse(p.contains("203.0.113.9"));
        assertFalse(p.contains("::1"), "IPv6 loopback is not the IPv4 one");
        assertFalse(p.contains("not-an-address"));
        assertFalse(new TrustedProxies(List.of()).contains("127.0.0.1"));
        assertTrue(ClientAddress.internal("192.168.1.20") && ClientAddress.internal("::1") && !ClientAddress.internal("8.8.8.8"));
    }
}
