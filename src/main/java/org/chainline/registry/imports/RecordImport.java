package org.chainline.registry.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import org.chainline.input.Json;
import org.chainline.cases.Filing;
import org.chainline.journal.Journal;
import org.chainline.journal.Projector;
import org.chainline.registry.ProtectedValues;
import org.chainline.registry.RecordGraph;
import org.chainline.registry.RecordStore;
import org.chainline.registry.RecordWrites;
import org.chainline.registry.StoredRecord;
import org.chainline.registry.model.Model;
import org.chainline.registry.model.RecordType;
import org.chainline.registry.validation.RecordValidator;
import org.chainline.registry.validation.Ref;
import org.chainline.registry.validation.ValidRecord;
import org.chainline.registry.validation.Violation;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

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
    private final ProtectedValues protectedValues;

    RecordImport(Model model, Journal journal, RecordStore store, Projector projector, RecordGraph graph,
                 ProtectedValues protectedValues) {
        this.protectedValues = protectedValues;
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

    /**
     * Imports a file's lines into the filing's case (a line may name another of the writer's cases in {@code case}), with
     * the writer's rights.
     */
    public ImportReport run(Filing filing, String reason, Path file, Progress progress) {
        return run(filing, reason, org.chainline.Sha256.ofFile(file), () -> Files.newInputStream(file), progress);
    }

    /** Where an import's lines come from: read twice at most, never copied to disk by the importer. */
    public interface Lines {
        InputStream open() throws IOException;
    }

    /**
     * As {@link #run(String, String, Path, Progress)}, for lines held elsewhere (a request's body, kept in memory so
     * that what it says of people at risk never lands on disk in clear); {@code sha256} is theirs.
     */
    public ImportReport run(Filing filing, String reason, byte[] body, Progress progress) {
        return run(filing, reason, org.chainline.Sha256.hex(body), () -> new ByteArrayInputStream(body), progress);
    }

    private ImportReport run(Filing filing, String reason, String sha256, Lines source, Progress progress) {
        String actor = filing.actor();
        long started = System.nanoTime();
        ImportErrors errors = new ImportErrors();
        long[] counts = new long[3];
        long[] range = new long[2];
        long[] lines = new long[1];
        try {
            // One pass, inside the journal's transaction: lines are checked and written in chunks; any error rolls
            // everything back, and checking goes on to the end so that every error is reported at once.
            journal.write(actor, reason, Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> {
                range[0] = batch.lastSeq() + 1;
                RecordWrites writes = new RecordWrites(batch, store, protectedValues, model,
                        new RecordWrites.Writer(sha256, false, filing.scope(), filing.caseId()));
                ImportPass pass = new ImportPass(store, writes, batch, errors, counts, (r, o) -> { });
                lines[0] = read(source, pass, errors, done -> progress.at("check and write", done, -1));
                pass.finish();
                if (errors.count() > 0) {
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

    /** Where checked lines go: a valid record to be written, or what an invalid one defines and refers to. */
    interface LineHandler {
        void valid(long line, ValidRecord record);

        void invalid(long line, RecordType type, String id, List<Ref> refs);
    }

    /** Reads and checks every line, handing on the valid ones; returns the number of lines. */
    private long read(Lines source, LineHandler handler, ImportErrors errors, LongConsumer progress) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long number = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(source.open(), decoder), 1 << 16)) {
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

    private void check(long number, String line, LineHandler handler, ImportErrors errors) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            errors.add(number, "line", "is not JSON: " + e.getOriginalMessage());
            return;
        }
        check(number, node, handler, errors);
    }

    private void check(long number, JsonNode node, LineHandler handler, ImportErrors errors) {
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
        List<Violation> problems = checked.valid() ? protectedValues.checkSealed(checked.record()) : checked.violations();
        if (problems.isEmpty()) {
            handler.valid(number, checked.record());
        } else {
            problems.forEach(v -> errors.add(number, v.field(), v.reason()));
            // still defined for the lines that refer to it, and its own references checked now: every error at once
            handler.invalid(number, type, id.asText(), checked.refs());
        }
    }

    /**
     * Records written by another feature inside its own journal transaction (the evidence locker's items and sources),
     * checked and written exactly as an import's lines, so that what it writes obeys the model and is idempotent.
     * Positions stand in for line numbers in the errors.
     */
    public Session session(Journal.Batch batch, Filing filing) {
        return new Session(batch, filing);
    }

    /** See {@link #session}. Nothing is written once an error has been seen; the caller then rolls back. */
    public final class Session {

        private final ImportErrors errors = new ImportErrors();
        private final long[] counts = new long[3];
        private final Set<String> created = new HashSet<>();
        private final ImportPass pass;
        private final RecordWrites writes;
        private final Journal.Batch batch;

        private Session(Journal.Batch batch, Filing filing) {
            this.batch = batch;
            this.writes = new RecordWrites(batch, store, protectedValues, model, RecordWrites.Writer.of(filing.scope(), filing.caseId()));
            pass = new ImportPass(store, writes, batch, errors, counts,
                    (record, outcome) -> {
                        if (outcome == RecordWrites.Outcome.CREATED) {
                            created.add(record.id());
                        }
                    });
        }

        /** Checks one record (as in the import format) and writes it with the others. */
        public void add(long position, JsonNode record) {
            check(position, record, pass, errors);
        }

        /** Those of the ids that are stored records (live or retired). */
        public Set<String> existing(Collection<String> ids) {
            return store.find(batch.connection(), ids, false).keySet();
        }

        /** Resolves references among the records added and to stored ones, and writes the rest. */
        public void finish() {
            pass.finish();
        }

        public long errorCount() {
            return errors.count();
        }

        /**
         * Retires a live record in this transaction, after what was added has been written (call it after
         * {@link #finish}). For records nothing refers to (a designation withdrawn with the decision it came from);
         * returns false when the record is missing, of another type or already retired.
         */
        public boolean retire(String typeName, String id) {
            RecordType type = model.type(typeName).orElseThrow(() -> new IllegalArgumentException("no record type " + typeName));
            StoredRecord current = store.find(batch.connection(), List.of(id)).get(id);
            if (current == null || current.retired() || !current.type().equals(type.name())) {
                return false;
            }
            writes.retire(type, id);
            return true;
        }

        /** The problems, each at the position given to {@link #add}. */
        public List<ImportReport.LineError> errors() {
            return errors.report(0, System.nanoTime()).errors();
        }

        /** Whether the record was created by this session (not merely unchanged or changed); known after {@link #finish}. */
        public boolean created(String id) {
            return created.contains(id);
        }

        public long createdCount() {
            return counts[0];
        }

        public long changedCount() {
            return counts[1];
        }

        public long unchangedCount() {
            return counts[2];
        }
    }

    private static final class Rejected extends RuntimeException {
        Rejected() {
            super(null, null, false, false);
        }
    }

}
