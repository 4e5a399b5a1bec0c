package org.chainline.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * Where a claim stands in review: {@code proposed} (created or changed since its last review), {@code accepted},
 * {@code rejected} or {@code disputed}; who wrote its current version and everyone who wrote any of its versions
 * ({@code authors}, none of whom may accept it under four eyes), and who last decided on it, when and why.
 * A decision holds for the version it was made on: {@code version} is the claim's version now, written by the
 * journal entry {@code contentSeq}.
 */
@Serdeable
public record ReviewState(String claim, String type, int version, String state, String author,
                          @Nullable String reviewedBy, @Nullable Instant reviewedAt, @Nullable String note,
                          @Nullable String deferredBy, @Nullable String deferredNote, long contentSeq,
                          List<String> authors) {

    public static final String PROPOSED = "proposed";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final String DISPUTED = "disputed";

    /** Whether {@code account} wrote any version of the claim (and so may not accept it under four eyes). */
    public boolean writtenBy(String account) {
        return authors.stream().anyMatch(a -> a.equalsIgnoreCase(account));
    }

    public boolean accepted() {
        return state.equals(ACCEPTED);
    }
}
