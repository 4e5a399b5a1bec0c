package org.chainline.storage;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * PostgreSQL advisory locks held by a connection of their own, so that one instance among several on the same
 * database does a piece of work at a time. The lock goes with its connection: an instance that is killed, or loses
 * its connection, lets the next one take over at once, without a lease to run out.
 */
@Singleton
public final class SessionLocks {

    private final PostgresFactory.ConnectionPool pool;

    SessionLocks(PostgresFactory.ConnectionPool pool) {
        this.pool = pool;
    }

    /** A lock this instance holds until it is closed. */
    public static final class Held implements AutoCloseable {
        private final Connection connection;
        private final long key;

        private Held(Connection connection, long key) {
            this.connection = connection;
            this.key = key;
        }

        @Override
        public void close() {
            try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, key);
                unlock.execute();
            } catch (SQLException e) {
                // the connection is gone, and the lock with it
            }
        }
    }

    /** Takes the lock named by {@code key} if no other session holds it; empty if one does. */
    public Optional<Held> tryHold(long key) {
        Connection connection;
        try {
            connection = pool.dataSource().getConnection();
        } catch (SQLException e) {
            throw new StoreUnavailableException("PostgreSQL is unavailable: " + StoreUnavailableException.rootMessage(e), e);
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            // outside any transaction: the lock is the session's, kept across the work's own transactions
            connection.setAutoCommit(true);
            lock.setLong(1, key);
            try (ResultSet rs = lock.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    return Optional.of(new Held(connection, key));
                }
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreUnavailableException("PostgreSQL is unavailable: " + StoreUnavailableException.rootMessage(e), e);
        }
        closeQuietly(connection);
        return Optional.empty();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // given back or gone: either way it holds nothing
        }
    }
}
