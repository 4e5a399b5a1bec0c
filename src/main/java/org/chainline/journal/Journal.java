package org.chainline.journal;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The system of record: appends changes as hash-chained entries in one PostgreSQL transaction and, once
 * that commits, lets the projector carry them into the graph. Appends join a transaction already open, so a
 * feature that also writes its own tables commits both or neither.
 */
@Singleton
public class Journal {

    private final JournalEntryRepository entries;
    private final TransactionOperations<Connection> transactions;
    private final Payloads payloadJson;
    private final Projector projector;
    private final Clock clock;

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
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("journal actor must not be blank");
        }
        if (changes.isEmpty()) {
            return List.of();
        }
        List<String> payloads = new ArrayList<>(changes.size());
        for (Change change : changes) {
            payloads.add(this.payloadJson.write(change));
        }
        return transactions.executeWrite(status -> {
            JournalHead head = entries.lockHead();
            long seq = head.seq();
            String prev = head.hash();
            Instant now = EntryHash.truncate(clock.instant());
            List<JournalEntry> written = new ArrayList<>(changes.size());
            for (int i = 0; i < changes.size(); i++) {
                Change change = changes.get(i);
                seq++;
                String hash = EntryHash.of(seq, now, actor, change.kind(), change.targetId(), payloads.get(i), reason, prev);
                written.add(entries.save(new JournalEntry(seq, now, actor, change.kind(), change.targetId(),
                        payloads.get(i), reason, prev, hash)));
                prev = hash;
            }
            entries.moveHead(seq, prev);
            status.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    projector.catchUpQuietly();
                }
            });
            return List.copyOf(written);
        });
    }

    public List<JournalEntry> append(String actor, String reason, Change change) {
        return append(actor, reason, List.of(change));
    }

    /** The position and hash of the last entry. */
    public Position head() {
        JournalHead head = entries.head();
        return new Position(head.seq(), head.hash());
    }

    /** Up to {@code limit} entries after position {@code after}, in order. */
    public List<JournalEntry> after(long after, int limit) {
        return entries.after(after, Math.max(1, Math.min(limit, 1000)));
    }

    /** A position in the journal: the sequence number of an entry and its hash. */
    @io.micronaut.serde.annotation.Serdeable
    public record Position(long seq, String hash) {
    }
}
