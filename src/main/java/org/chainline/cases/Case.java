package org.chainline.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An investigation: the container that evidence, claims and dossiers will belong to. */
@Serdeable
public record Case(String id, String title, @Nullable String summary, String status, Instant openedAt,
                   String openedBy, Instant updatedAt, @Nullable Instant closedAt) {
}
