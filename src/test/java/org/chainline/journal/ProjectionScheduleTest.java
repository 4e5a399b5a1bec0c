package org.chainline.journal;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.graph.Graph;
import org.chainline.storage.SessionLocks;
import org.chainline.storage.StoreSettings;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entries the graph missed arrive by themselves, without anyone asking for a catch-up. */
@MicronautTest(transactional = false)
class ProjectionScheduleTest extends ChainlineTest {

    @Inject
    SessionLocks locks;
    @Inject
    Projector projector;
    @Inject
    Journal journal;
    @Inject
    JournalEntryRepository entries;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    Payloads payloads;
    @Inject
    List<GraphProjection> projections;
    @Inject
    StoreSettings settings;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("chainline.projector.interval", "200ms");
        return properties;
    }

    @Test
    void entriesWrittenWhileTheGraphWasDownArriveInTheBackground() throws InterruptedException {
        Graph unreachable = UnreachableGraph.of(settings);
        Journal journalWithGraphDown = new Journal(entries, transactions, payloads,
                new Projector(entries, unreachable, locks, projections), Clock.systemUTC());
        long head = journalWithGraphDown.append("tester", null,
                new Change("case.opened", "case-late", new ProjectorTest.CaseEvents("Arrives later"))).getLast().seq();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (projector.position() < head && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(head, projector.position(), "the background catch-up did not bring the graph up to date");
        assertTrue(projector.lastError().isEmpty());
    }
}
