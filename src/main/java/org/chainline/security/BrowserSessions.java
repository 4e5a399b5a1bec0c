package org.chainline.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import jakarta.inject.Singleton;
import org.chainline.access.BrowserCookie;
import org.chainline.access.Roles;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.Refusal;
import org.chainline.refusal.TryLater;
import org.chainline.web.ClientAddress;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Sign-in for browsers: the same accounts, the same checks and throttle as {@code POST /login}, and the same token,
 * carried in an {@code HttpOnly}, {@code SameSite=Strict} cookie that scripts cannot read and other sites cannot send.
 */
@Singleton
public final class BrowserSessions {

    /** The cookie that carries a browser's token. */
    public static final String COOKIE = BrowserCookie.NAME;
    /** As long as the token itself lasts (application.yml, micronaut.security.token.generator.access-token.expiration). */
    private static final Duration LIFETIME = Duration.ofHours(8);

    private final AccountAuthenticationProvider<Object> provider;
    private final AccessRefreshTokenGenerator tokens;
    private final ClientAddress clients;
    private final Accounts accounts;

    BrowserSessions(AccountAuthenticationProvider<Object> provider, AccessRefreshTokenGenerator tokens, ClientAddress clients,
                    Accounts accounts) {
        this.provider = provider;
        this.tokens = tokens;
        this.clients = clients;
        this.accounts = accounts;
    }

    /** What a sign-in came to. */
    public sealed interface Outcome {
    }

    /** Signed in: the cookie to set, and whether the password must be changed before anything else. */
    public record SignedIn(Cookie cookie, boolean mustChangePassword) implements Outcome {
    }

    /** Not signed in, and why, in words for the person at the form; {@code field} is the field to correct, if one. */
    public record Refused(String field, String message) implements Outcome {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Outcome signIn(HttpRequest<?> request, String username, String password) {
        if (username == null || username.isBlank()) {
            return new Refused("username", "Enter your username");
        }
        if (password == null || password.isEmpty()) {
            return new Refused("password", "Enter your password");
        }
        AuthenticationRequest<String, String> credentials = new UsernamePasswordCredentials(username, password);
        AuthenticationResponse response = provider.authenticate((HttpRequest) request, credentials);
        if (response.getAuthentication().isEmpty()) {
            return switch (request.getAttribute(Refusal.ON_REQUEST, Refusal.class).orElse(null)) {
                case TryLater t when t.reason() == TryLater.Reason.THROTTLED -> new Refused(null, "Too many failed sign-ins for"
                        + " this account or from this address. Try again in " + t.retryAfterSeconds() + " seconds.");
                case TryLater t -> new Refused(null, "Too many sign-ins are being checked at once. Try again shortly.");
                case InvalidInput i -> new Refused(i.field(), "The " + i.field() + " holds characters that cannot be stored");
                case null, default -> new Refused(null, "The username or the password is not right");
            };
        }
        var authentication = response.getAuthentication().get();
        AccessRefreshToken token = tokens.generate(authentication)
                .orElseThrow(() -> new IllegalStateException("no token could be made for a signed-in account"));
        return new SignedIn(cookie(token.getAccessToken(), clients.overTls(request), LIFETIME),
                authentication.getRoles().contains(Roles.PASSWORD_CHANGE_REQUIRED));
    }

    /**
     * Signs out: the token this request was signed in with stops working on every instance (not only in this browser),
     * and the answer's cookie clears the browser's copy.
     */
    public Cookie signOut(HttpRequest<?> request, Authentication who) {
        Object id = who.getAttributes().get(Claims.TOKEN_ID);
        Object expires = who.getAttributes().get(Claims.EXPIRATION_TIME);
        Instant until = expires instanceof Date date ? date.toInstant()
                : expires instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : null;
        accounts.endToken(who.getName(), id == null ? null : id.toString(), until);
        return signedOut(request);
    }

    /** The cookie that clears a browser's session (the token it held stops being sent). */
    public Cookie signedOut(HttpRequest<?> request) {
        return cookie("", clients.overTls(request), Duration.ZERO);
    }

    private static Cookie cookie(String value, boolean secure, Duration lifetime) {
        return Cookie.of(COOKIE, value).httpOnly(true).sameSite(SameSite.Strict).path("/").secure(secure).maxAge(lifetime);
    }
}
