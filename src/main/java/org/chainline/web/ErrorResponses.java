package org.chainline.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;
import org.chainline.access.Roles;
import org.chainline.refusal.Refusal;
import org.chainline.storage.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every error Micronaut or Chainline answers (bad JSON, failed validation, unknown routes, 401, 403, 500)
 * leaves through here as an {@link ApiError}. A 5xx never carries internals: it names a reference under
 * which the cause is logged.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ErrorResponses implements ErrorResponseProcessor<ApiError> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String path = context.getRequest().getPath();
        String message;
        String field = null;
        Optional<Throwable> cause = context.getRootCause();
        if (status.getCode() >= 500 && status != HttpStatus.SERVICE_UNAVAILABLE
                && cause.filter(StoreUnavailableException::isOutage).isPresent()) {
            // a store out of reach or out of connections is a reason to come back, not an internal error
            status = HttpStatus.SERVICE_UNAVAILABLE;
            response.status(status);
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE && response.getHeaders().get(HttpHeaders.RETRY_AFTER) == null) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            message = firstMessage(context.getErrors()).orElse("a store is unavailable; try again shortly");
            LOG.warn("{} {} answered 503: {}", context.getRequest().getMethod(), path,
                    cause.map(StoreUnavailableException::rootMessage).orElse(message));
        } else if (status.getCode() >= 500) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("{} {} failed with {} (reference {})", context.getRequest().getMethod(), path,
                    status.getCode(), reference, cause.orElse(null));
            message = "internal error (reference " + reference + "); the details are in the server log";
        } else if ("/bad-request".equals(path)) {
            // Netty refused the request before it had a path (its line or headers were too long, or it was not
            // HTTP): the path is unknown, so the answer leaves it out rather than naming Netty's placeholder
            path = null;
            boolean line = cause.filter(c -> c instanceof TooLongHttpLineException).isPresent();
            boolean headers = cause.filter(c -> c instanceof TooLongHttpHeaderException).isPresent();
            if (line || (!headers && status == HttpStatus.REQUEST_ENTITY_TOO_LARGE)) {
                status = HttpStatus.REQUEST_URI_TOO_LONG;
                message = "the request line is longer than " + UriLimit.MAX_LINE + " bytes; a URI may hold at most "
                        + UriLimit.MAX_URI + " characters (send long input in a request body)";
                field = "uri";
            } else if (headers) {
                status = HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
                message = "the request's headers are larger than 8 KiB";
                field = "headers";
            } else {
                message = "the request could not be read as HTTP";
            }
            response.status(status);
            // what follows on this connection cannot be trusted to start a request: the client opens a new one
            response.header(HttpHeaders.CONNECTION, "close");
        } else if (cause.filter(AuthorizationException.class::isInstance).isPresent()) {
            message = authorizationMessage((AuthorizationException) cause.get());
        } else if (status == HttpStatus.NOT_FOUND && cause.filter(Refusal.class::isInstance).isEmpty()) {
            message = "no route for " + context.getRequest().getMethod() + " " + path;
        } else if (status == HttpStatus.BAD_REQUEST && cause.filter(ParameterErrors::isParameter).isPresent()) {
            ConversionErrorException conversion = (ConversionErrorException) cause.get();
            field = conversion.getArgument().getName();
            message = ParameterErrors.describe(conversion);
        } else {
            message = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
            if (message.isBlank()) {
                message = status.getReason();
            }
            field = cause.filter(Refusal.class::isInstance).map(c -> ((Refusal) c).field())
                    .orElseGet(() -> context.getErrors().stream().map(Error::getPath).flatMap(Optional::stream)
                            .findFirst().map(ErrorResponses::fieldName).orElse(null));
        }
        if (carriesBody(context.getRequest())) {
            // a refused request's body may not have been read to its end (a streamed upload refused by its parameters):
            // the rest would be taken for the next request on the connection, which then waits for ever. Closing it
            // discards the rest; the client opens a new connection
            response.header(HttpHeaders.CONNECTION, "close");
        }
        MutableHttpResponse<ApiError> answer = response.contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError(status.getCode(), status.getReason(), message, field, path, problems(cause)));
        return context.getRequest().getMethod() == HttpMethod.HEAD ? answer.body(null) : answer;
    }

    /** Every problem of a refusal that found more than one; none otherwise. */
    private static List<ApiError.Problem> problems(Optional<Throwable> cause) {
        List<Refusal.Problem> all = cause.filter(Refusal.class::isInstance).map(c -> ((Refusal) c).problems()).orElse(List.of());
        return all.size() < 2 ? null : all.stream().map(p -> new ApiError.Problem(p.field(), p.message())).toList();
    }

    /**
     * Validation paths look like {@code create.body.title} (the field follows the argument name); binding
     * paths like {@code /body}.
     */
    static String fieldName(String path) {
        if (path.startsWith("/")) {
            return path.substring(1).replace('/', '.');
        }
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", List.of(parts).subList(2, parts.length));
        }
        return parts[parts.length - 1];
    }

    private static Optional<String> firstMessage(List<Error> errors) {
        return errors.stream().map(Error::getMessage).filter(m -> m != null && !m.isBlank()).findFirst();
    }

    private static String authorizationMessage(AuthorizationException e) {
        if (!e.isForbidden()) {
            return "authentication required: send 'Authorization: Bearer <token>'; get a token from POST /login";
        }
        if (e.getAuthentication() != null && e.getAuthentication().getRoles().contains(Roles.PASSWORD_CHANGE_REQUIRED)) {
            return "change your one-time password first (PUT /api/me/password), then log in again";
        }
        return "your roles do not allow this";
    }

    private static boolean carriesBody(HttpRequest<?> request) {
        return request.getContentLength() > 0 || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
    }
}
