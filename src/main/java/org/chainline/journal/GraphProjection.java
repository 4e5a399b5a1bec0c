package org.chainline.journal;

import org.neo4j.driver.TransactionContext;

import java.sql.Connection;
import java.util.List;
import java.util.Set;

/**
 * How a feature carries its journal entries into the graph. Applying an entry must be idempotent (MERGE by
 * stable ids, values from the entry only, never the wall clock), so that a replay or a rebuild gives the
 * same graph.
 */
public interface GraphProjection {

    /**
     * Counts what this projection's entries, as PostgreSQL holds them now, put in the graph: its nodes by label and its
     * relationships by type ({@code graph check} compares them with the graph). {@code connection} reads in the
     * snapshot in which the journal's head was read.
     */
    void census(Census census, Connection connection);

    /** The entry kinds this projection applies, e.g. {@code case.opened}. */
    Set<String> kinds();

    void apply(JournalEntry entry, TransactionContext tx);

    /**
     * Applies consecutive entries of this projection's kinds, in order. Projections that can write many
     * entries in one statement override this; the result must equal applying them one by one.
     */
    default void apply(List<JournalEntry> entries, TransactionContext tx) {
        for (JournalEntry entry : entries) {
            apply(entry, tx);
        }
    }
}
