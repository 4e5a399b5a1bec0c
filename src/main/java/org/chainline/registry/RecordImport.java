package org.chainline.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import org.chainline.journal.Journal;
import org.chainline.journal.Projector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk import of newline-delimited JSON, one record per line with a stable id. The whole file is checked and
 * every problem reported with its line; only a clean file is applied, in one transaction (checked and written in
 * the same pass, rolled back on any error); a line equal to the stored record changes nothing, so importing the same
 * file twice writes nothing the second time. The graph follows once the transaction has committed.
 */
@Singleton
public class RecordImport {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RecordImport.class);
    static final int MAX_ERRORS = 1000;
    static final int MAX_LINE = 1 << 20;
    /** After this many entries the graph's statistics have moved enough that queries should be planned afresh. */
    static final int REPLAN_AFTER = 10_000;

    private final Model model;
    private final Journal journal;
    private final RecordStore store;
    private final Projector projector;
    private final RecordGraph graph;

    RecordImport(Model model, Journal journal, RecordStore store, Projector projector, RecordGraph graph) {
        this.model = model;
        this.journal = journal;
        this.store = store;
        this.projector = projector;
        this.graph = graph;
    }

    /** Told how far each phase (check, write, project) has come. */
    public interface Progress {
        void at(String phase, long done, long total);

        Progress NONE = (phase, done, total) -> { };
    }

    public ImportReport run(String actor, String reason, Path file, Progress progress) {
        long started = System.nanoTime();
        Errors errors = new Errors();
        long[] counts = new long[3];
        long[] range = new long[2];
        long[] lines = new long[1];
        try {
            // One pass, inside the journal's transaction: lines are checked and written in chunks; any error rolls
            // everything back, and checking goes on to the end so that every error is reported at once.
            journal.write(actor, reason, false, batch -> {
                range[0] = batch.lastSeq() + 1;
                Pass pass = new Pass(new RecordWrites(batch, store), batch, errors, counts);
                lines[0] = read(file, pass::line, errors, done -> progress.at("check and write", done, -1));
                pass.finish();
                if (errors.count > 0) {
                    throw new Rejected();
                }
                range[1] = batch.lastSeq();
                return null;
            });
        } catch (Rejected e) {
            return errors.report(lines[0], started);
        }
        long written = System.nanoTime();
        boolean wrote = range[1] >= range[0];
        boolean graphCurrent = true;
        if (wrote) {
            long total = range[1] - range[0] + 1;
            try {
                projector.catchUp(done -> progress.at("project", Math.min(done, total), total));
                if (total >= REPLAN_AFTER) {
                    graph.refreshStatistics();
                }
            } catch (RuntimeException e) {
                // The import is committed in the journal; the graph will catch up when it can.
                LOG.warn("Imported into the journal; the graph is behind and will catch up: {}", projector.lastError().orElse(e.getClass().getSimpleName()));
                graphCurrent = false;
            }
        }
        long projected = System.nanoTime();
        return new ImportReport(true, lines[0], counts[0], counts[1], counts[2], 0, List.of(),
                wrote ? range[0] : null, wrote ? range[1] : null, graphCurrent, (projected - started) / 1_000_000,
                new ImportReport.Phases((written - started) / 1_000_000, (projected - written) / 1_000_000));
    }

    /**
     * The state of one import pass: ids defined so far, references not yet resolved, and the chunk of lines waiting
     * to be compared with the store and written.
     */
    private final class Pass {
        private static final int CHUNK = 1000;
        private final RecordWrites writes;
        private final Journal.Batch batch;
        private final Errors errors;
        private final long[] counts;
        private final Map<String, Defined> defined = new HashMap<>();
        private final List<Pending> pending = new ArrayList<>();
        private final List<ValidRecord> chunk = new ArrayList<>(CHUNK);
        private final List<Long> chunkLines = new ArrayList<>(CHUNK);

        Pass(RecordWrites writes, Journal.Batch batch, Errors errors, long[] counts) {
            this.writes = writes;
            this.batch = batch;
            this.errors = errors;
            this.counts = counts;
        }

        void line(long number, ValidRecord record) {
            Defined earlier = defined.putIfAbsent(record.id(), new Defined(record.type().name(), number));
            if (earlier != null) {
                errors.add(number, "id", record.id() + " is already defined on line " + earlier.line());
                return;
            }
            for (Ref ref : record.refs()) {
                Defined target = defined.get(ref.id());
                if (target == null) {
                    pending.add(new Pending(number, ref));
                } else if (!ref.range().contains(target.type())) {
                    errors.add(number, ref.field(), "refers to " + ref.id() + ", a " + target.type() + "; it must be a "
                            + String.join(" or ", ref.range()));
                }
            }
            chunk.add(record);
            chunkLines.add(number);
            if (chunk.size() == CHUNK) {
                writeChunk();
            }
        }

        /** Compares the chunk with the store and journals what is new or changed (nothing once an error was seen). */
        private void writeChunk() {
            Map<String, StoredRecord> existing = store.find(batch.connection(), chunk.stream().map(ValidRecord::id).toList(), false);
            for (int i = 0; i < chunk.size(); i++) {
                ValidRecord record = chunk.get(i);
                StoredRecord s = existing.get(record.id());
                if (s != null && !s.type().equals(record.type().name())) {
                    errors.add(chunkLines.get(i), "id", record.id() + " is already a " + s.type() + "; a record's type cannot change");
                } else if (s != null && s.retired()) {
                    errors.add(chunkLines.get(i), "id", record.id() + " was retired; ids are never reused");
                } else if (errors.count == 0) {
                    counts[writes.put(record, s).ordinal()]++;
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
            Map<String, StoredRecord> stored = store.find(batch.connection(), external, false);
            for (Pending p : pending) {
                if (external.contains(p.ref().id())) {
                    RecordWrites.refProblem(p.ref(), Map.of(), stored).ifPresent(why -> errors.add(p.line(), p.ref().field(), why));
                }
            }
            if (errors.count == 0) {
                writes.flush();
            }
        }
    }

    private interface LineHandler {
        void valid(long line, ValidRecord record);
    }

    /** Reads and checks every line, handing on the valid ones; returns the number of lines. */
    private long read(Path file, LineHandler handler, Errors errors, java.util.function.LongConsumer progress) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long number = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number % 10_000 == 0) {
                    progress.accept(number);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (line.length() > MAX_LINE) {
                    errors.add(number, "line", "is longer than " + MAX_LINE + " characters");
                    continue;
                }
                check(number, line, handler, errors);
            }
            progress.accept(number);
        } catch (CharacterCodingException e) {
            errors.add(number + 1, "line", "is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("the import file cannot be read: " + e.getMessage(), e);
        }
        return number;
    }

    private void check(long number, String line, LineHandler handler, Errors errors) {
        JsonNode node;
        try {
            node = RecordWrites.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            errors.add(number, "line", "is not JSON: " + e.getOriginalMessage());
            return;
        }
        if (node == null || !node.isObject()) {
            errors.add(number, "line", "must be a JSON object");
            return;
        }
        JsonNode typeName = node.get("type");
        if (typeName == null || !typeName.isTextual()) {
            errors.add(number, "type", "is required: one of " + String.join(", ", model.types().stream().map(RecordType::name).sorted().toList()));
            return;
        }
        RecordType type = model.type(typeName.asText()).orElse(null);
        if (type == null) {
            errors.add(number, "type", "is not a record type: " + typeName.asText());
            return;
        }
        JsonNode id = node.get("id");
        if (id == null || !id.isTextual()) {
            errors.add(number, "id", "is required in an import: a stable id, so that importing again changes the same record");
            return;
        }
        RecordValidator.Checked checked = RecordValidator.check(type, id.asText(), node);
        if (checked.valid()) {
            handler.valid(number, checked.record());
        } else {
            checked.violations().forEach(v -> errors.add(number, v.field(), v.reason()));
        }
    }

    private record Defined(String type, long line) {
    }

    private record Pending(long line, Ref ref) {
    }

    private static final class Rejected extends RuntimeException {
        Rejected() {
            super(null, null, false, false);
        }
    }

    private static final class Errors {
        private final List<ImportReport.LineError> list = new ArrayList<>();
        private long count;

        void add(long line, String field, String reason) {
            count++;
            if (list.size() < MAX_ERRORS) {
                list.add(new ImportReport.LineError(line, field, reason));
            }
        }

        ImportReport report(long lines, long started) {
            List<ImportReport.LineError> sorted = list.stream()
                    .sorted(java.util.Comparator.comparingLong(ImportReport.LineError::line)).toList();
            long now = System.nanoTime();
            return new ImportReport(false, lines, 0, 0, 0, count, sorted, null, null, true, (now - started) / 1_000_000,
                    new ImportReport.Phases((now - started) / 1_000_000, 0));
        }
    }
}
