package org.chainline.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An account's membership of a case: its role there, its organisation, until when a guest may read (inclusive), and
 * who added it and when; ended ones say who ended them and when.
 */
@Serdeable
public record Membership(String caseId, String account, @Nullable String organisation, String role,
                         @Nullable LocalDate until, Instant addedAt, String addedBy, @Nullable Instant endedAt,
                         @Nullable String endedBy) {

    /** Whether it lets its account read the case on {@code day}. */
    public boolean standsOn(LocalDate day) {
        return endedAt == null && (until == null || !day.isAfter(until));
    }
}
