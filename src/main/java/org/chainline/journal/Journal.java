package org.chainline.journal;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.chainline.storage.StoreUnavailableException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The system of record: appends changes as hash-chained entries in one PostgreSQL transaction and, once
 * that commits, lets the projector carry them into the graph. Appends join a transaction already open, so a
 * feature that also writes its own tables commits both or neither.
 */
@Singleton
public class Journal {

    private static final int FLUSH_EVERY = 1000;

    private final JournalEntryRepository entries;
    private final TransactionOperations<Connection> transactions;
    private final Payloads payloadJson;
    private final Projector projector;
    private final Clock clock;

    /** One writer at a time per instance, served in order of arrival. */
    private final Semaphore writers = new Semaphore(1, true);
    private static final int WRITE_QUEUE_WAIT_SECONDS = 30;

    Journal(JournalEntryRepository entries, TransactionOperations<Connection> transactions, Payloads payloadJson,
            Projector projector, Clock clock) {
        this.entries = entries;
        this.transactions = transactions;
        this.payloadJson = payloadJson;
        this.projector = projector;
        this.clock = clock;
    }

    /** Appends all changes or none; the graph follows after commit. */
    public List<JournalEntry> append(String actor, String reason, List<Change> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        return write(actor, reason, AfterCommit.PROJECT, batch -> {
            List<JournalEntry> written = new ArrayList<>(changes.size());
            for (Change change : changes) {
                written.add(batch.add(change));
            }
            return List.copyOf(written);
        });
    }

    public List<JournalEntry> append(String actor, String reason, Change change) {
        return append(actor, reason, List.of(change));
    }

    /** What follows a write's commit. */
    public enum AfterCommit {
        /** The graph is brought up to date with the write before the call returns. */
        PROJECT,
        /**
         * The graph follows on the scheduled catch-up, or when the caller brings it up to date itself (a large
         * import, to show its progress).
         */
        LEAVE_TO_SCHEDULE
    }

    /**
     * Runs {@code work} in one transaction holding the journal's head, so that what it reads there (its own
     * tables) cannot change under it, and appends what it adds to the batch, all or nothing; then, as
     * {@code then} says, brings the graph up to date with it or leaves that to the schedule.
     */
    public <T> T write(String actor, String reason, AfterCommit then, Function<Batch, T> work) {
        boolean projectAfterCommit = then == AfterCommit.PROJECT;
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("journal actor must not be blank");
        }
        // Writes take the head one at a time anyway; waiting for it here, in arrival order and without a connection,
        // keeps the pool for readers and lets a write that waits too long be told to come back (503), instead of
        // piling up connections that then time out.
        boolean outermost = transactions.findTransactionStatus().isEmpty();
        if (!outermost) {
            return writeHoldingTurn(actor, reason, projectAfterCommit, work, () -> { }, true).result();
        }
        try {
            if (!writers.tryAcquire(WRITE_QUEUE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new StoreUnavailableException("too many writes are waiting for the journal;"
                        + " nothing was written, try again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the journal; nothing was written");
        }
        // the turn ends with the commit, before the graph is brought up to date, so the next write commits while this
        // one projects
        AtomicBoolean held = new AtomicBoolean(true);
        Runnable endTurn = () -> {
            if (held.compareAndSet(true, false)) {
                writers.release();
            }
        };
        Written<T> written;
        try {
            written = writeHoldingTurn(actor, reason, projectAfterCommit, work, endTurn, false);
        } finally {
            endTurn.run();
        }
        // the graph follows once the transaction has given its connection back: a write waiting to project must not
        // hold one, or a burst of writers exhausts the pool
        if (written.appended() && projectAfterCommit) {
            projector.catchUpQuietly();
        }
        return written.result();
    }

    /** What a write's work answered, and whether it appended anything. */
    private record Written<T>(T result, boolean appended) {
    }

    /**
     * With {@code nested} (a write inside a transaction already open) the graph follows that transaction's commit;
     * otherwise the caller projects once the connection is given back.
     */
    private <T> Written<T> writeHoldingTurn(String actor, String reason, boolean projectAfterCommit, Function<Batch, T> work,
                                             Runnable endTurn, boolean nested) {
        return transactions.executeWrite(status -> {
            status.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    endTurn.run();
                }
            });
            JournalHead head = entries.lockHead();
            Batch batch = new Batch(status.getConnection(), actor, reason, head.seq(), head.hash(),
                    EntryHash.truncate(clock.instant()));
            T result = work.apply(batch);
            batch.flush();
            if (!batch.afterCommit.isEmpty()) {
                status.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        batch.afterCommit.forEach(Runnable::run);
                    }
                });
            }
            boolean appended = batch.seq != head.seq();
            if (appended) {
                entries.moveHead(batch.seq, batch.prev);
                if (nested && projectAfterCommit) {
                    status.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            projector.catchUpQuietly();
                        }
                    });
                }
            }
            return new Written<>(result, appended);
        });
    }

    /** Whether the journal holds an entry of this kind about this target (read in the batch's transaction). */
    public boolean holds(Batch batch, String targetId, String kind) {
        try (PreparedStatement select = batch.connection().prepareStatement(
                "SELECT 1 FROM journal_entry WHERE target_id = ? AND kind = ? LIMIT 1")) {
            select.setString(1, targetId);
            select.setString(2, kind);
            try (var rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new DataAccessException("the journal cannot be read: " + e.getMessage(), e);
        }
    }

    /** The position and hash of the last entry. */
    public Position head() {
        JournalHead head = entries.head();
        return new Position(head.seq(), head.hash());
    }

    /**
     * The last entry of one of {@code kinds}: the position of the record as seen by a reader whom only those kinds
     * concern (a dossier: records and the arrival, checks and hand-overs of evidence, not accounts or its own exports).
     */
    public Optional<JournalEntry> lastOf(Collection<String> kinds) {
        return entries.lastOf(kinds);
    }

    /** The last entry of one of {@code kinds} at or before position {@code upTo} (the graph's position, say). */
    public Optional<JournalEntry> lastOf(Collection<String> kinds, long upTo) {
        return entries.lastOfUpTo(kinds, upTo);
    }

    /** The last {@code limit} entries, newest first. */
    public List<JournalEntry> latest(int limit) {
        return entries.latest(Math.max(1, Math.min(limit, 1000)));
    }

    /** Up to {@code limit} entries after position {@code after}, in order. */
    public List<JournalEntry> after(long after, int limit) {
        return entries.after(after, Math.max(1, Math.min(limit, 1000)));
    }

    /** A position in the journal: the sequence number of an entry and its hash. */
    @Serdeable
    public record Position(long seq, String hash) {
    }

    /** Entries being appended inside one transaction; written to PostgreSQL in JDBC batches. */
    public final class Batch {

        private final Connection connection;
        private final String actor;
        private final String reason;
        private final Instant now;
        private final List<JournalEntry> pending = new ArrayList<>();
        private final List<Runnable> afterCommit = new ArrayList<>();
        private long seq;
        private String prev;

        private Batch(Connection connection, String actor, String reason, long seq, String prev, Instant now) {
            this.connection = connection;
            this.actor = actor;
            this.reason = reason;
            this.seq = seq;
            this.prev = prev;
            this.now = now;
        }

        /** Appends one change and returns its entry (written at the latest when the transaction ends). */
        public JournalEntry add(Change change) {
            String payload = payloadJson.write(change);
            seq++;
            String hash = EntryHash.of(seq, now, actor, change.kind(), change.targetId(), payload, reason, prev);
            JournalEntry entry = new JournalEntry(seq, now, actor, change.kind(), change.targetId(), payload, reason, prev, hash);
            prev = hash;
            pending.add(entry);
            if (pending.size() >= FLUSH_EVERY) {
                flush();
            }
            return entry;
        }

        /** Runs {@code work} once the batch's transaction has committed (never if it rolls back). */
        public void afterCommit(Runnable work) {
            afterCommit.add(work);
        }

        /** The reason given for the whole batch, or null. */
        public String reason() {
            return reason;
        }

        /** The transaction's connection, for the caller's own tables. */
        public Connection connection() {
            return connection;
        }

        /** The sequence number of the last entry added, or of the head before this batch. */
        public long lastSeq() {
            return seq;
        }

        /** Writes the entries added so far (they stay uncommitted until the transaction ends). */
        public void flush() {
            if (pending.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO journal_entry (seq, recorded_at, actor, kind, target_id, payload, reason, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (JournalEntry e : pending) {
                    insert.setLong(1, e.seq());
                    insert.setObject(2, e.recordedAt().atOffset(ZoneOffset.UTC));
                    insert.setString(3, e.actor());
                    insert.setString(4, e.kind());
                    insert.setString(5, e.targetId());
                    insert.setString(6, e.payload());
                    insert.setString(7, e.reason());
                    insert.setString(8, e.prevHash());
                    insert.setString(9, e.hash());
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new DataAccessException("journal entries could not be written: " + e.getMessage(), e);
            }
            pending.clear();
        }
    }
}
