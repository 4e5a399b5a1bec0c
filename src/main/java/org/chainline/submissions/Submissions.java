package org.chainline.submissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import org.chainline.cases.Filing;
import org.chainline.cases.Scope;
import org.chainline.Sha256;
import org.chainline.dossier.Dossier;
import org.chainline.dossier.Dossiers;
import org.chainline.input.Json;
import org.chainline.input.JsonBody;
import org.chainline.input.TextInput;
import org.chainline.journal.Change;
import org.chainline.journal.Journal;
import org.chainline.journal.JournalAnchors;
import org.chainline.journal.JournalEntry;
import org.chainline.refusal.Conflict;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.NotFound;
import org.chainline.regime.Regime;
import org.chainline.regime.Regimes;
import org.chainline.registry.Records;
import org.chainline.registry.imports.RecordImport;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Submission tracking: which dossier version (by hash) went to which authority, when and by whom, and what came back.
 * Each submission and each response is journaled; a designation outcome becomes a Sanction record of the subject in
 * the same transaction, under the regime's jurisdiction and programme.
 */
@Singleton
public class Submissions {

    /** Not bounded by case yet (issue 26): reads every case. */
    private static final Scope UNBOUNDED = Scope.notYetBounded(null, "submissions");


    static final String RECORDED = "submission.recorded";
    static final String RESPONSE = "submission.response";
    /** The order a submission moves in; designated and rejected are final. */
    static final Map<String, Integer> STAGE = Map.of("submitted", 0, "acknowledged", 1, "under-review", 2, "designated", 3,
            "rejected", 3);
    static final List<String> CHANNELS = List.of("email", "portal", "post", "in-person", "other");

    private final SubmissionStore store;
    private final Dossiers dossiers;
    private final Regimes regimes;
    private final Journal journal;
    private final Records records;
    private final RecordImport imports;
    private final Clock clock;

    private final JournalAnchors anchors;

    Submissions(SubmissionStore store, Dossiers dossiers, Regimes regimes, Journal journal, Records records,
                RecordImport imports, Clock clock, JournalAnchors anchors) {
        this.anchors = anchors;
        this.store = store;
        this.dossiers = dossiers;
        this.regimes = regimes;
        this.journal = journal;
        this.records = records;
        this.imports = imports;
        this.clock = clock;
    }

    /** Records a submission: {dossier | sha256, submittedOn, authority?, channel?, reference?, note?}. */
    public Submission submit(String actor, JsonNode body) {
        String dossierId = JsonBody.text(body, "dossier");
        String sha256 = JsonBody.text(body, "sha256");
        Dossier dossier = dossier(dossierId, sha256);
        if (!dossier.approved()) {
            throw new Conflict("dossier", "dossier " + dossier.id() + " is a draft: counsel must approve it"
                    + " (POST /api/dossiers/" + dossier.id() + "/approve) before its submission is recorded");
        }
        Regime regime = regimes.get(dossier.regime());
        LocalDate on = date(body, "submittedOn", true);
        String authority = JsonBody.text(body, "authority");
        if (authority == null) {
            authority = regime.addressee().getFirst();
        }
        authority = TextInput.clean("authority", authority, 300, true);
        String channel = JsonBody.text(body, "channel");
        if (channel != null && !CHANNELS.contains(channel)) {
            throw new InvalidInput("channel", "must be one of " + String.join(", ", CHANNELS));
        }
        String reference = JsonBody.text(body, "reference");
        reference = reference == null ? null : TextInput.clean("reference", reference, 200, false);
        String note = JsonBody.text(body, "note");
        only(body, "dossier", "sha256", "submittedOn", "authority", "channel", "reference", "note");
        String id = "sub-" + UUID.randomUUID().toString().substring(0, 13);
        String finalAuthority = authority;
        String finalReference = reference;
        return journal.write(actor, "Dossier " + dossier.id() + " v" + dossier.version() + " submitted to " + authority, Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> {
            String payload = Json.MAPPER.createObjectNode().put("dossier", dossier.id()).put("sha256", dossier.deliveredSha256())
                    .put("subject", dossier.subject()).put("regime", dossier.regime()).put("authority", finalAuthority)
                    .put("submittedOn", on.toString()).put("channel", channel).put("reference", finalReference).toString();
            JournalEntry entry = batch.add(new Change(RECORDED, id, new Change.Json(payload)));
            batch.flush();
            Submission s = new Submission(id, dossier.id(), dossier.deliveredSha256(), dossier.subject(), dossier.regime(), finalAuthority, on,
                    actor, channel, finalReference, note, "submitted", on, clock.instant(), entry.seq(), List.of());
            store.insert(batch.connection(), s);
            // what went to the authority carries the dossier's journal hash: anchored outside from now on
            anchors.add(batch, dossier.position(), "submission", id);
            return s;
        });
    }

    /**
     * Records a response: {status, receivedOn, summary?, evidence?, program?, listingDate?}. A status never moves back
     * and designated or rejected is final; designated records a Sanction of the subject.
     */
    public Submission respond(String actor, String id, JsonNode body) {
        String status = JsonBody.text(body, "status");
        if (status == null || !STAGE.containsKey(status) || status.equals("submitted")) {
            throw new InvalidInput("status", "must be acknowledged, under-review, designated or rejected");
        }
        LocalDate received = date(body, "receivedOn", true);
        String summary = JsonBody.text(body, "summary");
        String evidence = JsonBody.text(body, "evidence");
        if (evidence != null) {
            try {
                records.get(UNBOUNDED, records.model().type("Evidence").orElseThrow(), evidence);
            } catch (NotFound e) {
                throw new InvalidInput("evidence", "no evidence item " + evidence + ": upload the response document to the "
                        + "evidence locker first (POST /api/evidence/files) and name the item it gives");
            }
        }
        String program = JsonBody.text(body, "program");
        LocalDate listed = date(body, "listingDate", false);
        if ((program != null || listed != null) && !status.equals("designated")) {
            throw new InvalidInput(program != null ? "program" : "listingDate", "is only for a designation");
        }
        only(body, "status", "receivedOn", "summary", "evidence", "program", "listingDate");
        journal.write(actor, "Response to submission " + id + ": " + status, Journal.AfterCommit.PROJECT, batch -> {
            Submission current = store.find(batch.connection(), id).orElseThrow(() -> new NotFound("submission", id));
            if (STAGE.get(current.status()) == 3) {
                throw new Conflict("status", "submission " + id + " is already " + current.status()
                        + "; record a new submission for a new request");
            }
            if (STAGE.get(status) < STAGE.get(current.status())) {
                throw new Conflict("status", "submission " + id + " is " + current.status() + " and cannot go back to " + status);
            }
            if (received.isBefore(current.submittedOn())) {
                throw new InvalidInput("receivedOn", "is before the submission (" + current.submittedOn() + ")");
            }
            String sanction = null;
            if (status.equals("designated")) {
                sanction = designate(batch, actor, current, program, listed != null ? listed : received);
            }
            ObjectNode payload = Json.MAPPER.createObjectNode().put("status", status).put("receivedOn", received.toString())
                    .put("evidence", evidence).put("sanction", sanction);
            JournalEntry entry = batch.add(new Change(RESPONSE, id, new Change.Json(payload.toString())));
            batch.flush();
            int seq = current.responses().size() + 1;
            store.respond(batch.connection(), id, new Submission.Response(seq, status, received, summary, evidence, sanction, actor,
                    clock.instant(), entry.seq()));
            return null;
        });
        return get(id);
    }

    private String designate(Journal.Batch batch, String actor, Submission submission, String program, LocalDate since) {
        Regime regime = regimes.get(submission.regime());
        String sanctionId = "sanction-" + Sha256.hex("submission\n" + submission.id()).substring(0, 16);
        ObjectNode sanction = Json.MAPPER.createObjectNode().put("type", "Sanction").put("id", sanctionId)
                .put("person", submission.subject()).put("jurisdiction", regime.designations().jurisdiction())
                .put("authority", regime.authority()).put("program", program != null ? program : regime.program())
                .put("listingDate", since.toString()).put("status", "active").put("basis", "submission")
                .put("submission", submission.id());
        // filed in the case of the subject's record (a submission's own case: issue 26)
        String home = records.get(UNBOUNDED, records.model().type("Person").orElseThrow(), submission.subject()).path("case").asText(null);
        RecordImport.Session session = imports.session(batch, new Filing(Scope.notYetBounded(actor, "submissions"), home));
        session.add(1, sanction);
        session.finish();
        if (session.errorCount() > 0) {
            var first = session.errors().getFirst();
            throw new InvalidInput(first.field().equals("person") ? "subject" : first.field(), first.reason());
        }
        return sanctionId;
    }

    public Submission get(String id) {
        return store.find(id).orElseThrow(() -> new NotFound("submission", id));
    }

    public List<Submission> list(String subject, String dossier) {
        return store.list(blank(subject), blank(dossier));
    }

    private Dossier dossier(String id, String sha256) {
        if (id == null && sha256 == null) {
            throw new InvalidInput("dossier", "is required: the id of the dossier version submitted (or its sha256)");
        }
        if (id != null) {
            Dossier d;
            try {
                d = dossiers.get(id);
            } catch (NotFound e) {
                throw new InvalidInput("dossier", "no dossier " + id);
            }
            if (sha256 != null && !sha256.equalsIgnoreCase(d.deliveredSha256())) {
                throw new InvalidInput("sha256", "is not the SHA-256 of dossier " + id + " as delivered (" + d.deliveredSha256() + ")");
            }
            return d;
        }
        if (!sha256.matches("[0-9a-fA-F]{64}")) {
            throw new InvalidInput("sha256", "must be 64 hexadecimal digits");
        }
        return dossiers.list(null).stream().filter(d -> d.deliveredSha256().equalsIgnoreCase(sha256) || d.sha256().equalsIgnoreCase(sha256)).findFirst()
                .orElseThrow(() -> new InvalidInput("sha256", "is not the SHA-256 of a dossier generated here"));
    }

    private LocalDate date(JsonNode body, String field, boolean required) {
        String text = JsonBody.text(body, field);
        if (text == null) {
            if (required) {
                throw new InvalidInput(field, "is required, as YYYY-MM-DD");
            }
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a date as YYYY-MM-DD");
        }
        if (date.isAfter(LocalDate.now(clock))) {
            throw new InvalidInput(field, "is in the future");
        }
        return date;
    }

    private static void only(JsonNode body, String... fields) {
        List<String> allowed = List.of(fields);
        body.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                throw new InvalidInput(f, "is not a field here (known: " + String.join(", ", allowed) + ")");
            }
        });
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
