package org.chainline.dossier;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A dossier as generated: for whom (subject), under which regime, for which audience, from the record as of which
 * journal position, by whom and when, and the SHA-256 of the PDF as delivered; when a keystore signs dossiers,
 * who signed, and the SHA-256 of the dossier as drawn (the signed file's first bytes, which regeneration gives).
 */
@Serdeable
public record Dossier(String id, String subject, String regime, String audience, long position, int version,
                      String author, Instant generatedAt, String sha256, String unsignedSha256, @Nullable String signedBy,
                      String contentHash, int pages, long size, long journalSeq) {
}
