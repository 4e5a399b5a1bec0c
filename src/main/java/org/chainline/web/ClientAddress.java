package org.chainline.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The address a request comes from, for throttling and rate limits: the peer's, or, when the peer is one of the
 * proxies named in {@code chainline.trusted-proxies} (a load balancer in front of several instances), the last address
 * that proxy put in {@code X-Forwarded-For}. Without it every client behind a proxy would share one address, and one
 * guesser would slow them all.
 */
@Singleton
public final class ClientAddress {

    private final List<String> trustedProxies;

    ClientAddress(@Value("${chainline.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public String of(HttpRequest<?> request) {
        return of(request.getRemoteAddress().getAddress().getHostAddress(), request.getHeaders().get("X-Forwarded-For"));
    }

    /**
     * Whether the browser reached this service over TLS: directly, or through one of the trusted proxies that says so in
     * {@code X-Forwarded-Proto} (a proxy that terminates TLS). Anyone else's word for it is not taken.
     */
    public boolean overTls(HttpRequest<?> request) {
        if (request.isSecure()) {
            return true;
        }
        String peer = request.getRemoteAddress().getAddress().getHostAddress();
        String proto = request.getHeaders().get("X-Forwarded-Proto");
        return trustedProxies.contains(peer) && proto != null && proto.strip().equalsIgnoreCase("https");
    }

    /** The client of a request from {@code peer} carrying {@code forwarded} (the X-Forwarded-For header, or null). */
    String of(String peer, String forwarded) {
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].strip();
        return last.matches("[0-9A-Fa-f.:]{2,45}") ? last : peer;
    }
}
