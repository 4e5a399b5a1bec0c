package org.chainline.journal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One entry of the journal: who ({@code actor}) did what ({@code kind}, {@code payload}) to which record
 * ({@code targetId}), when, and why ({@code reason}), chained to the entry before it by {@code prevHash}.
 * The payload is stored as the exact JSON text that was hashed.
 */
@Serdeable
@MappedEntity("journal_entry")
public record JournalEntry(
        @Id long seq,
        Instant recordedAt,
        String actor,
        String kind,
        String targetId,
        String payload,
        @Nullable String reason,
        String prevHash,
        String hash) {

    /** True when this entry's stored hash is the hash of its stored content and predecessor. */
    public boolean hashIsIntact() {
        return hash.equals(EntryHash.of(seq, recordedAt, actor, kind, targetId, payload, reason, prevHash));
    }
}
