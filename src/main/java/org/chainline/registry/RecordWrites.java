package org.chainline.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chainline.cases.CaseRole;
import org.chainline.cases.Scope;
import org.chainline.input.Json;
import org.chainline.journal.Change;
import org.chainline.journal.Journal;
import org.chainline.journal.JournalEntry;
import org.chainline.refusal.Forbidden;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.Problems;
import org.chainline.registry.model.Model;
import org.chainline.registry.model.RecordType;
import org.chainline.registry.validation.Ref;
import org.chainline.registry.validation.ValidRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Appends record changes to a journal batch and keeps {@code record_state} in step, in the batch's transaction.
 * Checks references against what the file or request itself defines and what the store holds.
 */
public final class RecordWrites {

    private final Journal.Batch batch;
    private final RecordStore store;
    private final ProtectedValues protectedValues;
    private final Writer writer;
    private final Model model;
    /** Rows of {@code record_case} (record id, case id, how): each record in its home, and what its records name. */
    private final List<String[]> homeRows = new ArrayList<>();
    private final List<String[]> namedRows = new ArrayList<>();
    /** The cases this write found open (the operator's writes check that theirs exist). */
    private final Set<String> openCases = new HashSet<>();
    /** The references written since the last flush, each with the home case of the record that makes it. */
    private final List<CaseRef> refsToCheck = new ArrayList<>();

    private record CaseRef(String home, Ref ref) {
    }
    private final List<StoredRecord> pending = new ArrayList<>();
    /** Evidence id and journal seq of each citation written, for the items' custody reports. */
    private final List<Object[]> citations = new ArrayList<>();
    private final List<EvidenceAccess.Row> accessRows = new ArrayList<>();

    /** Bytes a holder lowered, released once the rows of this write are in (unless still named by a protected item). */
    private final List<String> released = new ArrayList<>();
    /** The journal kind of a protected item's confidentiality lowered by a holder of the grant. */
    static final String PROTECTION_LOWERED = "protection.lowered";

    public RecordWrites(Journal.Batch batch, RecordStore store, ProtectedValues protectedValues, Model model, Writer writer) {
        this.model = model;
        this.batch = batch;
        this.store = store;
        this.protectedValues = protectedValues;
        this.writer = writer;
    }

    /**
     * Who writes: the SHA-256 of the file the records come from (the origin sealed with their protected values, or null
     * for a request); whether the writer holds the witness-protection grant (needed to lower a protected item's
     * confidentiality); the writer's cases ({@code scope}: a record is written only in a case where the writer is an
     * analyst or above, and refers only to records the writer sees); and the case new records go to when they name none
     * ({@code caseId}; null: the writer's only such case).
     */
    public record Writer(String origin, boolean holdsProtectionGrant, Scope scope, String caseId) {

        /** A request's writer, in these cases, putting new records in {@code caseId} unless they name one. */
        public static Writer of(Scope scope, String caseId) {
            return new Writer(null, false, scope, caseId);
        }

        /**
         * The home case of a record: the one it is in already (it never moves), else the one it names, else the writer's;
         * refused unless the writer may write there. The message for a case the writer is not in is the same whether
         * or not it exists.
         */
        String homeOf(ValidRecord record, StoredRecord existing) {
            String named = record.content().path("case").asText(null);
            String home;
            if (existing != null && existing.homeCase() != null) {
                home = existing.homeCase();
                if (named != null && !named.equals(home)) {
                    throw new InvalidInput("case", "cannot change: " + record.id() + " is held by its home case for good;"
                            + " share it into another case instead");
                }
            } else if (named != null) {
                home = named;
            } else if (caseId != null) {
                home = caseId;
            } else {
                List<String> writable = scope.casesWhere(CaseRole.ANALYST);
                if (scope.isEveryCase()) {
                    throw new InvalidInput("case", "is required: say which case the records belong to (at the command line"
                            + " --case ID; chainline cases list names the cases)");
                }
                if (writable.size() != 1) {
                    throw new InvalidInput("case", writable.isEmpty()
                            ? "is required, and you may write in no case: ask a case's owner to add you as an analyst"
                            : "is required: say which of your cases the record belongs to (" + String.join(", ", writable) + ")");
                }
                home = writable.getFirst();
            }
            if (!scope.may(home, CaseRole.ANALYST)) {
                throw new InvalidInput("case", "is not a case you may write in: " + home);
            }
            return home;
        }
    }

    /** What is wrong with a reference, given the records defined alongside it and those already stored. */
    public static Optional<String> refProblem(Ref ref, Map<String, String> definedTypes, Map<String, StoredRecord> stored) {
        String type = definedTypes.get(ref.id());
        if (type == null) {
            StoredRecord s = stored.get(ref.id());
            if (s == null) {
                return Optional.of("refers to " + ref.id() + ", which is not a record");
            }
            if (s.retired()) {
                return Optional.of("refers to " + ref.id() + ", which was retired");
            }
            type = s.type();
        }
        if (!ref.range().contains(type)) {
            return Optional.of("refers to " + ref.id() + ", " + RecordType.withArticle(type) + "; it must be " + RecordType.withArticle(String.join(" or ", ref.range())));
        }
        return Optional.empty();
    }

    /** Journals the record as created or changed (against {@code existing}), or does nothing if it is unchanged. */
    public Outcome put(ValidRecord record, StoredRecord existing) {
        String home = writer.homeOf(record, existing);
        if (writer.scope().isEveryCase() && openCases.add(home) && !store.caseOpened(batch.connection(), home)) {
            // the operator may write in any case, but only one that exists: a mistyped --case names none
            throw new InvalidInput("case", "is not a case: " + home + " (open it first, or list them with chainline cases list)");
        }
        homed(record, home);
        ProtectedFileNames.hide(record);
        if (ProtectedValues.holdsClear(record)) {
            String before = existing == null ? null : existing.content() != null ? existing.content()
                    : store.find(batch.connection(), List.of(record.id()), true).get(record.id()).content();
            protectedValues.sealClear(record, before, writer.origin());
        }
        String json = canonical(record);
        String hash = ContentHash.of(json);
        if (existing != null && existing.contentHash().equals(hash)) {
            return Outcome.UNCHANGED;
        }
        String action = existing == null ? RecordEvents.CREATED : RecordEvents.CHANGED;
        EvidenceAccess.Row access = EvidenceAccess.of(record);
        if (access != null && existing != null) {
            guardLowering(record.id(), access);
        }
        JournalEntry entry = batch.add(new Change(record.type().kind(action), record.id(), new Change.Json(json)));
        if (access != null) {
            accessRows.add(access);
            if (EvidenceAccess.PROTECTED.equals(access.confidentiality()) && access.sha256() != null) {
                batch.afterCommit(() -> protectedValues.bytesProtected(access.sha256()));
            }
        }
        homeRows.add(new String[]{record.id(), home, "home"});
        for (Ref ref : record.refs()) {
            refsToCheck.add(new CaseRef(home, ref));
            if (namesAcrossCases(ref)) {
                namedRows.add(new String[]{ref.id(), home, "named"});
            }
        }
        JsonNode cited = record.content().get("citations");
        if (cited != null) {
            for (JsonNode c : cited) {
                citations.add(new Object[]{c.get("evidence").asText(), entry.seq()});
            }
        }
        pending.add(new StoredRecord(record.id(), record.type().name(), null, entry.seq(), hash, 1,
                existing == null ? entry.seq() : existing.createdSeq(), entry.seq(), null, home));
        if (pending.size() >= 1000) {
            flush();
        }
        return existing == null ? Outcome.CREATED : Outcome.CHANGED;
    }

    public void retire(RecordType type, String id) {
        flush();
        JournalEntry entry = batch.add(new Change(type.kind(RecordEvents.RETIRED), id, new Change.Json("{}")));
        store.retire(batch.connection(), id, entry.seq());
        EvidenceAccess.remove(batch.connection(), id);
    }

    /**
     * Lowering a protected item's confidentiality exposes what it holds (a testimony that shows a witness): it needs
     * the witness-protection grant and a reason, and is journaled as an act of its own. Raising it is anyone's.
     */
    private void guardLowering(String id, EvidenceAccess.Row next) {
        if (EvidenceAccess.PROTECTED.equals(next.confidentiality())) {
            return;
        }
        String was = EvidenceAccess.confidentiality(batch.connection(), id);
        if (!EvidenceAccess.PROTECTED.equals(was)) {
            return;
        }
        if (!writer.holdsProtectionGrant()) {
            throw new Forbidden("confidentiality", "evidence " + id + " is protected: lowering it to "
                    + next.confidentiality() + " needs the witness-protection grant and a reason");
        }
        if (batch.reason() == null || batch.reason().isBlank()) {
            throw new InvalidInput("reason", "is required to lower the confidentiality of protected evidence "
                    + id + ": say why it may be seen");
        }
        batch.add(new Change(PROTECTION_LOWERED, id, new Change.Json(Json.MAPPER.createObjectNode()
                .put("from", EvidenceAccess.PROTECTED).put("to", next.confidentiality()).toString())));
        if (next.sha256() != null) {
            released.add(next.sha256());
        }
    }

    public void flush() {
        batch.flush();
        store.put(batch.connection(), pending);
        pending.clear();
        store.putCases(batch.connection(), homeRows);
        homeRows.clear();
        checkCases();
        store.putCases(batch.connection(), namedRows);
        namedRows.clear();
        EvidenceAccess.put(batch.connection(), accessRows);
        accessRows.clear();
        released.forEach(sha -> EvidenceAccess.released(batch.connection(), sha));
        released.clear();
        store.putCitations(batch.connection(), citations);
        citations.clear();
    }

    /**
     * Those of the stored records the writer sees in one of its cases; a reference to any other answers as one to a
     * record that does not exist (so that neither its existence nor its type is told).
     */
    public Map<String, StoredRecord> seenByWriter(Map<String, StoredRecord> stored) {
        if (writer.scope().isEveryCase() || stored.isEmpty()) {
            return stored;
        }
        Map<String, Set<String>> cases = store.casesOf(batch.connection(), stored.keySet());
        Map<String, StoredRecord> seen = new HashMap<>(stored);
        seen.keySet().removeIf(id -> cases.getOrDefault(id, Set.of()).stream().noneMatch(writer.scope()::sees));
        return seen;
    }

    /**
     * A record refers only to what its home case may use: a person, unit or incident the writer sees in any of its cases
     * (which the home case then sees too), and a case's own material (evidence, sources, victims) and claims only when
     * they are in the home case or shared into it. Checked once the records written are in the store, so that records
     * written together count; anything else is refused as a reference to a record that does not exist.
     */
    private void checkCases() {
        if (refsToCheck.isEmpty()) {
            return;
        }
        Set<String> targets = new HashSet<>();
        refsToCheck.forEach(r -> targets.add(r.ref().id()));
        Map<String, Set<String>> cases = store.casesOf(batch.connection(), targets);
        Map<String, StoredRecord> types = store.find(batch.connection(), targets, false);
        Problems problems = new Problems();
        for (CaseRef r : refsToCheck) {
            Set<String> in = cases.getOrDefault(r.ref().id(), Set.of());
            StoredRecord target = types.get(r.ref().id());
            boolean identity = target != null && model.type(target.type()).map(RecordType::sharedIdentity).orElse(false);
            boolean usable = in.contains(r.home()) || identity && (writer.scope().isEveryCase()
                    ? !in.isEmpty() : in.stream().anyMatch(writer.scope()::sees));
            // a record written before cases and not adopted yet has no case: usable as it always was
            if (!usable && !(target != null && target.homeCase() == null && in.isEmpty())) {
                problems.add(r.ref().field(), "refers to " + r.ref().id() + ", which is not a record"
                        + (target != null && in.stream().anyMatch(writer.scope()::sees)
                        ? " of case " + r.home() + " (it is in another of your cases: share it into " + r.home() + " first)" : ""));
            }
        }
        refsToCheck.clear();
        problems.refuseIfAny();
    }

    /**
     * Whether a reference makes its target visible in the referring record's case: a person, unit or incident (any
     * identity several cases may use) is seen by every case that names it; a case's own material and its claims are not.
     */
    private boolean namesAcrossCases(Ref ref) {
        return ref.range().stream().allMatch(t -> model.type(t).map(RecordType::sharedIdentity).orElse(false));
    }

    /** The record's content with its home case after its type and id (the canonical order), whether or not it named it. */
    private static void homed(ValidRecord record, String home) {
        ObjectNode content = record.content();
        if (home.equals(content.path("case").asText(null))) {
            return;
        }
        ObjectNode rest = content.deepCopy();
        content.removeAll();
        content.set("type", rest.remove("type"));
        content.set("id", rest.remove("id"));
        content.put("case", home);
        rest.remove("case");
        content.setAll(rest);
    }

    static String canonical(ValidRecord record) {
        return Json.write(record.content());
    }

    public enum Outcome { CREATED, CHANGED, UNCHANGED }
}
