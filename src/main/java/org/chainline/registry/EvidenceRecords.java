package org.chainline.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.chainline.journal.Journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the record store knows about evidence items and the bytes they name, for the evidence locker and its imports:
 * which items name a file, which are protected, how strictly a file is held, what an earlier Telegram import left.
 * {@link Records} keeps to what every type of record shares, and {@link RecordStore} to the rows every type has.
 */
@Singleton
public class EvidenceRecords {

    private final TransactionOperations<Connection> transactions;

    EvidenceRecords(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** The live evidence items naming these bytes, the earliest recorded first, read in the journal's turn. */
    public List<String> naming(Journal.Batch batch, String sha256) {
        return EvidenceAccess.naming(batch.connection(), sha256);
    }

    /** Of these evidence ids and SHA-256s, those protected now (an item, or bytes a protected item names). */
    public Set<String> protectedAmong(Collection<String> evidenceIds, Collection<String> sha256s) {
        return evidenceIds.isEmpty() && sha256s.isEmpty() ? Set.of()
                : transactions.executeRead(status -> EvidenceAccess.protectedAmong(status.getConnection(), evidenceIds, sha256s));
    }

    /**
     * The most protected confidentiality among the live evidence items that name these bytes (public, restricted,
     * protected), or empty if none does: the right to the bytes follows it, whichever item they are asked through.
     */
    public Optional<String> strictestConfidentiality(String sha256) {
        return Optional.ofNullable(transactions.executeRead(status -> EvidenceAccess.strictest(status.getConnection(), sha256)));
    }

    /** The SHA-256 of every file that a live protected evidence item names (to be held sealed at rest). */
    public List<String> protectedFileHashes() {
        return transactions.executeRead(status -> EvidenceAccess.protectedHashes(status.getConnection()));
    }

    /**
     * The live evidence items below {@code confidentiality} protected whose file has this name and media type and
     * whose title starts with one of {@code titlePrefixes} (the raw exports of an importer, kept before they were
     * protected), leaving out those a holder of the grant lowered on purpose.
     */
    public List<String> unprotected(String fileName, String mediaType, List<String> titlePrefixes) {
        return transactions.executeRead(status -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT r.id, (j.payload::jsonb)->>'title' FROM record_state r
                    JOIN evidence_access a ON a.evidence_id = r.id AND a.confidentiality <> 'protected'
                    JOIN journal_entry j ON j.seq = r.content_seq
                    WHERE r.type = 'Evidence' AND r.retired_seq IS NULL
                      AND (j.payload::jsonb)->>'fileName' = ? AND (j.payload::jsonb)->>'mediaType' = ?
                      AND NOT EXISTS (SELECT 1 FROM journal_entry l WHERE l.target_id = r.id AND l.kind = 'protection.lowered')""")) {
                select.setString(1, fileName);
                select.setString(2, mediaType);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String title = rs.getString(2) == null ? "" : rs.getString(2);
                        if (titlePrefixes.stream().anyMatch(title::startsWith)) {
                            ids.add(rs.getString(1));
                        }
                    }
                }
            } catch (SQLException e) {
                throw failed(e);
            }
            return ids;
        });
    }

    /**
     * The live Telegram messages an earlier version imported from a personal chat or private group under the chat's
     * own name and Telegram id (no link, a raw numeric chat id), with their stored content (sealed values as sealed).
     */
    public Map<String, ObjectNode> earlierPrivateTelegramMessages() {
        return transactions.executeRead(status -> {
            Map<String, ObjectNode> found = new TreeMap<>();
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT r.id, j.payload FROM record_state r JOIN journal_entry j ON j.seq = r.content_seq
                    WHERE r.type = 'Evidence' AND r.retired_seq IS NULL
                      AND (j.payload::jsonb)->>'kind' = 'telegram-message' AND (j.payload::jsonb)->'url' IS NULL
                      AND (j.payload::jsonb)->>'channelId' ~ '^[0-9]+$'""");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), RecordJson.parse(rs.getString(2)));
                }
            } catch (SQLException e) {
                throw failed(e);
            }
            return found;
        });
    }

    private static DataAccessException failed(SQLException e) {
        return new DataAccessException("evidence records could not be read: " + e.getMessage(), e);
    }
}
