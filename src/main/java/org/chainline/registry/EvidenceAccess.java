package org.chainline.registry;

import io.micronaut.data.exceptions.DataAccessException;
import org.chainline.registry.validation.ValidRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code evidence_access} table: each live evidence item's SHA-256 and confidentiality, kept with its journal
 * entry, so that the right to a file's bytes can follow the most protected item naming them.
 */
final class EvidenceAccess {

    static final String PROTECTED = "protected";
    /** How many items naming one file an answer lists (a video forwarded by thousands of channels is one file). */
    static final int NAMING_AT_MOST = 20;
    private static final List<String> ORDER = List.of("public", "restricted", PROTECTED);

    private EvidenceAccess() {
    }

    record Row(String evidenceId, String sha256, String confidentiality) {
    }

    /** The row of an evidence record, or null for a record of another type. */
    static Row of(ValidRecord record) {
        if (!record.type().name().equals("Evidence")) {
            return null;
        }
        String sha = record.content().path("sha256").asText(null);
        return new Row(record.id(), sha, record.content().path("confidentiality").asText("restricted"));
    }

    static void put(Connection connection, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement keep = connection.prepareStatement(
                "INSERT INTO protected_bytes (sha256) VALUES (?) ON CONFLICT DO NOTHING")) {
            for (Row r : rows) {
                if (PROTECTED.equals(r.confidentiality()) && r.sha256() != null) {
                    keep.setString(1, r.sha256());
                    keep.addBatch();
                }
            }
            keep.executeBatch();
        } catch (SQLException e) {
            throw failed(e);
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO evidence_access (evidence_id, sha256, confidentiality) VALUES (?, ?, ?)
                ON CONFLICT (evidence_id) DO UPDATE SET sha256 = EXCLUDED.sha256, confidentiality = EXCLUDED.confidentiality""")) {
            for (Row r : rows) {
                upsert.setString(1, r.evidenceId());
                upsert.setString(2, r.sha256());
                upsert.setString(3, r.confidentiality());
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    static void remove(Connection connection, String evidenceId) {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM evidence_access WHERE evidence_id = ?")) {
            delete.setString(1, evidenceId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** The live evidence items that name these bytes, the earliest recorded first (the first {@value #NAMING_AT_MOST}). */
    static List<String> naming(Connection connection, String sha256) {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT a.evidence_id FROM evidence_access a JOIN record_state r ON r.id = a.evidence_id
                WHERE a.sha256 = ? AND r.retired_seq IS NULL ORDER BY r.created_seq, a.evidence_id LIMIT ?""")) {
            select.setString(1, sha256);
            select.setInt(2, NAMING_AT_MOST);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** The stored confidentiality of an item, or null if it is not a live evidence item. */
    static String confidentiality(Connection connection, String evidenceId) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT confidentiality FROM evidence_access WHERE evidence_id = ?")) {
            select.setString(1, evidenceId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Releases bytes from protection when a holder of the grant lowers an item: unless another live protected item
     * still names them (called after the item's own row is written).
     */
    static void released(Connection connection, String sha256) {
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM protected_bytes WHERE sha256 = ? AND NOT EXISTS (
                    SELECT 1 FROM evidence_access WHERE sha256 = ? AND confidentiality = 'protected')""")) {
            delete.setString(1, sha256);
            delete.setString(2, sha256);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * The most protected confidentiality of the live items naming these bytes (protected, too, for bytes a protected
     * item once held that no holder has released), or null if none does.
     */
    /**
     * Of these evidence ids and SHA-256s, those that are protected now: items whose confidentiality is protected, and
     * bytes a protected item names (or once named and no holder released).
     */
    static Set<String> protectedAmong(Connection connection, Collection<String> ids,
                                                Collection<String> sha256s) {
        Set<String> out = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT evidence_id FROM evidence_access WHERE confidentiality = 'protected' AND evidence_id = ANY(?)
                UNION SELECT sha256 FROM protected_bytes WHERE sha256 = ANY(?)
                UNION SELECT sha256 FROM evidence_access WHERE confidentiality = 'protected' AND sha256 = ANY(?)""")) {
            select.setArray(1, connection.createArrayOf("text", ids.toArray()));
            select.setArray(2, connection.createArrayOf("text", sha256s.toArray()));
            select.setArray(3, connection.createArrayOf("text", sha256s.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1).strip());
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        return out;
    }

    static String strictest(Connection connection, String sha256) {
        // bytes released by no holder count as protected whether or not an item still names them
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT 'protected' FROM protected_bytes WHERE sha256 = ?
                UNION SELECT DISTINCT confidentiality FROM evidence_access WHERE sha256 = ?""")) {
            select.setString(1, sha256);
            select.setString(2, sha256);
            String strictest = null;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String c = rs.getString(1);
                    if (strictest == null || ORDER.indexOf(c) > ORDER.indexOf(strictest)) {
                        strictest = c;
                    }
                }
            }
            return strictest;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** The SHA-256 of every file a live protected item names. */
    static List<String> protectedHashes(Connection connection) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT sha256 FROM evidence_access WHERE confidentiality = 'protected' AND sha256 IS NOT NULL");
             ResultSet rs = select.executeQuery()) {
            List<String> hashes = new ArrayList<>();
            while (rs.next()) {
                hashes.add(rs.getString(1));
            }
            return hashes;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static DataAccessException failed(SQLException e) {
        return new DataAccessException("evidence access could not be read or written: " + e.getMessage(), e);
    }
}
