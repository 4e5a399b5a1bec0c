package org.chainline.cases;

import io.micronaut.data.exceptions.DataAccessException;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The {@code case_member} table; writes take the connection of the journal batch they belong to. */
final class MembershipStore {

    private static final String COLUMNS = "case_id, account, organisation, role, until, added_at, added_by, ended_at, ended_by";

    private MembershipStore() {
    }

    /** The standing memberships of an account (ended ones left out; a guest's past end date still listed). */
    static List<Membership> ofAccount(Connection connection, String account) {
        return select(connection, "SELECT " + COLUMNS + " FROM case_member WHERE account = ? AND ended_seq IS NULL ORDER BY case_id",
                account);
    }

    /** Every membership of a case, ended ones too, in the order they were added. */
    static List<Membership> ofCase(Connection connection, String caseId) {
        return select(connection, "SELECT " + COLUMNS + " FROM case_member WHERE case_id = ? ORDER BY added_seq", caseId);
    }

    static void add(Connection connection, String caseId, String account, String organisation, CaseRole role,
                    LocalDate until, long seq, Instant at, String by) {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO case_member (case_id, account, organisation, role, until, added_seq, added_at, added_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, caseId);
            insert.setString(2, account);
            insert.setString(3, organisation);
            insert.setString(4, role.id());
            insert.setDate(5, until == null ? null : Date.valueOf(until));
            insert.setLong(6, seq);
            insert.setTimestamp(7, Timestamp.from(at));
            insert.setString(8, by);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    static void end(Connection connection, String caseId, String account, long seq, Instant at, String by) {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE case_member SET ended_seq = ?, ended_at = ?, ended_by = ?
                WHERE case_id = ? AND account = ? AND ended_seq IS NULL""")) {
            update.setLong(1, seq);
            update.setTimestamp(2, Timestamp.from(at));
            update.setString(3, by);
            update.setString(4, caseId);
            update.setString(5, account);
            update.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static List<Membership> select(Connection connection, String sql, String parameter) {
        List<Membership> out = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Date until = rs.getDate(5);
                    Timestamp ended = rs.getTimestamp(8);
                    out.add(new Membership(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            until == null ? null : until.toLocalDate(), rs.getTimestamp(6).toInstant(), rs.getString(7),
                            ended == null ? null : ended.toInstant(), rs.getString(9)));
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        return out;
    }

    private static DataAccessException failed(SQLException e) {
        return new DataAccessException("case memberships: " + e.getMessage(), e);
    }
}
