package org.chainline.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Holds every JSON request body to {@value #MAX_JSON_BYTES} bytes: a larger one gets a 413 at once, and its connection
 * is closed rather than left half-read. Uploads are not JSON and are limited by their own rules.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class JsonBodyLimit {

    /** The largest JSON body any endpoint reads (records, cases, accounts...); files and imports are not JSON. */
    static final int MAX_JSON_BYTES = 1 << 20;
    /** Endpoints whose body is a file (which may well be JSON), streamed and limited by their own rules. */
    private static final List<String> STREAMED = List.of("/api/evidence/files", "/api/evidence/telegram",
            "/api/import", "/api/sanctions/lists", "/api/ftm/import");

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> limit(ServerHttpRequest<?> request) throws InterruptedException {
        boolean json = request.getContentType().map(t -> t.matches(MediaType.APPLICATION_JSON_TYPE)).orElse(false);
        if (!json || STREAMED.stream().anyMatch(request.getPath()::startsWith)) {
            return null;
        }
        if (request.getContentLength() > MAX_JSON_BYTES) {
            return tooLarge(request);
        }
        // NEW: the copy sets the pace and the original keeps what it has not yet read; the default (the slower of the
        // two) stalls every body larger than the transport's window, since the original is only read after this filter
        try (CloseableAvailableByteBody body = request.byteBody().split(ByteBody.SplitBackpressureMode.NEW).buffer()
                .get(60, TimeUnit.SECONDS)) {
            if (body.length() > MAX_JSON_BYTES) {
                return tooLarge(request);
            }
        } catch (ExecutionException | TimeoutException e) {
            // the body could not be read (too large, connection gone, too slow): reading it will report that itself
        }
        return null;
    }

    private static HttpResponse<ApiError> tooLarge(HttpRequest<?> request) {
        return HttpResponse.<ApiError>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                .header(HttpHeaders.CONNECTION, "close")
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError(413, HttpStatus.REQUEST_ENTITY_TOO_LARGE.getReason(), "body is larger than "
                        + (MAX_JSON_BYTES >> 10) + " KiB, the most a JSON request may hold", "body", request.getPath()));
    }
}
