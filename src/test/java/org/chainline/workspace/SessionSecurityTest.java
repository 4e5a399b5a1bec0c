package org.chainline.workspace;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.access.Roles;
import org.chainline.security.Accounts;
import org.chainline.security.IssuedPassword;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser's session as another site, a same-site page or a thief of its cookie would attack it: cross-site changes
 * whatever headers come with the cookie, cross-site sign-in, a shadowing second cookie, a sign-out that must end the
 * token everywhere, and a cookie marked {@code Secure} when the browser came over TLS through the trusted proxy.
 */
@MicronautTest(transactional = false)
class SessionSecurityTest extends ChainlineTest {

    private static final AtomicInteger PERSONS = new AtomicInteger();

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String base;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        // the test client stands in for a TLS-terminating proxy on this machine
        properties.put("chainline.trusted-proxies", "127.0.0.1");
        return properties;
    }

    @BeforeAll
    void start() {
        base = "http://localhost:" + server.getPort();
    }

    /** Signs a new analyst in through the form, as a browser on this service's page would; the session cookie's value. */
    String signedInAnalyst() {
        String cookie = TestLogins.sessionCookie(accounts, base, Roles.ANALYST);
        return cookie.substring(cookie.indexOf('=') + 1);
    }

    HttpResponse<String> signIn(String name, String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + name + "&password="
                        + URLEncoder.encode(TestLogins.PASSWORD, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> createPerson(String cookie, String origin, String authorization) throws Exception {
        String id = "p-session-" + PERSONS.incrementAndGet();
        var request = HttpRequest.newBuilder(URI.create(base + "/api/persons")).header("Cookie", "chainline-session=" + cookie)
                .header("Origin", origin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"" + id + "\", \"names\": [{\"value\": \"Test Person\"}]}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    int get(String path, String cookie, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void aCrossSiteChangeSignedInByTheCookieIsRefusedWhateverAuthorizationHeaderComesWithIt() throws Exception {
        String cookie = signedInAnalyst();
        assertEquals(201, createPerson(cookie, base, null).statusCode(), "from this service's own page");
        for (String header : new String[] {null, "Basic dXNlcjpwYXNz", "Negotiate YIIB", "Bearer"}) {
            HttpResponse<String> crossSite = createPerson(cookie, "http://localhost:1", header);
            assertEquals(403, crossSite.statusCode(), header + ": " + crossSite.body());
            assertTrue(crossSite.body().contains("Origin"), crossSite.body());
        }
    }

    @Test
    void signingOutThroughTheHeadersFormEndsTheTokenItselfNotOnlyTheCookie() throws Exception {
        String token = signedInAnalyst();
        assertEquals(200, get("/api/me", "chainline-session=" + token, null));
        HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(base + "/sign-out"))
                .header("Cookie", "chainline-session=" + token).header("Origin", base)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, out.statusCode(), out.body());
        assertEquals("/sign-in", out.headers().firstValue("Location").orElseThrow());
        String cleared = out.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cleared.startsWith("chainline-session=;") && cleared.contains("Max-Age=0"), cleared);
        // a copy of the token (the cookie kept by a thief, or the same token as a bearer) no longer works
        assertEquals(401, get("/api/me", "chainline-session=" + token, null));
        assertEquals(401, get("/api/me", null, token));
    }

    @Test
    void aBearerClientSignsOutWith204AndItsTokenEnds() throws Exception {
        String name = "api" + PERSONS.incrementAndGet();
        IssuedPassword issued = accounts.create("test", name, Set.of(Roles.VIEWER));
        accounts.changePassword(name, issued.oneTimePassword(), TestLogins.PASSWORD);
        String first = bearer(name);
        String second = bearer(name);
        HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(base + "/sign-out"))
                .header("Authorization", "Bearer " + first).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, out.statusCode(), out.body());
        assertEquals(401, get("/api/me", null, first));
        assertEquals(200, get("/api/me", null, second), "another session of the same account goes on");
    }

    String bearer(String name) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"" + name + "\", \"password\": \"" + TestLogins.PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        String body = login.body();
        int at = body.indexOf("\"access_token\":\"") + 16;
        return body.substring(at, body.indexOf('"', at));
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefusedAndSetsNoCookie() throws Exception {
        String name = "victim" + PERSONS.incrementAndGet();
        IssuedPassword issued = accounts.create("test", name, Set.of(Roles.VIEWER));
        accounts.changePassword(name, issued.oneTimePassword(), TestLogins.PASSWORD);
        HttpResponse<String> crossSite = signIn(name, "http://localhost:1");
        assertEquals(403, crossSite.statusCode(), crossSite.body());
        assertTrue(crossSite.headers().firstValue("Set-Cookie").isEmpty());
        assertEquals(303, signIn(name, base).statusCode());
    }

    @Test
    void aRequestCarryingTwoSessionCookiesIsRefused() throws Exception {
        String real = signedInAnalyst();
        String shadow = signedInAnalyst();
        assertEquals(200, get("/api/me", "chainline-session=" + real, null));
        assertEquals(400, get("/api/me", "chainline-session=" + shadow + "; chainline-session=" + real, null));
        assertEquals(400, get("/api/me", "chainline-session=" + shadow + "; other=1; chainline-session=" + real, null));
    }

    @Test
    void theCookieIsSecureWhenTheTrustedProxySaysTheBrowserCameOverTls() throws Exception {
        String name = "tls" + PERSONS.incrementAndGet();
        IssuedPassword issued = accounts.create("test", name, Set.of(Roles.VIEWER));
        accounts.changePassword(name, issued.oneTimePassword(), TestLogins.PASSWORD);
        String plain = signIn(name, base).headers().firstValue("Set-Cookie").orElseThrow();
        assertFalse(plain.contains("Secure"), plain);
        HttpResponse<String> overTls = http.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).header("Origin", base)
                .header("X-Forwarded-Proto", "https").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + name + "&password="
                        + URLEncoder.encode(TestLogins.PASSWORD, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        String secure = overTls.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(secure.contains("Secure") && secure.toLowerCase().contains("httponly") && secure.contains("SameSite=Strict"), secure);
    }
}
