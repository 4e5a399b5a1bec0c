package org.chainline.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Reads a browser's token from its session cookie ({@link BrowserSessions}); a bearer token, when sent, is read first. */
@Singleton
final class SessionCookieReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(BrowserSessions.COOKIE).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    @Override
    public int getOrder() {
        return 100; // after the bearer header's reader
    }
}
