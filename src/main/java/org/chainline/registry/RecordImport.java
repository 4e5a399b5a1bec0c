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
 * Bulk import of newline-delimited JSON, one record per line with a stable id. The whole file is checked first
 * and every problem reported with its line; only a clean file is applied, in one transaction; a line equal to the
 * stored record changes nothing, so importing the same file twice writes nothing the second time.
 */
@Singleton
public class RecordImport {

    static final int MAX_ERRORS = 1000;
    static final int MAX_LINE = 1 << 20;

    private final Model model;
    private final Journal journal;
    private final RecordStore store;
    private final Projector projector;

    RecordImport(Model model, Journal journal, RecordStore store, Projector projector) {
        this.model = model;
        this.journal = journal;
        this.store = store;
        this.projector = projector;
    }

    /** Told how far each phase (check, write, project) has come. */
    public interface Progress {
        void at(String phase, long done, long total);

        Progress NONE = (phase, done, total) -> { };
    }

    public ImportReport run(String actor, String reason, Path file, Progress progress) {
        long started = System.nanoTime();
        Errors errors = new Errors();
        Map<String, Defined> defined = new HashMap<>();
        List<Pending> pending = new ArrayList<>();
        long lines = read(file, (number, record) -> {
            Defined earlier = defined.putIfAbsent(record.id(), new Defined(record.type().name(), number));
            if (earlier != null) {
                errors.add(number, "id", record.id() + " is already defined on line " + earlier.line());
                return;
            }
            for (Ref ref : record.refs()) {
                pending.add(new Pending(number, ref));
            }
        }, errors, (done) -> progress.at("check", done, -1));
        Set<String> external = new HashSet<>();
        Map<String, String> definedTypes = new HashMap<>(defined.size() * 2);
        defined.forEach((id, d) -> definedTypes.put(id, d.type()));
        for (Pending p : pending) {
            if (definedTypes.containsKey(p.ref().id())) {
                RecordWrites.refProblem(p.ref(), definedTypes, Map.of()).ifPresent(why -> errors.add(p.line(), p.ref().field(), why));
            } else {
                external.add(p.ref().id());
            }
        }
        long checked = System.nanoTime();
        if (errors.count > 0) {
            // Report what the store would also refuse, so that one round of fixes is enough.
            Map<String, StoredRecord> stored = store.find(external);
            storeErrors(pending, external, stored, defined, store.find(defined.keySet()), errors);
            return errors.report(lines, started, checked);
        }
        long[] counts = new long[3];
        long[] range = new long[2];
        try {
            journal.write(actor, reason, false, batch -> {
                range[0] = batch.lastSeq() + 1;
                Map<String, StoredRecord> existing = store.find(batch.connection(), defined.keySet(), false);
                storeErrors(pending, external, store.find(batch.connection(), external, false), defined, existing, errors);
                if (errors.count > 0) {
                    throw new Rejected();
                }
                RecordWrites writes = new RecordWrites(batch, store);
                read(file, (number, record) -> counts[writes.put(record, existing.get(record.id())).ordinal()]++,
                        errors, done -> progress.at("write", done, lines));
                writes.flush();
                if (errors.count > 0) {
                    throw new Rejected();
                }
                range[1] = batch.lastSeq();
                return null;
            });
        } catch (Rejected e) {
            return errors.report(lines, started, checked);
        }
        long written = System.nanoTime();
        boolean wrote = range[1] >= range[0];
        if (wrote) {
            long total = range[1] - range[0] + 1;
            projector.catchUp(done -> progress.at("project", Math.min(done, total), total));
        }
        long projected = System.nanoTime();
        return new ImportReport(true, lines, counts[0], counts[1], counts[2], 0, List.of(),
                wrote ? range[0] : null, wrote ? range[1] : null, (projected - started) / 1_000_000,
                new ImportReport.Phases((checked - started) / 1_000_000, (written - checked) / 1_000_000, (projected - written) / 1_000_000));
    }

    /** References to records that are not in the store (or retired, or of another type), and ids the store holds otherwise. */
    private static void storeErrors(List<Pending> pending, Set<String> external, Map<String, StoredRecord> stored,
                                    Map<String, Defined> defined, Map<String, StoredRecord> existing, Errors errors) {
        for (Pending p : pending) {
            if (external.contains(p.ref().id())) {
                RecordWrites.refProblem(p.ref(), Map.of(), stored).ifPresent(why -> errors.add(p.line(), p.ref().field(), why));
            }
        }
        existing.forEach((id, s) -> {
            Defined d = defined.get(id);
            if (!s.type().equals(d.type())) {
                errors.add(d.line(), "id", id + " is already a " + s.type() + "; a record's type cannot change");
            } else if (s.retired()) {
                errors.add(d.line(), "id", id + " was retired; ids are never reused");
            }
        });
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

        ImportReport report(long lines, long started, long checked) {
            List<ImportReport.LineError> sorted = list.stream()
                    .sorted(java.util.Comparator.comparingLong(ImportReport.LineError::line)).toList();
            long now = System.nanoTime();
            return new ImportReport(false, lines, 0, 0, 0, count, sorted, null, null, (now - started) / 1_000_000,
                    new ImportReport.Phases((checked - started) / 1_000_000, (now - checked) / 1_000_000, 0));
        }
    }
}
