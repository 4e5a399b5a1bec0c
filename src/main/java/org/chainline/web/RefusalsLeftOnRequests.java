package org.chainline.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import org.chainline.refusal.Refusal;

/**
 * Says why a login was not even checked, instead of the plain 401 of a wrong password: the authentication provider
 * cannot throw (the framework would take it for a wrong password), so it leaves its refusal on the request
 * ({@link Refusal#ON_REQUEST}) and it is answered here as every refusal is: 429 or 503 with {@code Retry-After} while
 * guessing is slowed or too many checks wait, 400 for a name that cannot be stored.
 */
@ServerFilter("/login")
final class RefusalsLeftOnRequests {

    private final ErrorResponseProcessor<?> errors;

    RefusalsLeftOnRequests(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @ResponseFilter
    HttpResponse<?> explain(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getStatus() != HttpStatus.UNAUTHORIZED) {
            return response;
        }
        return request.getAttribute(Refusal.ON_REQUEST, Refusal.class)
                .<HttpResponse<?>>map(refusal -> RefusalHandler.answer(errors, request, refusal))
                .orElse(response);
    }
}
