package org.chainline.storage;

import io.micronaut.data.connection.exceptions.ConnectionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * PostgreSQL going away while Chainline serves is an outage, not a bug: nothing was written, since every write is one
 * transaction, and the client may try again (the HTTP layer answers 503). Other data errors are bugs.
 */
public final class PostgresOutage {

    /** What a client is told of an outage. */
    public static final String MESSAGE = "the system of record (PostgreSQL) is unavailable; nothing was written, try again shortly";

    private PostgresOutage() {
    }

    /**
     * A connection that could not be had or prepared, or, among the causes, a refused connection or the server
     * shutting down (SQLSTATE classes 08 and 57P).
     */
    public static boolean isOutage(Throwable e) {
        if (e instanceof ConnectionException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
