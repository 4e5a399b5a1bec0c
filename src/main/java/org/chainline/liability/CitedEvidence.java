package org.chainline.liability;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One citation of a claim with what the strength rule needs of the evidence item: its grade (source reliability
 * A–F, information credibility 1–6) and what makes two items one source (hash, forwarded-from origin, copy-of,
 * source). {@code origin} is where the item itself was published: its channel, else its source's pseudonym; a
 * forward's {@code forwardedFrom} names such an origin. The hash is the strength rule's, never an answer's: a protected
 * testimony's SHA-256 would let whoever holds a copy confirm it, so a reader finds an item's hash on the item, where
 * the grant decides.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CitedEvidence(String evidence, String title, String stance, @Nullable String pinpoint, String kind,
                            @JsonIgnore @Nullable String sha256, @Nullable String forwardedFrom, @Nullable String copyOf,
                            @Nullable String source, @Nullable String reliability, @Nullable Integer credibility,
                            @Nullable String authoredBy, @Nullable String origin) {

    public boolean supports() {
        return "supports".equals(stance);
    }

    /** The Admiralty grade, e.g. {@code B2}; unknown parts are F and 6 ("cannot be judged"). */
    public String grade() {
        return (reliability == null ? "F" : reliability) + (credibility == null ? 6 : credibility);
    }
}
