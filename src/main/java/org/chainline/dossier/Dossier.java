package org.chainline.dossier;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A dossier as generated: for whom (subject), under which regime, for which audience, from the record as of which
 * journal position, by whom and when, and the SHA-256 of the PDF as delivered.
 */
@Serdeable
public record Dossier(String id, String subject, String regime, String audience, long position, int version,
                      String author, Instant generatedAt, String sha256, String contentHash, int pages, long size,
                      long journalSeq) {
}
