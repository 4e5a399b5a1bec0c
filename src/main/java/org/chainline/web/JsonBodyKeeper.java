package org.chainline.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Keeps a copy of each JSON request body (at most the configured request size, 1 MB) so that a type error
 * found while binding it can be reported with the field it is in. Uploads are not JSON and are not copied.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class JsonBodyKeeper {

    private static final String ATTRIBUTE = "chainline.json-body";

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void keep(ServerHttpRequest<?> request) throws InterruptedException {
        boolean json = request.getContentType().map(t -> t.matches(MediaType.APPLICATION_JSON_TYPE)).orElse(false);
        if (!json) {
            return;
        }
        try (CloseableAvailableByteBody body = request.byteBody().split().buffer().get()) {
            request.setAttribute(ATTRIBUTE, body.toByteArray());
        } catch (ExecutionException e) {
            // the body could not be read (too large, connection gone): binding will report that itself
        }
    }

    /** The JSON body of the request, when it had one. */
    static Optional<byte[]> body(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, byte[].class);
    }
}
