package org.chainline.security;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #FREE} failed logins, each further attempt for the same account, or from the
 * same client address, must wait twice as long as the one before. An account's wait never exceeds
 * {@link #ACCOUNT_CAP}, so that nobody can lock a real user out for good by failing in their name; an address's may
 * grow to {@link #ADDRESS_CAP}. A success clears both. While a wait runs, no password is checked at all.
 */
@Singleton
final class LoginThrottle {

    static final int FREE = 5;
    static final Duration ACCOUNT_CAP = Duration.ofSeconds(60);
    static final Duration ADDRESS_CAP = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant last) {
    }

    /** How long the caller must still wait before a password is checked for this account from this address. */
    Duration wait(String username, String address) {
        Instant now = clock.instant();
        Duration account = remaining(accountKey(username), ACCOUNT_CAP, now);
        Duration client = remaining(addressKey(address), ADDRESS_CAP, now);
        return account.compareTo(client) > 0 ? account : client;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        }
        for (String key : new String[]{accountKey(username), addressKey(address)}) {
            failures.merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        }
    }

    void succeeded(String username, String address) {
        failures.remove(accountKey(username));
        failures.remove(addressKey(address));
    }

    private Duration remaining(String key, Duration cap, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < FREE) {
            return Duration.ZERO;
        }
        if (f.last().plus(FORGET_AFTER).isBefore(now)) {
            failures.remove(key, f);
            return Duration.ZERO;
        }
        long seconds = 1L << Math.min(30, f.count() - FREE);
        Duration wait = Duration.ofSeconds(Math.min(seconds, cap.toSeconds()));
        Duration left = Duration.between(now, f.last().plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String accountKey(String username) {
        return "account:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
