package org.chainline.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Turns Chainline's own refusals into the one error format, with the field they name. */
@Produces
@Singleton
final class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    ApiExceptionHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ApiException e) {
        var response = HttpResponse.status(e.status());
        if (e instanceof TooLarge) {
            // the rest of an over-limit body is never read: the connection is closed instead of left waiting
            response.header(io.micronaut.http.HttpHeaders.CONNECTION, "close");
        }
        return errors.processResponse(ErrorContext.builder(request).cause(e).errorMessage(e.getMessage()).build(), response);
    }
}
