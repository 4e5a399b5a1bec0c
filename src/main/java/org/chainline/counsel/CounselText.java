package org.chainline.counsel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/**
 * Counsel's own words for one subject under one regime, as one version holds them: the request letter, the case
 * summary, the subject-specific argument on impact, and notes on incidents (by incident id). Citations are written
 * {@code [[id]]}, the id of a claim or an evidence item, and resolve into the dossier's evidence register.
 */
@Serdeable
public record CounselText(String subject, String regime, int version, String author, Instant writtenAt, long seq,
                          @Nullable String letter, @Nullable String summary, @Nullable String impact,
                          Map<String, String> incidents) {
}
