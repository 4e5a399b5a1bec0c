package org.chainline.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chainline.journal.Change;
import org.chainline.journal.Journal;
import org.chainline.journal.JournalEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Appends record changes to a journal batch and keeps {@code record_state} in step, in the batch's transaction.
 * Checks references against what the file or request itself defines and what the store holds.
 */
final class RecordWrites {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Journal.Batch batch;
    private final RecordStore store;
    private final List<StoredRecord> pending = new ArrayList<>();
    /** Evidence id and journal seq of each citation written, for the items' custody reports. */
    private final List<Object[]> citations = new ArrayList<>();

    RecordWrites(Journal.Batch batch, RecordStore store) {
        this.batch = batch;
        this.store = store;
    }

    /** What is wrong with a reference, given the records defined alongside it and those already stored. */
    static Optional<String> refProblem(Ref ref, Map<String, String> definedTypes, Map<String, StoredRecord> stored) {
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
            return Optional.of("refers to " + ref.id() + ", a " + type + "; it must be a " + String.join(" or ", ref.range()));
        }
        return Optional.empty();
    }

    /** Journals the record as created or changed (against {@code existing}), or does nothing if it is unchanged. */
    Outcome put(ValidRecord record, StoredRecord existing) {
        String json = canonical(record);
        String hash = ContentHash.of(json);
        if (existing != null && existing.contentHash().equals(hash)) {
            return Outcome.UNCHANGED;
        }
        String action = existing == null ? RecordEvents.CREATED : RecordEvents.CHANGED;
        JournalEntry entry = batch.add(new Change(record.type().kind(action), record.id(), new Change.Json(json)));
        com.fasterxml.jackson.databind.JsonNode cited = record.content().get("citations");
        if (cited != null) {
            for (com.fasterxml.jackson.databind.JsonNode c : cited) {
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

    void retire(RecordType type, String id) {
        flush();
        JournalEntry entry = batch.add(new Change(type.kind(RecordEvents.RETIRED), id, new Change.Json("{}")));
        store.retire(batch.connection(), id, entry.seq());
    }

    void flush() {
        batch.flush();
        store.put(batch.connection(), pending);
        pending.clear();
        store.putCitations(batch.connection(), citations);
        citations.clear();
    }

    static String canonical(ValidRecord record) {
        try {
            return JSON.writeValueAsString(record.content());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    enum Outcome { CREATED, CHANGED, UNCHANGED }
}
