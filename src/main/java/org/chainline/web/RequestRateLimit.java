package org.chainline.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.chainline.access.BrowserCookie;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Floods are slowed: each caller (a bearer token or a browser's session, or a client address without either) may send
 * {@code chainline.rate-limit.per-second} requests a second on average, API and workspace pages together, in bursts of
 * up to {@code chainline.rate-limit.burst}; past that, 429 with {@code Retry-After}. 0 turns it off (the HTTP benchmark).
 * Health, the login (throttled per account and address of its own) and the workspace's static assets are not counted.
 */
@ServerFilter("/**")
final class RequestRateLimit {

    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final ClientAddress addresses;

    RequestRateLimit(@Value("${chainline.rate-limit.per-second:100}") double perSecond,
                     @Value("${chainline.rate-limit.burst:1000}") double burst, ClientAddress addresses) {
        this.addresses = addresses;
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
    }

    /** Tokens left and when they were counted. */
    private record Bucket(double tokens, long at) {
    }

    /** Callers are kept by a digest of their token, never the token itself. */
    private static String digest(String authorization) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(authorization.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        if (perSecond <= 0) {
            return null;
        }
        String path = request.getPath();
        if (path.startsWith("/health") || path.equals("/login") || path.startsWith("/assets/") || path.startsWith("/webjars/")
                || path.startsWith("/swagger")) {
            return null;
        }
        // a browser's session counts as its token, so that a team behind one address is not one caller
        String caller = request.getHeaders().getAuthorization()
                .or(() -> request.getCookies().findCookie(BrowserCookie.NAME).map(c -> c.getValue()))
                .map(a -> "token:" + digest(a))
                .orElseGet(() -> "address:" + addresses.of(request));
        long now = System.nanoTime();
        if (buckets.size() > 100_000) {
            // forget callers whose bucket has filled up again, never one still being held back
            long full = (long) (burst / perSecond * 1e9);
            buckets.values().removeIf(b -> now - b.at() > full);
        }
        boolean[] allowed = new boolean[1];
        Bucket b = buckets.compute(caller, (k, old) -> {
            double tokens = old == null ? burst : Math.min(burst, old.tokens() + (now - old.at()) / 1e9 * perSecond);
            allowed[0] = tokens >= 1;
            return new Bucket(allowed[0] ? tokens - 1 : tokens, now);
        });
        if (allowed[0]) {
            return null;
        }
        long wait = Math.max(1, (long) Math.ceil((1 - b.tokens()) / perSecond));
        return HttpResponse.<ApiError>status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(wait))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError(429, HttpStatus.TOO_MANY_REQUESTS.getReason(), "too many requests from this caller: at most "
                        + (long) perSecond + " a second on average; try again in " + wait + " s", null, request.getPath()));
    }
}
