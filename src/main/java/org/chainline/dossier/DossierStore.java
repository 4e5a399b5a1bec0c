package org.chainline.dossier;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code dossier} table; an insert takes the connection of the journal write it belongs to. */
@Singleton
final class DossierStore {

    private static final String COLUMNS = "id, subject, regime, audience, position, version, author, generated_at, sha256, "
            + "unsigned_sha256, signed_by, content_hash, pages, size, journal_seq, draft, annexed";
    private static final String SELECT = "SELECT d.id, d.subject, d.regime, d.audience, d.position, d.version, d.author, "
            + "d.generated_at, d.sha256, d.unsigned_sha256, d.signed_by, d.content_hash, d.pages, d.size, d.journal_seq, d.draft, "
            + "a.approved_by, a.approved_at, a.sha256, a.unsigned_sha256, a.signed_by, a.pages, a.size, d.annexed "
            + "FROM dossier d LEFT JOIN dossier_approval a ON a.dossier_id = d.id";

    private final TransactionOperations<Connection> transactions;

    DossierStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    void insert(Connection connection, Dossier d, byte[] content, byte[] pdf) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dossier (" + COLUMNS + ", content, pdf) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, d.id());
            insert.setString(2, d.subject());
            insert.setString(3, d.regime());
            insert.setString(4, d.audience());
            insert.setLong(5, d.position());
            insert.setInt(6, d.version());
            insert.setString(7, d.author());
            insert.setTimestamp(8, Timestamp.from(d.generatedAt()));
            insert.setString(9, d.sha256());
            insert.setString(10, d.unsignedSha256());
            insert.setString(11, d.signedBy());
            insert.setString(12, d.contentHash());
            insert.setInt(13, d.pages());
            insert.setLong(14, d.size());
            insert.setLong(15, d.journalSeq());
            insert.setBoolean(16, d.draft());
            insert.setArray(17, connection.createArrayOf("text", d.annexed().toArray()));
            insert.setBytes(18, content);
            insert.setBytes(19, pdf);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the dossier could not be stored: " + e.getMessage(), e);
        }
    }

    Optional<Dossier> find(String id) {
        return transactions.executeRead(status -> find(status.getConnection(), id));
    }

    Optional<Dossier> find(Connection connection, String id) {
        List<Dossier> found = select(connection, SELECT + " WHERE d.id = ?", id);
        return found.stream().findFirst();
    }

    /** Dossiers, newest first; of one subject when given. */
    List<Dossier> list(String subject) {
        return transactions.executeRead(status -> subject == null
                ? select(status.getConnection(), SELECT + " ORDER BY d.journal_seq DESC")
                : select(status.getConnection(), SELECT + " WHERE d.subject = ? ORDER BY d.journal_seq DESC", subject));
    }

    /** How many dossiers of this subject, regime and audience were made from earlier positions. */
    int earlierVersions(String subject, String regime, String audience, long position) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT count(DISTINCT position) FROM dossier WHERE subject = ? AND regime = ? AND audience = ? AND position < ?")) {
                select.setString(1, subject);
                select.setString(2, regime);
                select.setString(3, audience);
                select.setLong(4, position);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("dossiers cannot be read: " + e.getMessage(), e);
            }
        });
    }

    /** The PDF as delivered now: the approved one once approved, else the draft. */
    byte[] pdf(String id) {
        byte[] approved = approvedBytes("pdf", id);
        return approved != null ? approved : bytes("pdf", id);
    }

    /** The draft as generated, before any approval. */
    byte[] draftPdf(String id) {
        return bytes("pdf", id);
    }

    /** The approved content (with its approval), or null. */
    byte[] approvedContent(String id) {
        return approvedBytes("content", id);
    }

    void approve(Connection connection, String id, Dossier.Approval a, long seq, byte[] content, byte[] pdf) {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO dossier_approval (dossier_id, approved_by, approved_at, journal_seq, sha256, unsigned_sha256,
                    signed_by, pages, size, content, pdf) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, id);
            insert.setString(2, a.by());
            insert.setTimestamp(3, Timestamp.from(a.at()));
            insert.setLong(4, seq);
            insert.setString(5, a.sha256());
            insert.setString(6, a.unsignedSha256());
            insert.setString(7, a.signedBy());
            insert.setInt(8, a.pages());
            insert.setLong(9, a.size());
            insert.setBytes(10, content);
            insert.setBytes(11, pdf);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the approval could not be stored: " + e.getMessage(), e);
        }
    }

    private byte[] approvedBytes(String column, String id) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT " + (column.equals("pdf") ? "pdf" : "content") + " FROM dossier_approval WHERE dossier_id = ?")) {
                select.setString(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("dossiers cannot be read: " + e.getMessage(), e);
            }
        });
    }

    byte[] content(String id) {
        return bytes("content", id);
    }

    private byte[] bytes(String column, String id) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT " + (column.equals("pdf") ? "pdf" : "content") + " FROM dossier WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("dossiers cannot be read: " + e.getMessage(), e);
            }
        });
    }

    private static List<Dossier> select(Connection connection, String sql, String... args) {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                select.setString(i + 1, args[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                List<Dossier> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(new Dossier(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getInt(13), rs.getLong(14), rs.getLong(15), rs.getBoolean(16),
                            rs.getString(17) == null ? null : new Dossier.Approval(rs.getString(17), rs.getTimestamp(18).toInstant(),
                                    rs.getString(19), rs.getString(20), rs.getString(21), rs.getInt(22), rs.getLong(23)),
                            List.of((String[]) rs.getArray(24).getArray())));
                }
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("dossiers cannot be read: " + e.getMessage(), e);
        }
    }
}
