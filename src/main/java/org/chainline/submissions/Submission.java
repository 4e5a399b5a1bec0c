package org.chainline.submissions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One dossier version (by its SHA-256) sent to one authority: when, by whom, by which channel, under which reference,
 * its status now (submitted, acknowledged, under-review, designated, rejected) and the dated responses that moved it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Submission(String id, String dossier, String dossierSha256, String subject, String regime, String authority,
                         LocalDate submittedOn, String submittedBy, @Nullable String channel, @Nullable String reference,
                         @Nullable String note, String status, LocalDate statusOn, Instant recordedAt, long journalSeq,
                         List<Response> responses) {

    /** What came back: a status, the day it was received, a summary, the response document and any designation made. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Response(int seq, String status, LocalDate receivedOn, @Nullable String summary, @Nullable String evidence,
                           @Nullable String sanction, String recordedBy, Instant recordedAt, long journalSeq) {
    }

    Submission withResponses(List<Response> all) {
        return new Submission(id, dossier, dossierSha256, subject, regime, authority, submittedOn, submittedBy, channel,
                reference, note, status, statusOn, recordedAt, journalSeq, all);
    }
}
