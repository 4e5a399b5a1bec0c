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
            + "unsigned_sha256, signed_by, content_hash, pages, size, journal_seq";

    private final TransactionOperations<Connection> transactions;

    DossierStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    void insert(Connection connection, Dossier d, byte[] content, byte[] pdf) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dossier (" + COLUMNS + ", content, pdf) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
            insert.setBytes(16, content);
            insert.setBytes(17, pdf);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the dossier could not be stored: " + e.getMessage(), e);
        }
    }

    Optional<Dossier> find(String id) {
        return transactions.executeRead(status -> find(status.getConnection(), id));
    }

    Optional<Dossier> find(Connection connection, String id) {
        List<Dossier> found = select(connection, "SELECT " + COLUMNS + " FROM dossier WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /** Dossiers, newest first; of one subject when given. */
    List<Dossier> list(String subject) {
        return transactions.executeRead(status -> subject == null
                ? select(status.getConnection(), "SELECT " + COLUMNS + " FROM dossier ORDER BY journal_seq DESC")
                : select(status.getConnection(), "SELECT " + COLUMNS + " FROM dossier WHERE subject = ? ORDER BY journal_seq DESC", subject));
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

    byte[] pdf(String id) {
        return bytes("pdf", id);
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
                            rs.getString(11), rs.getString(12), rs.getInt(13), rs.getLong(14), rs.getLong(15)));
                }
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("dossiers cannot be read: " + e.getMessage(), e);
        }
    }
}
