package org.chainline.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.access.Roles;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Password guessing is slowed per account and per address, without locking a real user out for good. */
@MicronautTest(transactional = false)
class LoginThrottleTest extends ChainlineTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Accounts accounts;

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-03-06T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void repeatedFailuresAreAnswered429WithRetryAfterAndNoPasswordIsCheckedMeanwhile() {
        String token = TestLogins.tokenFor(accounts, client, Roles.VIEWER);
        String name = client.toBlocking().retrieve(HttpRequest.GET("/api/me").bearerAuth(token), Map.class).get("username").toString();
        for (int i = 0; i < LoginThrottle.FREE; i++) {
            HttpClientResponseException wrong = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                    .exchange(HttpRequest.POST("/login", Map.of("username", name, "password", "a wrong guess at it"))));
            assertEquals(HttpStatus.UNAUTHORIZED, wrong.getStatus());
        }
        HttpClientResponseException slowed = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/login", Map.of("username", name, "password", TestLogins.PASSWORD))));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, slowed.getStatus(), "even the right password waits its turn");
        assertTrue(Integer.parseInt(slowed.getResponse().getHeaders().get("Retry-After")) >= 1);
    }

    @Test
    void anAccountsWaitIsCappedAnAddressesGrowsAndASuccessClearsBoth() {
        HandClock clock = new HandClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < 200; i++) {
            throttle.failed("aigerim", "192.0.2.7");
            clock.now = clock.now.plusSeconds(1);
        }
        assertEquals(LoginThrottle.ADDRESS_CAP, throttle.wait("aigerim", "192.0.2.7").plusSeconds(1));
        Duration fromElsewhere = throttle.wait("aigerim", "198.51.100.1");
        assertTrue(fromElsewhere.compareTo(LoginThrottle.ACCOUNT_CAP) <= 0, "the real user waits at most a minute: " + fromElsewhere);
        assertEquals(Duration.ZERO, throttle.wait("berik", "198.51.100.1"), "others are not slowed");
        clock.now = clock.now.plus(LoginThrottle.ACCOUNT_CAP);
        assertEquals(Duration.ZERO, throttle.wait("aigerim", "198.51.100.1"));
        throttle.succeeded("aigerim", "192.0.2.7");
        assertEquals(Duration.ZERO, throttle.wait("aigerim", "192.0.2.7"));
    }
}
