package org.chainline.storage;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * PostgreSQL going away while Chainline serves is an outage, not a bug: the client gets 503 and retries.
 * Nothing was written, since every write is one transaction. Other data errors stay 500s with a log reference.
 */
final class PostgresOutage {

    static final String MESSAGE = "the system of record (PostgreSQL) is unavailable; nothing was written, try again shortly";

    private PostgresOutage() {
    }

    /**
     * A connection that could not be had or prepared, or, among the causes, a refused connection or the server
     * shutting down (SQLSTATE classes 08 and 57P).
     */
    static boolean isOutage(Throwable e) {
        if (e instanceof ConnectionException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    static HttpResponse<?> respond(ErrorResponseProcessor<?> errors, HttpRequest<?> request, RuntimeException e) {
        boolean outage = isOutage(e);
        ErrorContext.Builder context = ErrorContext.builder(request).cause(e);
        if (outage) {
            context.errorMessage(MESSAGE);
        }
        return errors.processResponse(context.build(),
                HttpResponse.status(outage ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR));
    }

    @Produces
    @Singleton
    static final class ConnectionFailures implements ExceptionHandler<ConnectionException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> errors;

        ConnectionFailures(ErrorResponseProcessor<?> errors) {
            this.errors = errors;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, ConnectionException e) {
            return respond(errors, request, e);
        }
    }

    @Produces
    @Singleton
    static final class DataAccessFailures implements ExceptionHandler<DataAccessException, HttpResponse<?>> {
        private final ErrorResponseProcessor<?> errors;

        DataAccessFailures(ErrorResponseProcessor<?> errors) {
            this.errors = errors;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, DataAccessException e) {
            return respond(errors, request, e);
        }
    }
}
