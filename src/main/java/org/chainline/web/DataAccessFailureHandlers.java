package org.chainline.web;

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
import org.chainline.storage.PostgresOutage;

/**
 * A failure of the system of record: 503 when PostgreSQL went away (an outage: nothing was written, the client tries
 * again), else 500 with a log reference (a bug).
 */
final class DataAccessFailureHandlers {

    private DataAccessFailureHandlers() {
    }

    static HttpResponse<?> respond(ErrorResponseProcessor<?> errors, HttpRequest<?> request, RuntimeException e) {
        boolean outage = PostgresOutage.isOutage(e);
        ErrorContext.Builder context = ErrorContext.builder(request).cause(e);
        if (outage) {
            context.errorMessage(PostgresOutage.MESSAGE);
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
