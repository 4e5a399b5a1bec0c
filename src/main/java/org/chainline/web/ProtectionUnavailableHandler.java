package org.chainline.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.chainline.protection.ProtectionUnavailable;

/** Protected identities cannot be sealed or opened (no key, or not the right one): 503, an operator must act. */
@Produces
@Singleton
final class ProtectionUnavailableHandler implements ExceptionHandler<ProtectionUnavailable, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    ProtectionUnavailableHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ProtectionUnavailable e) {
        return errors.processResponse(ErrorContext.builder(request).cause(e).errorMessage(e.getMessage()).build(),
                HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE));
    }
}
