package org.chainline.journal;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.TestStores;
import org.chainline.cases.Cases;
import org.chainline.graph.Graph;
import org.chainline.storage.SessionLocks;
import org.chainline.storage.StoreSettings;
import org.chainline.storage.StoreUnavailableException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ProjectorTest extends ChainlineTest {

    @Inject
    SessionLocks locks;
    @Inject
    Projector projector;
    @Inject
    Journal journal;
    @Inject
    Cases cases;
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

    private void someHistory() {
        var a = cases.open("tester", "Fuel-price protests in Zhanatal", "Square shootings, 4-6 January", null);
        var b = cases.open("tester", "Disappearance of an activist", null, "opened on a family's request");
        cases.revise(TestCases.OPERATOR, a.id(), null, "Sniper fire on Republic Square, 5 January", "better summary");
        cases.close(TestCases.OPERATOR, b.id(), "merged into the first case");
        cases.open("tester", "Attack on an opposition representative abroad", "Kyiv office searched", null);
    }

    @Test
    void rebuildingFromTheJournalGivesTheSameGraph() {
        someHistory();
        List<String> before = GraphDump.of(TestStores.driver());
        long position = projector.position();
        assertEquals(journal.head().seq(), position);
        assertTrue(before.stream().anyMatch(line -> line.contains("Sniper fire on Republic Square")));

        int replayed = projector.rebuild();

        assertEquals(journal.head().seq(), replayed);
        assertEquals(position, projector.position());
        assertEquals(before, GraphDump.of(TestStores.driver()));
    }

    @Test
    void whileARebuildRunsReadsAreRefusedAndAnUnfinishedRebuildIsFinishedByTheNextProjector() {
        someHistory();
        List<String> before = GraphDump.of(TestStores.driver());
        String caseId = cases.list(TestCases.OPERATOR, false, null, 0, 10).getFirst().id();
        // an instance began a rebuild and died half way: its flag is set, its wipe done
        try (Session s = TestStores.driver().session()) {
            s.run("MATCH (p:ProjectionState {id: 'journal'}) SET p.rebuilding = true, p.position = 0").consume();
            s.run("MATCH (c:Case) DETACH DELETE c").consume();
        }
        var refused = Assertions.assertThrows(StoreUnavailableException.class,
                () -> cases.get(TestCases.OPERATOR, caseId));
        assertTrue(refused.getMessage().contains("being rebuilt"), refused.getMessage());
        // a write meanwhile is kept, and does not wait for the rebuild
        cases.open("tester", "Written during the rebuild", null, null);

        // the next projector to run finishes the rebuild: this one, or the instance's background projector, which first
        // runs a second after start and, on a loaded machine, may be the one holding the projector at this moment (the
        // call then leaves the entries to it); catchUp waits for whichever runs to carry the graph to the head
        projector.catchUpIfFree();
        projector.catchUp();

        assertFalse(projector.state().rebuilding());
        assertEquals(journal.head().seq(), projector.position());
        assertEquals(caseId, cases.get(TestCases.OPERATOR, caseId).id());
        List<String> after = GraphDump.of(TestStores.driver());
        assertTrue(after.containsAll(before));
        assertEquals(before.size() + 1, after.size());
    }

    @Test
    void aCatchUpThatNeedsTheGraphWaitsForAnotherInstancesRebuildAndAWriteDoesNot() throws Exception {
        someHistory();
        // another instance holds the projector and is rebuilding
        var held = locks.tryHold(Projector.LOCK_KEY).orElseThrow();
        try (Session s = TestStores.driver().session()) {
            s.run("MATCH (p:ProjectionState {id: 'journal'}) SET p.rebuilding = true").consume();
        }
        long started = System.nanoTime();
        cases.open("tester", "Written during the other instance's rebuild", null, null);
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "the write waited for the rebuild");

        Thread other = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                return;
            }
            // the other instance's rebuild ends, and it lets go of the projector
            try (Session s = TestStores.driver().session()) {
                s.run("MATCH (p:ProjectionState {id: 'journal'}) SET p.rebuilding = false").consume();
            }
            held.close();
        });
        projector.catchUp();
        assertFalse(projector.state().rebuilding(), "a catch-up that needs the graph returned while a rebuild ran");
        assertTrue(System.nanoTime() - started >= 1_400_000_000L);
        assertEquals(journal.head().seq(), projector.position());
        other.join();
    }

    @Test
    void applyingEntriesAgainChangesNothing() {
        someHistory();
        List<String> before = GraphDump.of(TestStores.driver());
        // Forget the position, as if the graph had crashed after applying but before recording it.
        try (Session s = TestStores.driver().session()) {
            s.run("MATCH (p:ProjectionState {id: 'journal'}) SET p.position = 0").consume();
        }
        assertEquals(journal.head().seq(), projector.catchUp());
        assertEquals(before, GraphDump.of(TestStores.driver()));
        // and entries at or before the position are never applied again
        assertEquals(0, projector.catchUp());
        assertEquals(before, GraphDump.of(TestStores.driver()));
    }

    @Test
    void whenTheGraphIsDownTheJournalKeepsTheWriteAndTheProjectorCatchesUpLater() {
        long projectedBefore = projector.position();
        Graph unreachable = UnreachableGraph.of(settings);
        Projector downProjector = new Projector(entries, unreachable, locks, projections);
        Journal journalWithGraphDown = new Journal(entries, transactions, payloads, downProjector, Clock.systemUTC());

        List<JournalEntry> written = journalWithGraphDown.append("tester", null,
                new Change("case.opened", "case-while-down", new CaseEvents("Written while the graph was down")));

        assertEquals(written.getLast().seq(), journal.head().seq(), "the write must be in the journal");
        assertTrue(downProjector.lastError().isPresent(), "the failed projection must be reported");
        assertEquals(projectedBefore, projector.position(), "the graph must not have moved");
        assertFalse(caseExists("case-while-down"));

        assertEquals(1, projector.catchUp());
        assertTrue(caseExists("case-while-down"));
        assertEquals(journal.head().seq(), projector.position());
    }

    @Test
    void aProjectionThatFailsMidBatchLeavesTheGraphAsItWas() {
        someHistory();
        List<String> before = GraphDump.of(TestStores.driver());
        long position = projector.position();
        GraphProjection failing = new GraphProjection() {
            @Override
            public Set<String> kinds() {
                return Set.of("test.poison");
            }

            @Override
            public void apply(JournalEntry entry, TransactionContext tx) {
                throw new IllegalStateException("cannot project this entry");
            }

            @Override
            public void census(Census census, Connection connection) {
                // it never got anything into the graph
            }
        };
        List<GraphProjection> withFailing = new ArrayList<>(projections);
        withFailing.add(failing);
        Projector strict = new Projector(entries, new Graph(TestStores.driver(), settings), locks, withFailing);
        Journal journalWithStrictProjector = new Journal(entries, transactions, payloads, strict, Clock.systemUTC());

        journalWithStrictProjector.append("tester", null, List.of(
                new Change("case.opened", "case-before-poison", new CaseEvents("Applied in the same batch")),
                new Change("test.poison", "poison", new CaseEvents("x"))));

        assertTrue(strict.lastError().isPresent());
        assertEquals(position, projector.position(), "the position must not move past a failed batch");
        assertEquals(before, GraphDump.of(TestStores.driver()), "nothing of the failed batch may be in the graph");
        assertNotEquals(position, journal.head().seq());
    }

    private boolean caseExists(String id) {
        try (Session s = TestStores.driver().session()) {
            return s.run("MATCH (c:Case {id: $id}) RETURN count(c) AS n", Map.of("id", id))
                    .single().get("n").asLong() == 1;
        }
    }

    /** The payload shape of {@code case.opened}, written here as a client of the journal would. */
    @Serdeable
    record CaseEvents(String title) {
    }
}
