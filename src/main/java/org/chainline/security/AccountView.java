package org.chainline.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** An account as others may see it: never the password hash. */
@Serdeable
public record AccountView(String username, List<String> roles, boolean mustChangePassword, boolean disabled,
                          Instant createdAt, String protectionGrant,
                          @Nullable String organisation) {

    static AccountView of(Account a) {
        return new AccountView(a.username(), List.of(a.roles()), a.mustChangePassword(), a.disabled(), a.createdAt(),
                a.protectionGrant(), a.organisation());
    }
}
