package org.chainline.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.security.Accounts;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A flood of requests from one caller is slowed with 429 and Retry-After; another caller is not. */
@MicronautTest(transactional = false)
class RateLimitTest extends ChainlineTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Accounts accounts;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("chainline.rate-limit.per-second", "2");
        properties.put("chainline.rate-limit.burst", "20");
        return properties;
    }

    @Test
    void aFloodFromOneCallerGets429WithRetryAfterAndOthersAreServed() {
        String flooder = TestLogins.tokenFor(accounts, client, "viewer");
        String other = TestLogins.tokenFor(accounts, client, "viewer");
        int served = 0;
        HttpClientResponseException refused = null;
        for (int i = 0; i < 60 && refused == null; i++) {
            try {
                client.toBlocking().exchange(HttpRequest.GET("/api/cases").bearerAuth(flooder));
                served++;
            } catch (HttpClientResponseException e) {
                refused = e;
            }
        }
        assertTrue(refused != null, "60 requests at once were all served");
        assertEquals(429, refused.code());
        assertTrue(Integer.parseInt(refused.getResponse().getHeaders().get("Retry-After")) >= 1);
        assertTrue(served >= 20, "the burst is served: " + served);
        assertEquals(200, client.toBlocking().exchange(HttpRequest.GET("/api/cases").bearerAuth(other)).code());
    }

    @Test
    void behindATrustedProxyTheForwardedAddressIsTheClientAndElseThePeer() {
        String forwarded = "203.0.113.9, 198.51.100.23";
        assertEquals("198.51.100.23", new ClientAddress(List.of("127.0.0.1")).of("127.0.0.1", forwarded));
        assertEquals("127.0.0.1", new ClientAddress(List.of()).of("127.0.0.1", forwarded), "a header from an untrusted peer is ignored");
        assertEquals("127.0.0.1", new ClientAddress(List.of("127.0.0.1")).of("127.0.0.1", "not an address"));
    }
}
