package org.chainline.registry.imports;

import org.chainline.journal.Journal;
import org.chainline.registry.ProtectedValues;
import org.chainline.registry.RecordStore;
import org.chainline.registry.RecordWrites;
import org.chainline.registry.StoredRecord;
import org.chainline.registry.model.RecordType;
import org.chainline.registry.validation.RecordValidator;
import org.chainline.registry.validation.Ref;
import org.chainline.registry.validation.ValidRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * One pass of an import, inside the journal's transaction: the ids defined so far, the references not yet resolved,
 * and the chunk of lines waiting to be compared with the store and written. Once an error is seen it only checks.
 *
 * <p>The journal reads in the order things happened: a record is written after the records of the file it refers to.
 * Lines come in file order; one that refers to a record of a later line (a claim citing evidence listed after it) is
 * held back and written at the end, after what it refers to, so that an item's custody shows it recorded before it
 * is cited.
 */
final class ImportPass implements RecordImport.LineHandler {

    private static final int CHUNK = 1000;
    private final RecordStore store;
    private final RecordWrites writes;
    private final Journal.Batch batch;
    private final ImportErrors errors;
    private final long[] counts;
    private final Map<String, Defined> defined = new HashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private final List<ValidRecord> chunk = new ArrayList<>(CHUNK);
    private final List<Long> chunkLines = new ArrayList<>(CHUNK);
    /** Lines that refer to a record not written yet, by id, in file order. */
    private final Map<String, Held> held = new LinkedHashMap<>();

    private final BiConsumer<ValidRecord, RecordWrites.Outcome> written;

    ImportPass(RecordStore store, RecordWrites writes, Journal.Batch batch, ImportErrors errors, long[] counts,
               BiConsumer<ValidRecord, RecordWrites.Outcome> written) {
        this.written = written;
        this.store = store;
        this.writes = writes;
        this.batch = batch;
        this.errors = errors;
        this.counts = counts;
    }

    @Override
    public void valid(long number, ValidRecord record) {
        if (!define(number, record.type().name(), record.id(), record.refs())) {
            return;
        }
        boolean waits = record.refs().stream().anyMatch(r -> !defined.containsKey(r.id()) || held.containsKey(r.id()));
        if (waits) {
            held.put(record.id(), new Held(number, record));
            return;
        }
        add(number, record);
    }

    private void add(long number, ValidRecord record) {
        chunk.add(record);
        chunkLines.add(number);
        if (chunk.size() == CHUNK) {
            writeChunk();
        }
    }

    /** A line with errors: its id is still defined (so that lines referring to it are not wrong too), its references checked. */
    @Override
    public void invalid(long number, RecordType type, String id, List<Ref> refs) {
        if (RecordValidator.ID.matcher(id).matches()) {
            define(number, type.name(), id, refs);
        }
    }

    /** Defines an id and checks (or keeps for the end) its references; false if the id was defined before. */
    private boolean define(long number, String type, String id, List<Ref> refs) {
        Defined earlier = defined.putIfAbsent(id, new Defined(type, number));
        if (earlier != null) {
            errors.add(number, "id", id + " is already defined on line " + earlier.line());
            return false;
        }
        for (Ref ref : refs) {
            Defined target = defined.get(ref.id());
            if (target == null) {
                pending.add(new Pending(number, ref));
            } else {
                RecordWrites.refProblem(ref, Map.of(ref.id(), target.type()), Map.of())
                        .ifPresent(why -> errors.add(number, ref.field(), why));
            }
        }
        return true;
    }

    /** Compares the chunk with the store and journals what is new or changed (nothing once an error was seen). */
    private void writeChunk() {
        // with content only where a protected value must be compared with the stored seal, in the same one query
        boolean sealing = chunk.stream().anyMatch(ProtectedValues::holdsClear);
        Map<String, StoredRecord> existing = store.find(batch.connection(), chunk.stream().map(ValidRecord::id).toList(), sealing);
        Map<String, StoredRecord> seen = writes.seenByWriter(existing);
        for (int i = 0; i < chunk.size(); i++) {
            ValidRecord record = chunk.get(i);
            StoredRecord s = existing.get(record.id());
            if (s != null && !seen.containsKey(record.id())) {
                // held by a case the importer is not in: told as taken, not what it is
                errors.add(chunkLines.get(i), "id", record.id() + " is taken; ids are never reused: choose another");
            } else if (s != null && !s.type().equals(record.type().name())) {
                errors.add(chunkLines.get(i), "id", record.id() + " is already " + RecordType.withArticle(s.type()) + "; a record's type cannot change");
            } else if (s != null && s.retired()) {
                errors.add(chunkLines.get(i), "id", record.id() + " was retired; ids are never reused");
            } else if (errors.count() == 0) {
                RecordWrites.Outcome outcome = writes.put(record, s);
                counts[outcome.ordinal()]++;
                written.accept(record, outcome);
            }
        }
        chunk.clear();
        chunkLines.clear();
    }

    /** Resolves the references left open: to later lines of the file, or to records already stored. */
    void finish() {
        writeChunk();
        Set<String> external = new HashSet<>();
        Map<String, String> types = new HashMap<>();
        for (Pending p : pending) {
            Defined target = defined.get(p.ref().id());
            if (target != null) {
                types.put(p.ref().id(), target.type());
                RecordWrites.refProblem(p.ref(), types, Map.of()).ifPresent(why -> errors.add(p.line(), p.ref().field(), why));
            } else {
                external.add(p.ref().id());
            }
        }
        Map<String, StoredRecord> stored = writes.seenByWriter(store.find(batch.connection(), external, false));
        for (Pending p : pending) {
            if (external.contains(p.ref().id())) {
                RecordWrites.refProblem(p.ref(), Map.of(), stored).ifPresent(why -> errors.add(p.line(), p.ref().field(), why));
            }
        }
        // the lines held back, each after the held lines it refers to (a cycle is broken in file order): compared with
        // the store like every other line, and written only if nothing is wrong anywhere
        Set<String> done = new HashSet<>();
        for (String id : held.keySet()) {
            writeHeld(id, done, new HashSet<>());
        }
        writeChunk();
        if (errors.count() == 0) {
            writes.flush();
        }
    }

    /** Writes a held line after the held lines it refers to: depth first, without recursion (a chain may be long). */
    private void writeHeld(String start, Set<String> done, Set<String> visiting) {
        List<String> stack = new ArrayList<>(List.of(start));
        while (!stack.isEmpty()) {
            String id = stack.getLast();
            Held h = held.get(id);
            if (h == null || done.contains(id)) {
                stack.removeLast();
                continue;
            }
            boolean ready = true;
            if (visiting.add(id)) {
                for (Ref ref : h.record().refs().reversed()) {
                    if (held.containsKey(ref.id()) && !done.contains(ref.id()) && !visiting.contains(ref.id())) {
                        stack.add(ref.id());
                        ready = false;
                    }
                }
            }
            if (ready) {
                stack.removeLast();
                done.add(id);
                add(h.line(), h.record());
            }
        }
    }

    private record Defined(String type, long line) {
    }

    private record Pending(long line, Ref ref) {
    }

    private record Held(long line, ValidRecord record) {
    }
}
