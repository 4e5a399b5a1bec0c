package org.chainline.security;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

/** A local account; the password only as an Argon2id hash. */
@MappedEntity("account")
record Account(
        @Id UUID id,
        String username,
        String passwordHash,
        @TypeDef(type = DataType.STRING_ARRAY) String[] roles,
        boolean mustChangePassword,
        boolean disabled,
        Instant createdAt,
        Instant passwordChangedAt) {

    Account withPassword(String hash, boolean mustChange, Instant at) {
        return new Account(id, username, hash, roles, mustChange, disabled, createdAt, at);
    }
}
