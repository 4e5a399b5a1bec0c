package org.chainline.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.access.Roles;
import org.chainline.storage.StoreSettings;
import org.chainline.web.ApiError;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class AuthenticationTest extends ChainlineTest {

    private static final Set<String> OPEN = Set.of("/health", "/login", "/sign-in");

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Accounts accounts;
    @Inject
    Router router;
    @Inject
    StoreSettings settings;

    @Test
    void everyEndpointButHealthAndLoginAnswers401WithoutAToken() {
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes().toList();
        assertTrue(routes.size() > 10, "expected the application's routes, found " + routes.size());
        int checked = 0;
        for (UriRouteInfo<?, ?> route : routes) {
            String path = route.getUriMatchTemplate().expand(Map.ofEntries(Map.entry("id", "x"), Map.entry("username", "x"),
                    Map.entry("collection", "persons"), Map.entry("importId", "1"), Map.entry("list", "x"), Map.entry("entry", "x"),
                    Map.entry("person", "x"), Map.entry("slug", "person"), Map.entry("subject", "x"), Map.entry("regime", "x"),
                    Map.entry("account", "x")));
            if (OPEN.contains(path)) {
                continue;
            }
            HttpMethod method = route.getHttpMethod();
            MutableHttpRequest<Object> request = HttpRequest.create(method, path);
            if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
                request = request.body(Map.of());
            }
            assertEquals(401, status(request), method + " " + path + " answered without a token");
            checked++;
        }
        assertTrue(checked > 10);
    }

    @Test
    void healthAnswersWithoutAToken() {
        assertEquals(200, status(HttpRequest.GET("/health")));
    }

    @Test
    void aWrongPasswordOrUnknownNameIsRefused() {
        TestLogins.tokenFor(accounts, client, Roles.VIEWER);
        assertEquals(401, status(HttpRequest.POST("/login", Map.of("username", "nobody", "password", "whatever it is"))));
        IssuedPassword issued = accounts.create("test", "zhanar", Set.of(Roles.VIEWER));
        assertEquals(401, status(HttpRequest.POST("/login", Map.of("username", "zhanar", "password", issued.oneTimePassword() + "x"))));
    }

    @Test
    void aOneTimePasswordOnlyAllowsChangingIt() {
        IssuedPassword issued = accounts.create("test", "counsel1", Set.of(Roles.COUNSEL));
        String limited = TestLogins.login(client, "counsel1", issued.oneTimePassword());
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/cases").bearerAuth(limited)));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
        assertTrue(e.getResponse().getBody(ApiError.class).orElseThrow().message().contains("one-time password"));

        assertEquals(200, status(HttpRequest.GET("/api/me").bearerAuth(limited)));
    }

    @Test
    void changingTheOneTimePasswordUnlocksTheRoles() {
        IssuedPassword issued = accounts.create("test", "counsel2", Set.of(Roles.COUNSEL));
        String limited = TestLogins.login(client, "counsel2", issued.oneTimePassword());
        HttpClientResponseException weak = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.PUT("/api/me/password", Map.of("currentPassword", issued.oneTimePassword(),
                        "newPassword", "short")).bearerAuth(limited), Argument.of(String.class), Argument.of(ApiError.class)));
        assertEquals("newPassword", weak.getResponse().getBody(ApiError.class).orElseThrow().field());

        assertEquals(204, status(HttpRequest.PUT("/api/me/password", Map.of("currentPassword", issued.oneTimePassword(),
                "newPassword", "a much better passphrase")).bearerAuth(limited)));
        String full = TestLogins.login(client, "counsel2", "a much better passphrase");
        Map<?, ?> me = client.toBlocking().retrieve(HttpRequest.GET("/api/me").bearerAuth(full), Map.class);
        assertEquals(List.of(Roles.VIEWER, Roles.ANALYST, Roles.COUNSEL), me.get("roles"));
        assertEquals(200, status(HttpRequest.GET("/api/cases").bearerAuth(full)));
        assertEquals(401, status(HttpRequest.POST("/login", Map.of("username", "counsel2", "password", issued.oneTimePassword()))));
    }

    @Test
    void aPasswordResetRevokesTheTokensIssuedBeforeIt() throws InterruptedException {
        String viewer = TestLogins.tokenFor(accounts, client, Roles.VIEWER);
        String name = client.toBlocking().retrieve(HttpRequest.GET("/api/me").bearerAuth(viewer), Map.class)
                .get("username").toString();
        Thread.sleep(1100); // tokens carry whole seconds
        accounts.resetPassword("test", name);
        assertEquals(401, status(HttpRequest.GET("/api/me").bearerAuth(viewer)));
        assertEquals(401, status(HttpRequest.GET("/api/cases").bearerAuth(viewer)));
    }

    @Test
    void changingMyPasswordEndsMyEarlierSessions() throws InterruptedException {
        IssuedPassword issued = accounts.create("test", "counsel3", Set.of(Roles.COUNSEL));
        String limited = TestLogins.login(client, "counsel3", issued.oneTimePassword());
        Thread.sleep(1100);
        assertEquals(204, status(HttpRequest.PUT("/api/me/password", Map.of("currentPassword", issued.oneTimePassword(),
                "newPassword", "a much better passphrase")).bearerAuth(limited)));
        assertEquals(401, status(HttpRequest.GET("/api/me").bearerAuth(limited)));
        String fresh = TestLogins.login(client, "counsel3", "a much better passphrase");
        assertEquals(200, status(HttpRequest.GET("/api/me").bearerAuth(fresh)));
    }

    @Test
    void theWrongRoleGets403() {
        String viewer = TestLogins.tokenFor(accounts, client, Roles.VIEWER);
        String admin = TestLogins.tokenFor(accounts, client, Roles.ADMIN);
        assertEquals(403, status(HttpRequest.GET("/api/accounts").bearerAuth(viewer)));
        assertEquals(403, status(HttpRequest.GET("/api/journal/verify").bearerAuth(viewer)));
        assertEquals(403, status(HttpRequest.POST("/api/graph/rebuild", Map.of()).bearerAuth(viewer)));
        // an administrator manages accounts but is not a reader of case material
        assertEquals(403, status(HttpRequest.GET("/api/persons").bearerAuth(admin)));
        assertEquals(200, status(HttpRequest.GET("/api/accounts").bearerAuth(admin)));
    }

    @Test
    void unsignedTokensAndTokensSignedWithAnotherKeyAreRefused() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("admin").claim("roles", List.of(Roles.ADMIN))
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000)).build();
        String unsigned = new PlainJWT(claims).serialize();
        assertEquals(401, status(HttpRequest.GET("/api/accounts").bearerAuth(unsigned)));

        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        forged.sign(new MACSigner("an attacker's guess at the secret, 32+ chars".getBytes()));
        assertEquals(401, status(HttpRequest.GET("/api/accounts").bearerAuth(forged.serialize())));
    }

    @Test
    void theSigningSecretIsGeneratedUnderTheDataDirectoryReadableByItsOwnerOnly() throws Exception {
        Path secret = settings.dataDir().resolve("keys").resolve("jwt-secret");
        assertTrue(Files.isRegularFile(secret));
        assertTrue(Files.readString(secret).strip().length() >= 64);
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(secret);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), permissions);
    }

    @Test
    void accountChangesAreJournaledWithoutPasswords() {
        IssuedPassword issued = accounts.create("test", "auditor", Set.of(Roles.VIEWER));
        accounts.resetPassword("test", "auditor");
        var journal = client.toBlocking().retrieve(HttpRequest.GET("/api/journal?limit=1000")
                .bearerAuth(TestLogins.tokenFor(accounts, client, Roles.COUNSEL)), String.class);
        assertTrue(journal.contains("account.created") && journal.contains("account.password-reset"));
        assertFalse(journal.contains(issued.oneTimePassword()));
        assertFalse(journal.contains("argon2"));
    }

    private int status(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }
}
