package org.chainline.journal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.chainline.refusal.InvalidInput;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Positions of the journal that left the machine (see {@code V10__journal_anchors.sql}): each dossier's printed journal
 * hash, each submission of one, and RFC 3161 time-stamp tokens of the head. {@link JournalVerifier} checks the chain
 * against them and against anchors brought from outside.
 */
@Singleton
public class JournalAnchors {

    private final TransactionOperations<Connection> transactions;
    private final TimeStamping timeStamping;
    private final Journal journal;

    /** The journal kind of a time-stamp obtained for the head. */
    public static final String TIMESTAMPED = "journal.timestamped";

    JournalAnchors(TransactionOperations<Connection> transactions, TimeStamping timeStamping, Journal journal) {
        this.transactions = transactions;
        this.timeStamping = timeStamping;
        this.journal = journal;
    }

    /** A journal position (an entry's seq and hash) said to be true by something outside the journal. */
    @Serdeable
    public record Anchor(long seq, String hash, String source, String label, @Nullable byte[] token) {

        public Anchor {
            if (seq < 1) {
                throw new InvalidInput("seq", "must be a journal position (1 or more)");
            }
            if (hash == null || !hash.matches("[0-9a-f]{64}")) {
                throw new InvalidInput("hash", "must be an entry's SHA-256 (64 lower-case hexadecimal digits)");
            }
        }

        /** An anchor brought from outside (a noted position, a dossier PDF). */
        public static Anchor given(long seq, String hash, String label) {
            return new Anchor(seq, hash, "given", label, null);
        }
    }

    /**
     * Records, in the write's transaction, that a position was given away with its hash (a dossier made as of it, a
     * submission of that dossier); {@code source} is {@code dossier} or {@code submission}.
     */
    public void add(Journal.Batch batch, long seq, String source, String label) {
        try (PreparedStatement select = batch.connection().prepareStatement("SELECT hash FROM journal_entry WHERE seq = ?")) {
            select.setLong(1, seq);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    insert(batch.connection(), new Anchor(seq, rs.getString(1), source, label, null));
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("a journal anchor cannot be recorded: " + e.getMessage(), e);
        }
    }

    /** Every anchor recorded here, oldest position first. */
    List<Anchor> recorded() {
        return transactions.executeRead(status -> {
            List<Anchor> all = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT seq, hash, source, label, token FROM journal_anchor ORDER BY seq, source, label");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    all.add(new Anchor(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5)));
                }
            } catch (SQLException e) {
                throw new DataAccessException("journal anchors cannot be read: " + e.getMessage(), e);
            }
            return all;
        });
    }

    /** What a time-stamp of the head gave: the position stamped and when the authority says it saw it. */
    @Serdeable
    public record Stamped(long seq, String hash, Instant at, String authority) {
    }

    /**
     * Asks the configured time-stamping authority (RFC 3161) to sign the journal's head, checks its answer, and keeps
     * the token as an anchor: a later rewrite of the history up to that position no longer matches a signature that
     * only the authority could make.
     */
    public Stamped timestampHead(String actor) {
        Journal.Position head = journal.head();
        if (head.seq() == 0) {
            throw new InvalidInput("journal", "is empty: there is nothing to time-stamp yet");
        }
        TimeStamping.Token token = timeStamping.stamp(head.seq(), head.hash());
        journal.write(actor, "RFC 3161 time-stamp of the journal head", Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> {
            insert(batch.connection(), new Anchor(head.seq(), head.hash(), "rfc3161", token.authority() + " " + token.at(), token.der()));
            batch.add(new Change(TIMESTAMPED, "journal", new Change.Json("{\"seq\":" + head.seq() + ",\"hash\":\"" + head.hash()
                    + "\",\"at\":\"" + token.at() + "\"}")));
            return null;
        });
        return new Stamped(head.seq(), head.hash(), token.at(), token.authority());
    }

    private static void insert(Connection connection, Anchor anchor) {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO journal_anchor (seq, hash, source, label, recorded_at, token) VALUES (?, ?, ?, ?, now(), ?)
                ON CONFLICT DO NOTHING""")) {
            insert.setLong(1, anchor.seq());
            insert.setString(2, anchor.hash());
            insert.setString(3, anchor.source());
            insert.setString(4, anchor.label());
            insert.setBytes(5, anchor.token());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("a journal anchor cannot be recorded: " + e.getMessage(), e);
        }
    }
}
