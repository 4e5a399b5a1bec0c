package org.chainline.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.chainline.refusal.Conflict;
import org.chainline.refusal.Forbidden;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.NotFound;
import org.chainline.refusal.Refusal;
import org.chainline.refusal.TooLarge;
import org.chainline.refusal.TryLater;

/** Turns Chainline's own refusals into the one error format, with the status of their kind and the field they name. */
@Produces
@Singleton
final class RefusalHandler implements ExceptionHandler<Refusal, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    RefusalHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    /** The one place a refusal's kind becomes an HTTP status. */
    static HttpStatus status(Refusal refusal) {
        return switch (refusal) {
            case InvalidInput i -> HttpStatus.BAD_REQUEST;
            case NotFound n -> HttpStatus.NOT_FOUND;
            case Conflict c -> HttpStatus.CONFLICT;
            case TooLarge t -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case Forbidden f -> HttpStatus.FORBIDDEN;
            case TryLater t -> switch (t.reason()) {
                case THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
                case BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
            };
        };
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Refusal e) {
        return answer(errors, request, e);
    }

    /** The answer to a refusal: its status, its headers, the one error format. */
    static HttpResponse<?> answer(ErrorResponseProcessor<?> errors, HttpRequest<?> request, Refusal e) {
        var response = HttpResponse.status(status(e));
        if (e instanceof TooLarge) {
            // the rest of an over-limit body is never read: the connection is closed instead of left waiting
            response.header(HttpHeaders.CONNECTION, "close");
        }
        if (e instanceof TryLater t) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(t.retryAfterSeconds()));
        }
        return errors.processResponse(ErrorContext.builder(request).cause(e).errorMessage(e.getMessage()).build(), response);
    }
}
