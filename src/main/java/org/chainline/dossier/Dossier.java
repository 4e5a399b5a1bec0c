package org.chainline.dossier;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A dossier as generated: for whom (subject), under which regime, for which audience, from the record as of which
 * journal position, by whom and when, and the SHA-256 of the PDF as delivered; when a keystore signs dossiers,
 * who signed, and the SHA-256 of the dossier as drawn (the signed file's first bytes, which regeneration gives).
 * Until counsel approves it a dossier is a draft, marked DRAFT on every page; {@code draft} says it may also rest on
 * claims not yet reviewed, which keeps it from approval. {@code annexed}: the protected items whose SHA-256 this
 * government-confidential version prints at counsel's choice (none for almost every dossier); such a dossier goes only
 * to holders of the witness-protection grant.
 */
@Serdeable
public record Dossier(String id, String subject, String regime, String audience, long position, int version,
                      String author, Instant generatedAt, String sha256, String unsignedSha256, @Nullable String signedBy,
                      String contentHash, int pages, long size, long journalSeq, boolean draft, @Nullable Approval approval,
                      List<String> annexed) {

    /**
     * Counsel's approval: by whom and when, and the approved PDF (drawn again without the DRAFT marking, with the
     * approval on its cover, and signed where a key is configured), the file a submission delivers.
     */
    @Serdeable
    public record Approval(String by, Instant at, String sha256, String unsignedSha256, @Nullable String signedBy, int pages,
                           long size) {
    }

    public boolean approved() {
        return approval != null;
    }

    /** Whether it prints the SHA-256 of a protected item, and so goes only to holders of the grant. */
    public boolean annexesProtected() {
        return !annexed.isEmpty();
    }

    /** The SHA-256 of the file as delivered now: the approved one once approved. */
    public String deliveredSha256() {
        return approval == null ? sha256 : approval.sha256();
    }
}
