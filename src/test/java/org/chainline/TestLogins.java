package org.chainline;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.serde.annotation.Serdeable;
import org.chainline.access.Roles;
import org.chainline.security.Accounts;
import org.chainline.security.IssuedPassword;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Accounts with a given role, logged in through the real login endpoint. */
public final class TestLogins {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    public static final String PASSWORD = "a long enough test password";

    private TestLogins() {
    }

    /**
     * A bearer token of a new account holding {@code roles}, its one-time password already changed. The
     * witness-protection grant is given as the product gives it: asked for, then consented to by a holder (a
     * protection officer named first, once per set of stores).
     */
    public static String tokenFor(Accounts accounts, HttpClient client, String... roles) {
        return loginFor(accounts, client, roles).token();
    }

    /** An account signed in: its name and bearer token. */
    public record Login(String username, String token) {
    }

    /** As {@link #tokenFor}, with the account's name. */
    public static Login loginFor(Accounts accounts, HttpClient client, String... roles) {
        return loginFor(accounts, client, true, roles);
    }

    /** An account in no case at all: tests of the boundary give it the cases they want it in. */
    public static Login loginInNoCase(Accounts accounts, HttpClient client, String... roles) {
        return loginFor(accounts, client, false, roles);
    }

    private static Login loginFor(Accounts accounts, HttpClient client, boolean joinTestCase, String... roles) {
        String username = "tester" + COUNTER.incrementAndGet();
        IssuedPassword issued = accounts.create("test", username, Set.of(roles));
        if (joinTestCase) {
            TestCases.of(accounts).join(username, Set.of(roles));
        }
        if (Set.of(roles).contains(Roles.WITNESS_PROTECTION)) {
            accounts.consentToProtection(officer(accounts), username);
        }
        accounts.changePassword(username, issued.oneTimePassword(), PASSWORD);
        return new Login(username, login(client, username, PASSWORD));
    }

    private static final Map<Accounts, String> OFFICERS = Collections.synchronizedMap(new WeakHashMap<>());

    /** The protection officer of these stores, named at set-up the first time one is needed. */
    public static String officer(Accounts accounts) {
        return OFFICERS.computeIfAbsent(accounts, a -> {
            String name = "officer" + COUNTER.incrementAndGet();
            IssuedPassword issued = a.create("test", name, Set.of(Roles.VIEWER));
            a.changePassword(name, issued.oneTimePassword(), PASSWORD);
            a.nameFirstProtectionOfficer("test set-up", name);
            return name;
        });
    }

    /**
     * The session cookie ({@code chainline-session=…}) of a new account holding {@code roles}, its one-time password
     * changed, signed in through the sign-in form at {@code base} as a page of the workspace would post it.
     */
    public static String sessionCookie(Accounts accounts, String base, String... roles) {
        String username = "browser" + COUNTER.incrementAndGet();
        IssuedPassword issued = accounts.create("test", username, Set.of(roles));
        TestCases.of(accounts).join(username, Set.of(roles));
        accounts.changePassword(username, issued.oneTimePassword(), PASSWORD);
        try {
            var answer = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build()
                    .send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/sign-in")).header("Origin", base)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))).build(),
                            HttpResponse.BodyHandlers.discarding());
            String set = answer.headers().firstValue("Set-Cookie")
                    .orElseThrow(() -> new IllegalStateException("signing in answered " + answer.statusCode() + " without a cookie"));
            return set.substring(0, set.indexOf(';'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String login(HttpClient client, String username, String password) {
        Token token = client.toBlocking().retrieve(HttpRequest.POST("/login",
                Map.of("username", username, "password", password)), Token.class);
        return token.access_token();
    }

    /** The login answer. */
    @Serdeable
    public record Token(String access_token) {
    }
}
