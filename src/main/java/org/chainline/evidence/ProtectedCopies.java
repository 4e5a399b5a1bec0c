package org.chainline.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.chainline.input.Json;
import org.chainline.registry.EvidenceRecords;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Copies of protected files that arrived after them: the same bytes uploaded again, imported again, or sent as the
 * file of an item recorded earlier. Their senders are told only that the bytes are held, never which item they are
 * (nor does the item's custody or the journal tell them outside the grant); the holders of the witness-protection
 * grant are told who sent which, when and how, since a protected testimony turning up on a seized phone or in a leak
 * may put its witness at risk.
 */
@Singleton
public class ProtectedCopies {

    /** How many copies the holders are shown, the newest first. */
    static final int SHOWN = 50;
    /** How many of the newest matched arrivals are read to find them (arrivals of unprotected copies are skipped). */
    private static final int READ = 5000;

    private final TransactionOperations<Connection> transactions;
    private final EvidenceRecords evidenceRecords;

    ProtectedCopies(TransactionOperations<Connection> transactions, EvidenceRecords evidenceRecords) {
        this.transactions = transactions;
        this.evidenceRecords = evidenceRecords;
    }

    /** A copy of a protected item's file that arrived: which item, when, from which account, through which way in. */
    @Serdeable
    public record Copy(String evidence, Instant at, String by, String via, long size, long journalSeq) {
    }

    /** Whether a custody event is the arrival of bytes that joined an item already there. */
    static boolean copy(Custody.Event event) {
        return event.action().equals("received") && (event.details().path("duplicate").asBoolean()
                || event.details().path(EvidenceLocker.MATCHED).asBoolean());
    }

    /** The copies of protected items' files that arrived, the newest first (for holders of the grant only). */
    public List<Copy> recent() {
        List<Copy> matched = transactions.executeRead(status -> {
            List<Copy> out = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT seq, recorded_at, actor, target_id, payload FROM journal_entry
                    WHERE kind = ? AND (payload LIKE '%"duplicate":true%' OR payload LIKE '%"matched":true%')
                    ORDER BY seq DESC LIMIT ?""")) {
                select.setString(1, Custody.Action.RECEIVED.kind());
                select.setInt(2, READ);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        JsonNode details = Json.MAPPER.readTree(rs.getString(5));
                        out.add(new Copy(rs.getString(4), rs.getObject(2, OffsetDateTime.class).toInstant(),
                                rs.getString(3), details.path("via").asText(""), details.path("size").asLong(), rs.getLong(1)));
                    }
                }
            } catch (SQLException | IOException e) {
                throw new DataAccessException("the copies of protected files could not be read: "
                        + e.getMessage(), e);
            }
            return out;
        });
        Set<String> items = new LinkedHashSet<>();
        matched.forEach(c -> items.add(c.evidence()));
        Set<String> protectedItems = items.isEmpty() ? Set.of() : evidenceRecords.protectedAmong(List.copyOf(items), List.of());
        return matched.stream().filter(c -> protectedItems.contains(c.evidence())).limit(SHOWN).toList();
    }
}
