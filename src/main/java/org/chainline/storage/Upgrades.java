package org.chainline.storage;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@code upgrade_done} table: one-off upgrades of what earlier versions wrote, each run once (journaled itself), so
 * that a large instance does not scan its records at every start.
 */
public final class Upgrades {

    private Upgrades() {
    }

    /** Whether the upgrade of this name has run on these stores. */
    public static boolean done(TransactionOperations<Connection> transactions, String name) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("SELECT 1 FROM upgrade_done WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("upgrades cannot be read: " + e.getMessage(), e);
            }
        });
    }

    /** Records that the upgrade of this name has run. */
    public static void markDone(TransactionOperations<Connection> transactions, String name) {
        transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement(
                    "INSERT INTO upgrade_done (name, done_at) VALUES (?, now()) ON CONFLICT DO NOTHING")) {
                insert.setString(1, name);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("the upgrade cannot be recorded: " + e.getMessage(), e);
            }
            return null;
        });
    }
}
