package org.chainline.security;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Journal payloads of account changes: who and which roles, never a password or a hash. */
final class AccountEvents {

    static final String CREATED = "account.created";
    static final String PASSWORD_RESET = "account.password-reset";
    static final String PASSWORD_CHANGED = "account.password-changed";
    /** The witness-protection grant asked for, given with a holder's consent, suspended by a reset, or withdrawn. */
    static final String PROTECTION_REQUESTED = "account.protection-requested";
    static final String PROTECTION_GRANTED = "account.protection-granted";
    static final String PROTECTION_SUSPENDED = "account.protection-suspended";
    static final String PROTECTION_WITHDRAWN = "account.protection-withdrawn";

    private AccountEvents() {
    }

    @Serdeable
    record Created(String username, List<String> roles) {
    }

    @Serdeable
    record PasswordEvent(String username) {
    }

    /** A step of the witness-protection grant: whose, and who consented or acted. */
    @Serdeable
    record ProtectionEvent(String username, String by) {
    }
}
