package org.chainline.registry;

import com.fasterxml.jackson.databind.JsonNode;
import org.chainline.input.Json;
import org.chainline.journal.Change;
import org.chainline.journal.Journal;
import org.chainline.journal.JournalEntry;
import org.chainline.refusal.Forbidden;
import org.chainline.refusal.InvalidInput;
import org.chainline.registry.model.RecordType;
import org.chainline.registry.validation.Ref;
import org.chainline.registry.validation.ValidRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Appends record changes to a journal batch and keeps {@code record_state} in step, in the batch's transaction.
 * Checks references against what the file or request itself defines and what the store holds.
 */
public final class RecordWrites {

    private final Journal.Batch batch;
    private final RecordStore store;
    private final ProtectedValues protectedValues;
    private final Writer writer;
    private final List<StoredRecord> pending = new ArrayList<>();
    /** Evidence id and journal seq of each citation written, for the items' custody reports. */
    private final List<Object[]> citations = new ArrayList<>();
    private final List<EvidenceAccess.Row> accessRows = new ArrayList<>();

    /** Bytes a holder lowered, released once the rows of this write are in (unless still named by a protected item). */
    private final List<String> released = new ArrayList<>();
    /** The journal kind of a protected item's confidentiality lowered by a holder of the grant. */
    static final String PROTECTION_LOWERED = "protection.lowered";

    public RecordWrites(Journal.Batch batch, RecordStore store, ProtectedValues protectedValues, Writer writer) {
        this.batch = batch;
        this.store = store;
        this.protectedValues = protectedValues;
        this.writer = writer;
    }

    /**
     * Who writes, as far as the rules of protection care: the SHA-256 of the file the records come from (the origin
     * sealed with their protected values, or null for a request), and whether the writer holds the witness-protection
     * grant (needed to lower a protected item's confidentiality).
     */
    public record Writer(String origin, boolean holdsProtectionGrant) {
        public static final Writer REQUEST = new Writer(null, false);
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
        JsonNode cited = record.content().get("citations");
        if (cited != null) {
            for (JsonNode c : cited) {
                citations.add(new Object[]{c.get("evidence").asText(), entry.seq()});
            }
        }
        pending.add(new StoredRecord(record.id(), record.type().name(), null, entry.seq(), hash, 1,
                existing == null ? entry.seq() : existing.createdSeq(), entry.seq(), null));
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
        EvidenceAccess.put(batch.connection(), accessRows);
        accessRows.clear();
        released.forEach(sha -> EvidenceAccess.released(batch.connection(), sha));
        released.clear();
        store.putCitations(batch.connection(), citations);
        citations.clear();
    }

    static String canonical(ValidRecord record) {
        return Json.write(record.content());
    }

    public enum Outcome { CREATED, CHANGED, UNCHANGED }
}
