package org.chainline.security;

import org.chainline.web.Roles;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;

/**
 * Checks a login against the local accounts (on a blocking thread: Argon2id is deliberately slow). Someone
 * holding a one-time password gets a token that can do nothing but change it.
 */
@Singleton
final class AccountAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final Accounts accounts;

    AccountAuthenticationProvider(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request,
                                               AuthenticationRequest<String, String> authenticationRequest) {
        return accounts.authenticate(authenticationRequest.getIdentity(), authenticationRequest.getSecret())
                .map(account -> AuthenticationResponse.success(account.username(), account.mustChangePassword()
                        ? Set.of(Roles.PASSWORD_CHANGE_REQUIRED)
                        : Roles.implied(List.of(account.roles()), account.holdsProtectionGrant())))
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
