package org.chainline.registry.imports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What an import did, or why it did nothing: lines read, records created, changed and unchanged, the journal
 * positions written, whether the graph has caught up (false when Neo4j was unavailable: it will), and every error
 * with its line number (the first {@value RecordImport#MAX_ERRORS} of them).
 */
@Serdeable
public record ImportReport(boolean applied, long lines, long created, long changed, long unchanged, long errorCount,
                           List<LineError> errors, @Nullable Long journalFrom, @Nullable Long journalTo,
                           boolean graphCurrent, long millis,
                           Phases phases) {

    /** Where the time went: checking the file and writing the journal (PostgreSQL, one pass), projecting into the graph (Neo4j). */
    @Serdeable
    public record Phases(long journalMillis, long projectMillis) {
    }

    /** A problem on one line: the field (or {@code line} for the line as a whole) and why. */
    @Serdeable
    public record LineError(long line, String field, String reason) {
    }

    /** One line of summary for people. */
    public String summary() {
        if (!applied) {
            return errorCount + " error" + (errorCount == 1 ? "" : "s") + " in " + lines + " lines; nothing was imported";
        }
        return lines + " lines: " + created + " created, " + changed + " changed, " + unchanged + " unchanged"
                + (journalFrom == null ? "" : " (journal " + journalFrom + "–" + journalTo + ")") + " in " + millis + " ms"
                + (graphCurrent ? "" : "; the graph is behind and will catch up");
    }
}
