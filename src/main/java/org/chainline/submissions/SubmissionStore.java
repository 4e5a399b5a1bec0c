package org.chainline.submissions;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code submission} and {@code submission_response} tables (V6); writes take the journal write's connection. */
@Singleton
class SubmissionStore {

    private static final String COLUMNS = "id, dossier_id, dossier_sha256, subject, regime, authority, submitted_on, submitted_by, "
            + "channel, reference, note, status, status_on, recorded_at, journal_seq";

    private final TransactionOperations<Connection> transactions;

    SubmissionStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    void insert(Connection c, Submission s) {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO submission (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, s.id());
            p.setString(2, s.dossier());
            p.setString(3, s.dossierSha256());
            p.setString(4, s.subject());
            p.setString(5, s.regime());
            p.setString(6, s.authority());
            p.setDate(7, Date.valueOf(s.submittedOn()));
            p.setString(8, s.submittedBy());
            p.setString(9, s.channel());
            p.setString(10, s.reference());
            p.setString(11, s.note());
            p.setString(12, s.status());
            p.setDate(13, Date.valueOf(s.statusOn()));
            p.setTimestamp(14, Timestamp.from(s.recordedAt()));
            p.setLong(15, s.journalSeq());
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the submission could not be stored: " + e.getMessage(), e);
        }
    }

    void respond(Connection c, String submission, Submission.Response r) {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO submission_response (submission_id, seq, status, received_on, "
                + "summary, evidence, sanction, recorded_by, recorded_at, journal_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement u = c.prepareStatement("UPDATE submission SET status = ?, status_on = ? WHERE id = ?")) {
            p.setString(1, submission);
            p.setInt(2, r.seq());
            p.setString(3, r.status());
            p.setDate(4, Date.valueOf(r.receivedOn()));
            p.setString(5, r.summary());
            p.setString(6, r.evidence());
            p.setString(7, r.sanction());
            p.setString(8, r.recordedBy());
            p.setTimestamp(9, Timestamp.from(r.recordedAt()));
            p.setLong(10, r.journalSeq());
            p.executeUpdate();
            u.setString(1, r.status());
            u.setDate(2, Date.valueOf(r.receivedOn()));
            u.setString(3, submission);
            u.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the response could not be stored: " + e.getMessage(), e);
        }
    }

    Optional<Submission> find(String id) {
        return transactions.executeRead(status -> find(status.getConnection(), id));
    }

    /** Read under the journal's lock, so that two responses cannot both move the same status. */
    Optional<Submission> find(Connection c, String id) {
        return select(c, "SELECT " + COLUMNS + " FROM submission WHERE id = ?", id).stream().findFirst();
    }

    List<Submission> list(String subject, String dossier) {
        return transactions.executeRead(status -> {
            String where = subject != null ? " WHERE subject = ?" : dossier != null ? " WHERE dossier_id = ?" : "";
            String sql = "SELECT " + COLUMNS + " FROM submission" + where + " ORDER BY submitted_on DESC, recorded_at DESC";
            return subject != null ? select(status.getConnection(), sql, subject)
                    : dossier != null ? select(status.getConnection(), sql, dossier) : select(status.getConnection(), sql);
        });
    }

    private List<Submission> select(Connection c, String sql, String... params) {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setString(i + 1, params[i]);
            }
            List<Submission> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Submission(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getDate(7).toLocalDate(), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getDate(13).toLocalDate(), rs.getTimestamp(14).toInstant(),
                            rs.getLong(15), List.of()));
                }
            }
            List<Submission> withResponses = new ArrayList<>(out.size());
            for (Submission s : out) {
                withResponses.add(s.withResponses(responses(c, s.id())));
            }
            return withResponses;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Submission.Response> responses(Connection c, String submission) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT seq, status, received_on, summary, evidence, sanction, recorded_by, "
                + "recorded_at, journal_seq FROM submission_response WHERE submission_id = ? ORDER BY seq")) {
            p.setString(1, submission);
            List<Submission.Response> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Submission.Response(rs.getInt(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getLong(9)));
                }
            }
            return out;
        }
    }
}
