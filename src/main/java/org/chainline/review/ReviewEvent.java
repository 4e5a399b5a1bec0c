package org.chainline.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One decision on a claim (accepted, rejected, disputed) or a "leave for now", as the journal holds it. */
@Serdeable
public record ReviewEvent(long seq, Instant at, String actor, String kind, int version, String decision,
                          @Nullable String note) {
}
