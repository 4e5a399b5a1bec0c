package org.chainline.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.chainline.access.Roles;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a token issued before its account's password last changed (a reset after a device was lost, or
 * the owner's own change), that was ended by a sign-out, that carries no id of its own (made before sign-outs could
 * end one), whose account is gone or disabled, that carries the witness-protection grant its account no
 * longer holds (suspended or withdrawn), or that is not valid yet ({@code nbf} in the future). Account states are cached briefly, so a
 * check rarely reaches the database; a change made by this instance takes effect at once, one made by
 * another instance within {@link #FRESHNESS}.
 */
@Singleton
final class TokenRevocation implements GenericJwtClaimsValidator<HttpRequest<?>> {

    static final Duration FRESHNESS = Duration.ofSeconds(30);

    private final AccountRepository accounts;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** Clocks of two instances may differ by this much. */
    private static final long LEEWAY_SECONDS = 5;

    TokenRevocation(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        Object subject = claims.get(Claims.SUBJECT);
        Object issuedAt = claims.get(Claims.ISSUED_AT);
        Object id = claims.get(Claims.TOKEN_ID);
        if (subject == null || issuedAt == null || id == null) {
            return false;
        }
        Instant issued = issuedAt instanceof Date date ? date.toInstant()
                : issuedAt instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : null;
        if (issued == null) {
            return false;
        }
        Instant notBefore = instant(claims.get(Claims.NOT_BEFORE));
        if (notBefore != null && notBefore.isAfter(Instant.now().plusSeconds(LEEWAY_SECONDS))) {
            return false;
        }
        boolean claimsGrant = claims.get("roles") instanceof Collection<?> roles
                && roles.contains(Roles.WITNESS_PROTECTION);
        return state(subject.toString())
                .filter(state -> !state.disabled())
                .filter(state -> !state.endedTokens().contains(id.toString()))
                .filter(state -> !claimsGrant || state.holdsProtectionGrant())
                // tokens carry whole seconds: one issued in the same second as the change still counts
                .map(state -> !issued.isBefore(state.passwordChangedAt().truncatedTo(ChronoUnit.SECONDS)))
                .orElse(false);
    }

    private static Instant instant(Object claim) {
        return claim instanceof Date date ? date.toInstant()
                : claim instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : null;
    }

    /** Forget what is cached about an account, after its password or state changed here. */
    void forget(String username) {
        cache.remove(key(username));
    }

    private Optional<State> state(String username) {
        long now = System.nanoTime();
        Cached cached = cache.get(key(username));
        if (cached != null && now - cached.loadedAt() < FRESHNESS.toNanos()) {
            return cached.state();
        }
        Optional<State> loaded = accounts.findByName(username)
                .map(a -> new State(a.passwordChangedAt(), a.disabled(), a.holdsProtectionGrant(),
                        Set.copyOf(accounts.endedTokens(a.username()))));
        cache.put(key(username), new Cached(loaded, now));
        return loaded;
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private record State(Instant passwordChangedAt, boolean disabled, boolean holdsProtectionGrant, Set<String> endedTokens) {
    }

    private record Cached(Optional<State> state, long loadedAt) {
    }
}
