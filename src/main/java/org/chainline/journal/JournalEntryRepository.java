package org.chainline.journal;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface JournalEntryRepository extends GenericRepository<JournalEntry, Long> {

    @Query("SELECT * FROM journal_entry WHERE seq > :after ORDER BY seq LIMIT :limit")
    List<JournalEntry> after(long after, int limit);

    /** Reads the index backwards from the head and stops at the first entry of one of the kinds. */
    @Query("SELECT * FROM journal_entry WHERE kind IN (:kinds) ORDER BY seq DESC LIMIT 1")
    Optional<JournalEntry> lastOf(Collection<String> kinds);

    /** As {@link #lastOf}, from a position back: the last entry of the kinds at or before {@code upTo}. */
    @Query("SELECT * FROM journal_entry WHERE kind IN (:kinds) AND seq <= :upTo ORDER BY seq DESC LIMIT 1")
    Optional<JournalEntry> lastOfUpTo(Collection<String> kinds, long upTo);

    @Query("SELECT * FROM journal_entry ORDER BY seq DESC LIMIT :limit")
    List<JournalEntry> latest(int limit);

    @Query("SELECT * FROM journal_head WHERE id = 1 FOR UPDATE")
    JournalHead lockHead();

    @Query("SELECT * FROM journal_head WHERE id = 1")
    JournalHead head();

    @Query("UPDATE journal_head SET seq = :seq, hash = :hash WHERE id = 1")
    void moveHead(long seq, String hash);
}
