package org.chainline.workspace.shell;

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
 * Cross-site request forgery: a request that changes something and carries the browser's session cookie must come
 * from a page of this service, as its {@code Origin} (or, failing that, {@code Referer}) header says, whatever other
 * headers it carries (a browser adds {@code Authorization} itself for single sign-on and proxies, and the cookie would
 * still sign the request in). So must every sign-in (login CSRF: another site signing the victim into the attacker's
 * account). The cookie is {@code SameSite=Strict} already; this is the second lock. A request may carry one session
 * cookie: a second one is a cookie set by a same-site page for a narrower path to shadow the real session. And a
 * request that the cookie signs in must not be embedded by another page (an {@code <img>} on a page of another port of
 * the same host would download an item in the victim's name): where the browser says it was fetched for another site's
 * page ({@code Sec-Fetch-Site}), only a navigation is taken.
 */
@ServerFilter("/**")
public final class CrossSiteCheck implements Ordered {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        if (sessionCookies(request) > 1) {
            return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST).body(new ApiError(400, HttpStatus.BAD_REQUEST.getReason(),
                    "this request carries two session cookies, so which account it speaks for is not clear (a page may"
                            + " have set one to shadow yours): sign out, or clear this site's cookies, and sign in again",
                    "Cookie", request.getPath()));
        }
        boolean withCookie = request.getCookies().findCookie(BrowserSessions.COOKIE).isPresent();
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (withCookie && ("same-site".equals(site) || "cross-site".equals(site))
                && !"navigate".equals(request.getHeaders().get("Sec-Fetch-Mode"))) {
            return HttpResponse.<ApiError>status(HttpStatus.FORBIDDEN).body(new ApiError(403, HttpStatus.FORBIDDEN.getReason(),
                    "this request was made for another site's page (Sec-Fetch-Site: " + site + "): open it from the workspace",
                    "Sec-Fetch-Site", request.getPath()));
        }
        boolean signIn = request.getPath().equals("/sign-in") || request.getPath().equals("/sign-in/");
        if (SAFE.contains(request.getMethod()) || (!signIn && !withCookie)) {
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

    /** How many session cookies the request's {@code Cookie} headers hold (the parsed cookies keep only one of a name). */
    private static int sessionCookies(HttpRequest<?> request) {
        int count = 0;
        for (String header : request.getHeaders().getAll(HttpHeaders.COOKIE)) {
            for (String pair : header.split(";")) {
                String name = pair.strip();
                int eq = name.indexOf('=');
                if ((eq < 0 ? name : name.substring(0, eq).strip()).equals(BrowserSessions.COOKIE)) {
                    count++;
                }
            }
        }
        return count;
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
