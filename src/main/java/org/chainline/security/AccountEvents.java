package org.chainline.security;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Journal payloads of account changes: who and which roles, never a password or a hash. */
final class AccountEvents {

    static final String CREATED = "account.created";
    static final String PASSWORD_RESET = "account.password-reset";
    static final String PASSWORD_CHANGED = "account.password-changed";

    private AccountEvents() {
    }

    @Serdeable
    record Created(String username, List<String> roles) {
    }

    @Serdeable
    record PasswordEvent(String username) {
    }
}
