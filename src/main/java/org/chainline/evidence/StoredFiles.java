package org.chainline.evidence;

import io.micronaut.data.exceptions.DataAccessException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code stored_file} table: which files the store must hold, and the item each first arrived as. */
final class StoredFiles {

    private StoredFiles() {
    }

    record Row(String sha256, long size, String mediaType, String evidenceId, long storedSeq) {
    }

    static Map<String, Row> find(Connection c, Collection<String> hashes) {
        Map<String, Row> found = new HashMap<>();
        if (hashes.isEmpty()) {
            return found;
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT sha256, size, media_type, evidence_id, stored_seq FROM stored_file WHERE sha256 = ANY(?)")) {
            select.setArray(1, c.createArrayOf("text", hashes.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Row r = row(rs);
                    found.put(r.sha256(), r);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("stored files cannot be read: " + e.getMessage(), e);
        }
        return found;
    }

    static void insert(Connection c, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO stored_file (sha256, size, media_type, evidence_id, stored_seq) VALUES (?, ?, ?, ?, ?)")) {
            for (Row r : rows) {
                insert.setString(1, r.sha256());
                insert.setLong(2, r.size());
                insert.setString(3, r.mediaType());
                insert.setString(4, r.evidenceId());
                insert.setLong(5, r.storedSeq());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException("stored files cannot be noted: " + e.getMessage(), e);
        }
    }

    /** Every stored file, in hash order, from {@code after} on, at most {@code limit}. */
    static List<Row> page(Connection c, String after, int limit) {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT sha256, size, media_type, evidence_id, stored_seq FROM stored_file WHERE sha256 > ?
                ORDER BY sha256 LIMIT ?""")) {
            select.setString(1, after);
            select.setInt(2, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("stored files cannot be read: " + e.getMessage(), e);
        }
        return rows;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1).strip(), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5));
    }
}
