package org.chainline.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * A URI longer than {@value #MAX_URI} characters gets a 414 that names the request's own path, before anything
 * reads it. Netty reads request lines up to {@value #MAX_LINE} bytes (application.yml) so that this filter, not
 * Netty, answers the long ones; only a line past that is refused before it has a path (see {@link ErrorResponses}).
 */
@ServerFilter("/**")
final class UriLimit implements Ordered {

    static final int MAX_URI = 8192;
    static final int MAX_LINE = 65536;

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        int length = request.getUri().toString().length();
        if (length <= MAX_URI) {
            return null;
        }
        String path = request.getPath();
        return HttpResponse.<ApiError>status(HttpStatus.REQUEST_URI_TOO_LONG)
                .header(HttpHeaders.CONNECTION, "close")
                .body(new ApiError(414, HttpStatus.REQUEST_URI_TOO_LONG.getReason(),
                        "the URI is " + length + " characters long; at most " + MAX_URI + " are read (send long input in a request body)",
                        "uri", path.length() > 200 ? path.substring(0, 200) + "…" : path));
    }

    @Override
    public int getOrder() {
        // before the rate limit and security: a request nobody will read costs nothing more
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
