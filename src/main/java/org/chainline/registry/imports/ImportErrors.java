package org.chainline.registry.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The errors of an import, by line: all are counted, the first {@value RecordImport#MAX_ERRORS} kept. */
final class ImportErrors {

    private final List<ImportReport.LineError> list = new ArrayList<>();
    private long count;

    long count() {
        return count;
    }

    void add(long line, String field, String reason) {
        count++;
        if (list.size() < RecordImport.MAX_ERRORS) {
            list.add(new ImportReport.LineError(line, field, reason));
        }
    }

    ImportReport report(long lines, long started) {
        List<ImportReport.LineError> sorted = list.stream()
                .sorted(Comparator.comparingLong(ImportReport.LineError::line)).toList();
        long now = System.nanoTime();
        return new ImportReport(false, lines, 0, 0, 0, count, sorted, null, null, true, (now - started) / 1_000_000,
                new ImportReport.Phases((now - started) / 1_000_000, 0));
    }
}
