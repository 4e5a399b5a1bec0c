package org.chainline.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

/** A local account; the password only as an Argon2id hash; the witness-protection grant with its own state. */
@MappedEntity("account")
record Account(
        @Id UUID id,
        String username,
        String passwordHash,
        @TypeDef(type = DataType.STRING_ARRAY) String[] roles,
        boolean mustChangePassword,
        boolean disabled,
        Instant createdAt,
        Instant passwordChangedAt,
        String protectionGrant,
        @Nullable String organisation) {

    static final String GRANT_NONE = "none";
    static final String GRANT_PENDING = "pending";
    static final String GRANT_ACTIVE = "active";
    static final String GRANT_SUSPENDED = "suspended";

    Account withPassword(String hash, boolean mustChange, Instant at) {
        return new Account(id, username, hash, roles, mustChange, disabled, createdAt, at, protectionGrant, organisation);
    }

    Account withProtectionGrant(String state) {
        return new Account(id, username, passwordHash, roles, mustChangePassword, disabled, createdAt, passwordChangedAt, state, organisation);
    }

    boolean holdsProtectionGrant() {
        return GRANT_ACTIVE.equals(protectionGrant);
    }
}
