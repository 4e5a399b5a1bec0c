package org.chainline.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.chainline.input.StorableText;
import org.chainline.web.ApiError;

/**
 * Says why a login was not even checked, instead of the plain 401 of a wrong password: 429 with {@code Retry-After}
 * while guessing is slowed, 503 with {@code Retry-After} when too many checks are waiting, 400 for a name that cannot be
 * stored.
 */
@ServerFilter("/login")
final class LoginRefusals {

    @ResponseFilter
    HttpResponse<?> explain(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getStatus() != HttpStatus.UNAUTHORIZED) {
            return response;
        }
        var throttled = request.getAttribute(AccountAuthenticationProvider.THROTTLED, Long.class);
        if (throttled.isPresent()) {
            return refusal(request, HttpStatus.TOO_MANY_REQUESTS, null, "too many failed logins for this account or from"
                    + " this address: try again in " + throttled.get() + " s").header(HttpHeaders.RETRY_AFTER, throttled.get().toString());
        }
        if (request.getAttribute(AccountAuthenticationProvider.BUSY).isPresent()) {
            return refusal(request, HttpStatus.SERVICE_UNAVAILABLE, null, "too many logins are being checked at once:"
                    + " try again shortly").header(HttpHeaders.RETRY_AFTER, "2");
        }
        var invalid = request.getAttribute(AccountAuthenticationProvider.INVALID, String.class);
        if (invalid.isPresent()) {
            return refusal(request, HttpStatus.BAD_REQUEST, invalid.get(), invalid.get() + " " + StorableText.REASON);
        }
        return response;
    }

    private static MutableHttpResponse<ApiError> refusal(HttpRequest<?> request, HttpStatus status, String field, String message) {
        return HttpResponse.<ApiError>status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError(status.getCode(), status.getReason(), message, field, request.getPath()));
    }
}
