package org.chainline.workspace;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.chainline.security.BrowserSessions;
import org.chainline.web.ApiError;

import java.net.URI;
import java.util.Set;

/**
 * Cross-site request forgery: a request that changes something and is signed in by the browser's cookie must come
 * from a page of this service, as its {@code Origin} (or, failing that, {@code Referer}) header says. The cookie is
 * {@code SameSite=Strict} already; this is the second lock. A request with a bearer token is not a browser's.
 */
@ServerFilter("/**")
final class OriginCheck implements Ordered {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (SAFE.contains(request.getMethod()) || request.getCookies().findCookie(BrowserSessions.COOKIE).isEmpty()
                || request.getHeaders().getAuthorization().isPresent()) {
            return null;
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null) {
            origin = request.getHeaders().get(HttpHeaders.REFERER);
        }
        if (host != null && origin != null && sameHost(origin, host)) {
            return null;
        }
        return HttpResponse.<ApiError>status(HttpStatus.FORBIDDEN).body(new ApiError(403, HttpStatus.FORBIDDEN.getReason(),
                "this request changes something and was not sent from a page of this service (its Origin header is "
                        + (origin == null ? "missing" : "another site's") + "): open the workspace and try again there",
                "Origin", request.getPath()));
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String authority = uri.getHost() == null ? null : uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            return authority != null && (authority.equalsIgnoreCase(host)
                    || (uri.getPort() < 0 && (uri.getHost() + ":" + ("https".equals(uri.getScheme()) ? 443 : 80)).equalsIgnoreCase(host)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10; // before security reads the cookie, after the URI limit
    }
}
