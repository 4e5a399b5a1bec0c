package org.chainline.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import org.chainline.access.Roles;
import org.chainline.input.StorableText;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.Refusal;
import org.chainline.refusal.TryLater;
import org.chainline.web.ClientAddress;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Checks a login against the local accounts (on a blocking thread: Argon2id is deliberately slow). Someone
 * holding a one-time password gets a token that can do nothing but change it. Guessing is slowed per account and per
 * client address ({@link LoginThrottle}); at most one check per two cores runs at once, so that a flood of logins cannot
 * starve everything else of CPU. Why a login was not checked is left on the request as a refusal
 * ({@link Refusal#ON_REQUEST}), which the HTTP layer answers with (and the sign-in page words for a person).
 */
@Singleton
final class AccountAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private static final TryLater BUSY = new TryLater(TryLater.Reason.BUSY, 2,
            "too many logins are being checked at once: try again shortly");
    /** Half the cores at most, so that a storm of logins leaves the rest to everything else. */
    private static final Semaphore CHECKS = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final ClientAddress addresses;

    AccountAuthenticationProvider(Accounts accounts, LoginThrottle throttle, ClientAddress addresses) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.addresses = addresses;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request,
                                               AuthenticationRequest<String, String> authenticationRequest) {
        String username = authenticationRequest.getIdentity();
        String password = authenticationRequest.getSecret();
        if (!StorableText.storable(username) || !StorableText.storable(password)) {
            String field = StorableText.storable(username) ? "password" : "username";
            request.setAttribute(Refusal.ON_REQUEST, new InvalidInput(field, field + " " + StorableText.REASON));
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        String address = addresses.of(request);
        Duration wait = throttle.wait(username, address);
        if (!wait.isZero()) {
            long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
            request.setAttribute(Refusal.ON_REQUEST, new TryLater(TryLater.Reason.THROTTLED, seconds,
                    "too many failed logins for this account or from this address: try again in " + seconds + " s"));
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        try {
            if (!CHECKS.tryAcquire(10, TimeUnit.SECONDS)) {
                request.setAttribute(Refusal.ON_REQUEST, BUSY);
                return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.setAttribute(Refusal.ON_REQUEST, BUSY);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        try {
            return accounts.authenticate(username, password)
                    .map(account -> {
                        throttle.succeeded(username, address);
                        return AuthenticationResponse.success(account.username(), account.mustChangePassword()
                                ? Set.of(Roles.PASSWORD_CHANGE_REQUIRED)
                                : Roles.implied(List.of(account.roles()), account.holdsProtectionGrant()));
                    })
                    .orElseGet(() -> {
                        throttle.failed(username, address);
                        return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
                    });
        } finally {
            CHECKS.release();
        }
    }
}
