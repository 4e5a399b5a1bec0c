package org.chainline.registry;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.chainline.cases.Scope;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code record_state} table. Writes take the connection of the journal batch they belong to, so a record's
 * row and its journal entry commit together.
 */
@Singleton
public final class RecordStore {

    private static final int CHUNK = 5000;

    private final TransactionOperations<Connection> transactions;

    RecordStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public Optional<StoredRecord> find(String id) {
        return transactions.executeRead(status -> Optional.ofNullable(find(status.getConnection(), List.of(id)).get(id)));
    }

    /** Those records that exist, with their content, read outside any write. */
    Map<String, StoredRecord> findWithContent(Collection<String> ids) {
        return transactions.executeRead(status -> find(status.getConnection(), ids, true));
    }

    /** Types, hashes and states (no content) of those ids that exist, read outside any write. */
    public Map<String, StoredRecord> find(Collection<String> ids) {
        return transactions.executeRead(status -> find(status.getConnection(), ids, false));
    }

    /** The rows of those ids that exist. */
    public Map<String, StoredRecord> find(Connection connection, Collection<String> ids) {
        return find(connection, ids, true);
    }

    /** As {@link #find(Connection, Collection)}; without content when only types, hashes and states matter. */
    public Map<String, StoredRecord> find(Connection connection, Collection<String> ids, boolean withContent) {
        Map<String, StoredRecord> found = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            try (PreparedStatement select = connection.prepareStatement(
                    withContent ? """
                            SELECT r.id, r.type, j.payload, r.content_seq, r.content_hash, r.version, r.created_seq,
                                   r.updated_seq, r.retired_seq, r.home_case
                            FROM record_state r JOIN journal_entry j ON j.seq = r.content_seq WHERE r.id = ANY(?)"""
                            : """
                            SELECT id, type, NULL, content_seq, content_hash, version, created_seq, updated_seq, retired_seq,
                                   home_case
                            FROM record_state WHERE id = ANY(?)""")) {
                Array array = connection.createArrayOf("text", chunk.toArray());
                select.setArray(1, array);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        long retired = rs.getLong(9);
                        Long retiredSeq = rs.wasNull() ? null : retired;
                        StoredRecord r = new StoredRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getString(5), rs.getInt(6), rs.getLong(7), rs.getLong(8), retiredSeq, rs.getString(10));
                        found.put(r.id(), r);
                    }
                }
            } catch (SQLException e) {
                throw failed(e);
            }
        }
        return found;
    }

    /**
     * Those of the ids that exist and that the scope sees (its home, a case that names it, a case it is shared into is
     * one of the reader's), read outside any write; a record the scope does not see is left out, as one not held.
     */
    public Map<String, StoredRecord> findVisible(Scope scope, Collection<String> ids, boolean withContent) {
        Map<String, StoredRecord> found = transactions.executeRead(status -> find(status.getConnection(), ids, withContent));
        if (scope.isEveryCase() || found.isEmpty()) {
            return found;
        }
        Map<String, Set<String>> cases = transactions.executeRead(status -> casesOf(status.getConnection(), found.keySet()));
        found.keySet().removeIf(id -> cases.getOrDefault(id, Set.of()).stream().noneMatch(scope::sees));
        return found;
    }

    /** The cases each of these records is visible in (its {@code record_case} rows); a record with none is left out. */
    public Map<String, Set<String>> casesOf(Connection connection, Collection<String> ids) {
        Map<String, Set<String>> out = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT record_id, case_id FROM record_case WHERE record_id = ANY(?)")) {
                select.setArray(1, connection.createArrayOf("text", chunk.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                    }
                }
            } catch (SQLException e) {
                throw failed(e);
            }
        }
        return out;
    }

    /** How many live records of each type have this home case, by type name. */
    Map<String, Long> countByType(String caseId) {
        return transactions.executeRead(status -> {
            Map<String, Long> counts = new TreeMap<>();
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT type, count(*) FROM record_state WHERE home_case = ? AND retired_seq IS NULL GROUP BY type")) {
                select.setString(1, caseId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            } catch (SQLException e) {
                throw failed(e);
            }
            return counts;
        });
    }

    /** Whether a case of this id was ever opened (the journal holds its {@code case.opened}). */
    boolean caseOpened(Connection connection, String caseId) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM journal_entry WHERE target_id = ? AND kind = 'case.opened' LIMIT 1")) {
            select.setString(1, caseId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Makes records visible in a case: pairs of record id and case id, each with how ({@code home}, {@code named}). */
    void putCases(Connection connection, List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO record_case (record_id, case_id, how) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (String[] row : rows) {
                insert.setString(1, row[0]);
                insert.setString(2, row[1]);
                insert.setString(3, row[2]);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Inserts new rows and replaces the content of existing ones (version + 1). */
    void put(Connection connection, List<StoredRecord> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO record_state (id, type, content_seq, content_hash, version, created_seq, updated_seq, home_case)
                VALUES (?, ?, ?, ?, 1, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET content_seq = EXCLUDED.content_seq, content_hash = EXCLUDED.content_hash,
                    version = record_state.version + 1, updated_seq = EXCLUDED.updated_seq,
                    home_case = coalesce(record_state.home_case, EXCLUDED.home_case)""")) {
            for (StoredRecord r : rows) {
                upsert.setString(1, r.id());
                upsert.setString(2, r.type());
                upsert.setLong(3, r.contentSeq());
                upsert.setString(4, r.contentHash());
                upsert.setLong(5, r.createdSeq());
                upsert.setLong(6, r.updatedSeq());
                upsert.setString(7, r.homeCase());
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    void retire(Connection connection, String id, long seq) {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE record_state SET retired_seq = ?, updated_seq = ?, version = version + 1 WHERE id = ?")) {
            update.setLong(1, seq);
            update.setLong(2, seq);
            update.setString(3, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static DataAccessException failed(SQLException e) {
        return new DataAccessException("record state could not be read or written: " + e.getMessage(), e);
    }

    /** Notes which journal entries cite which evidence items (pairs of evidence id and seq). */
    void putCitations(Connection connection, List<Object[]> citations) {
        if (citations.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO evidence_citation (evidence_id, seq) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (Object[] c : citations) {
                insert.setString(1, (String) c[0]);
                insert.setLong(2, (Long) c[1]);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException("citations could not be noted: " + e.getMessage(), e);
        }
    }
}
