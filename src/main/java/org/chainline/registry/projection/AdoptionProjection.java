package org.chainline.registry.projection;

import jakarta.inject.Singleton;
import org.chainline.graph.CypherQueries;
import org.chainline.journal.Census;
import org.chainline.journal.GraphProjection;
import org.chainline.journal.JournalEntry;
import org.chainline.registry.RecordsAdoption;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Values;

import java.sql.Connection;
import java.util.Set;

/** The upgrade's adoption of the records written before cases: their nodes and shortcuts are put in its case. */
@Singleton
final class AdoptionProjection implements GraphProjection {

    private final String adopt = CypherQueries.load("registry/adopt");

    @Override
    public Set<String> kinds() {
        return Set.of(RecordsAdoption.ADOPTED);
    }

    @Override
    public void census(Census census, Connection connection) {
        // adds no node and no relationship
    }

    @Override
    public void apply(JournalEntry entry, TransactionContext tx) {
        tx.run(adopt, Values.parameters("case", entry.targetId())).consume();
    }
}
