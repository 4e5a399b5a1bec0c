package org.chainline.journal;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.storage.StoreSettings;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class JournalTest extends ChainlineTest {

    @Inject
    Journal journal;
    @Inject
    JournalVerifier verifier;
    @Inject
    StoreSettings settings;
    @Inject
    Projector projector;
    @Inject
    TransactionOperations<Connection> transactions;

    @Serdeable
    record Note(String text) {
    }

    private List<JournalEntry> appendNotes(int n) {
        List<Change> changes = IntStream.range(0, n)
                .mapToObj(i -> new Change("test.noted", "note-" + i, new Note("note " + i))).toList();
        return journal.append("tester", "because", changes);
    }

    @Test
    void entriesAreChainedInOrderAndVerifyIntact() {
        long before = journal.head().seq();
        List<JournalEntry> written = appendNotes(3);
        assertEquals(before + 1, written.getFirst().seq());
        for (int i = 1; i < written.size(); i++) {
            assertEquals(written.get(i - 1).hash(), written.get(i).prevHash());
            assertEquals(written.get(i - 1).seq() + 1, written.get(i).seq());
        }
        assertEquals(written.getLast().hash(), journal.head().hash());
        JournalVerification v = verifier.verify();
        assertTrue(v.intact(), () -> "expected intact, got " + v);
        assertEquals(journal.head().seq(), v.entriesChecked());
    }

    @Test
    void alteringAnyStoredFieldOfAnyEntryIsDetectedAtThatEntry() throws SQLException {
        List<JournalEntry> written = appendNotes(4);
        JournalEntry target = written.get(2);
        Map<String, String> alterations = Map.of(
                "recorded_at", "recorded_at + interval '1 second'",
                "actor", "'someone else'",
                "kind", "'test.forged'",
                "target_id", "'note-x'",
                "payload", "'{\"text\":\"forged\"}'",
                "reason", "'another reason'",
                "prev_hash", "repeat('1', 64)",
                "hash", "repeat('2', 64)");
        for (Map.Entry<String, String> alteration : alterations.entrySet()) {
            String column = alteration.getKey();
            withTriggersOff(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE saved AS SELECT * FROM journal_entry WHERE seq = " + target.seq());
                    s.executeUpdate("UPDATE journal_entry SET " + column + " = " + alteration.getValue()
                            + " WHERE seq = " + target.seq());
                }
            });
            JournalVerification v = verifier.verify();
            assertFalse(v.intact(), column + " altered but the chain verified");
            assertEquals(target.seq(), v.firstBrokenSeq(), "altering " + column + " reported at the wrong entry");
            withTriggersOff(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM journal_entry WHERE seq = " + target.seq());
                    s.executeUpdate("INSERT INTO journal_entry SELECT * FROM saved");
                    s.execute("DROP TABLE saved");
                }
            });
            assertTrue(verifier.verify().intact(), "restoring " + column + " did not restore the chain");
        }
    }

    @Test
    void aRemovedEntryIsDetected() throws SQLException {
        List<JournalEntry> written = appendNotes(3);
        long middle = written.get(1).seq();
        withTriggersOff(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE removed AS SELECT * FROM journal_entry WHERE seq = " + middle);
                s.executeUpdate("DELETE FROM journal_entry WHERE seq = " + middle);
            }
        });
        JournalVerification v = verifier.verify();
        assertFalse(v.intact());
        assertEquals(middle, v.firstBrokenSeq());
        assertTrue(v.problem().contains("missing"), v.problem());
        withTriggersOff(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO journal_entry SELECT * FROM removed");
                s.execute("DROP TABLE removed");
            }
        });
        assertTrue(verifier.verify().intact());
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteEntries() {
        appendNotes(1);
        SQLException update = assertThrows(SQLException.class, () -> execute("UPDATE journal_entry SET actor = 'x'"));
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        SQLException delete = assertThrows(SQLException.class, () -> execute("DELETE FROM journal_entry"));
        assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        SQLException truncate = assertThrows(SQLException.class, () -> execute("TRUNCATE journal_entry"));
        assertTrue(truncate.getMessage().contains("append-only"), truncate.getMessage());
    }

    @Test
    void aFailureHalfwayThroughAnAppendLeavesNoEntry() {
        Journal.Position before = journal.head();
        // PostgreSQL refuses a NUL character in text: the second insert of the transaction fails.
        List<Change> changes = List.of(new Change("test.noted", "ok", new Note("fine")),
                new Change("test.noted", "bad\u0000id", new Note("second")));
        assertThrows(RuntimeException.class, () -> journal.append("tester", null, changes));
        assertEquals(before, journal.head());
        assertTrue(journal.after(before.seq(), 10).isEmpty());
        assertTrue(verifier.verify().intact());
    }

    @Test
    void anAppendJoinsTheCallersTransactionAndIsProjectedOnlyAfterItCommits() {
        long before = journal.head().seq();
        long projectedBefore = projector.position();
        RuntimeException rolledBack = assertThrows(RuntimeException.class, () -> transactions.executeWrite(status -> {
            journal.append("tester", null, new Change("test.noted", "inner", new Note("inside")));
            throw new IllegalStateException("the feature's own write failed after the append");
        }));
        assertEquals("the feature's own write failed after the append", rolledBack.getMessage());
        assertEquals(before, journal.head().seq(), "the append must roll back with its caller");
        assertEquals(projectedBefore, projector.position());

        transactions.executeWrite(status -> {
            journal.append("tester", null, new Change("test.noted", "inner", new Note("inside")));
            assertEquals(projectedBefore, projector.position(), "nothing may be projected before the commit");
            return null;
        });
        assertEquals(before + 1, journal.head().seq());
        assertEquals(before + 1, projector.position(), "the commit must trigger the projection");
    }

    @Test
    void anEmptyReasonIsStoredAsNoReason() {
        JournalEntry entry = journal.append("tester", null, new Change("test.noted", "n", new Note("x"))).getFirst();
        assertNull(entry.reason());
        assertTrue(entry.hashIsIntact());
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute(sql);
        }
    }

    /** Straight to PostgreSQL, past Chainline, as someone with database access would. */
    private Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.postgres().url(), settings.postgres().username(), null);
    }

    interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    /** What an intruder with database access could do: switch the append-only triggers off and edit rows. */
    private void withTriggersOff(SqlWork work) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE journal_entry DISABLE TRIGGER USER");
            }
            work.run(c);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE journal_entry ENABLE TRIGGER USER");
            }
            c.commit();
        }
    }
}
