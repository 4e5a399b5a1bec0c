package org.chainline.dossier.content;

import com.fasterxml.jackson.databind.JsonNode;
import org.chainline.cases.Scope;
import org.chainline.registry.Records;
import org.chainline.registry.model.RecordType;

import java.util.List;

/**
 * The records one dossier reads, with the newest change among them: a dossier is made as of a journal position, and
 * a record changed after it (while the dossier was being assembled) would put a later record into it.
 */
final class RecordReads {

    /** Not bounded by case yet (issue 26): reads every case. */
    private static final Scope UNBOUNDED = Scope.notYetBounded(null, "dossiers");


    private final Records records;
    private long newest;

    RecordReads(Records records) {
        this.records = records;
    }

    JsonNode get(String typeName, String id) {
        return seen(records.get(UNBOUNDED, type(typeName), id));
    }

    List<? extends JsonNode> referring(String typeName, String id) {
        List<? extends JsonNode> found = records.referring(UNBOUNDED, typeName, id);
        found.forEach(this::seen);
        return found;
    }

    private JsonNode seen(JsonNode record) {
        newest = Math.max(newest, record.path("meta").path("updatedSeq").asLong());
        return record;
    }

    private RecordType type(String name) {
        return records.model().type(name).orElseThrow();
    }

    /** The journal position of the latest change to any record read. */
    long newest() {
        return newest;
    }
}
