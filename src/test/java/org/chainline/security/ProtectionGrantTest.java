package org.chainline.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.TestLogins;
import org.chainline.access.Roles;
import org.chainline.refusal.Conflict;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No single person can give themselves the witness-protection grant, and a password reset does not carry it. */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProtectionGrantTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestApplication app;

    JsonNode post(String path, String body, String token) throws Exception {
        return JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(token)));
    }

    HttpStatus refused(String path, String body, String token) {
        return assertThrows(HttpClientResponseException.class,
                () -> app.client().toBlocking().exchange(HttpRequest.POST(path, body).bearerAuth(token))).getStatus();
    }

    List<String> roles(String token) throws Exception {
        List<String> roles = new ArrayList<>();
        JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET("/api/me").bearerAuth(token))).get("roles")
                .forEach(r -> roles.add(r.asText()));
        return roles;
    }

    String firstLogin(String username, String oneTime) {
        app.accounts().changePassword(username, oneTime, TestLogins.PASSWORD);
        return TestLogins.login(app.client(), username, TestLogins.PASSWORD);
    }

    @Test
    @Order(1)
    void anAdministratorOnlyAsksForTheGrantAndAHolderConsents() throws Exception {
        String admin = app.token(Roles.ADMIN);
        String officer = TestLogins.officer(app.accounts());
        String officerToken = TestLogins.login(app.client(), officer, TestLogins.PASSWORD);

        JsonNode created = post("/api/accounts", "{\"username\": \"aliya\", \"roles\": [\"viewer\", \"witness-protection\"]}", admin);
        assertEquals("pending", created.get("protectionGrant").asText(), "the answer says the grant waits for a holder");
        String aliya = firstLogin("aliya", created.get("oneTimePassword").asText());
        assertFalse(roles(aliya).contains(Roles.WITNESS_PROTECTION), "asked for, not yet given");
        assertEquals(HttpStatus.FORBIDDEN, refused("/api/accounts/aliya/protection-consent", "", admin), "an administrator cannot consent");
        assertEquals(HttpStatus.FORBIDDEN, refused("/api/accounts/" + officer + "/protection-consent", "", officerToken),
                "nobody consents for themselves");

        JsonNode granted = post("/api/accounts/aliya/protection-consent", "", officerToken);
        assertEquals("active", granted.get("protectionGrant").asText());
        aliya = TestLogins.login(app.client(), "aliya", TestLogins.PASSWORD);
        assertTrue(roles(aliya).contains(Roles.WITNESS_PROTECTION));

        // a holder cannot hand the grant to anyone an administrator did not put forward
        JsonNode plain = post("/api/accounts", "{\"username\": \"berik\", \"roles\": [\"viewer\"]}", admin);
        firstLogin("berik", plain.get("oneTimePassword").asText());
        assertEquals(HttpStatus.CONFLICT, refused("/api/accounts/berik/protection-consent", "", officerToken));

        // the set-up path is closed once a holder exists
        assertThrows(Conflict.class, () -> app.accounts().nameFirstProtectionOfficer("cli", "berik"));
    }

    @Test
    @Order(2)
    void aResetPasswordSuspendsTheGrantUntilAnotherHolderRestoresIt() throws Exception {
        String admin = app.token(Roles.ADMIN);
        String holder = app.token(Roles.VIEWER, Roles.WITNESS_PROTECTION);
        String holderName = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET("/api/me").bearerAuth(holder))).get("username").asText();
        assertTrue(roles(holder).contains(Roles.WITNESS_PROTECTION));

        // the administrator resets the holder's password and takes the one-time password: no grant comes with it
        JsonNode reset = post("/api/accounts/" + holderName + "/password-reset", "", admin);
        assertEquals("suspended", reset.get("protectionGrant").asText());
        app.accounts().changePassword(holderName, reset.get("oneTimePassword").asText(), "the administrator's own choice");
        String taken = TestLogins.login(app.client(), holderName, "the administrator's own choice");
        assertFalse(roles(taken).contains(Roles.WITNESS_PROTECTION), "a reset suspends the grant");
        assertEquals(HttpStatus.FORBIDDEN, refused("/api/sources/src-x/reveal", "{\"reason\": \"x\"}", taken));
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking()
                .exchange(HttpRequest.GET("/api/me").bearerAuth(holder))).getStatus(), "the old token is gone");

        String officer = TestLogins.login(app.client(), TestLogins.officer(app.accounts()), TestLogins.PASSWORD);
        assertEquals("active", post("/api/accounts/" + holderName + "/protection-consent", "", officer).get("protectionGrant").asText());
        assertTrue(roles(TestLogins.login(app.client(), holderName, "the administrator's own choice")).contains(Roles.WITNESS_PROTECTION));

        // withdrawn: tokens that carry the grant stop working at once
        String carrying = TestLogins.login(app.client(), holderName, "the administrator's own choice");
        post("/api/accounts/" + holderName + "/protection-withdrawal", "{\"reason\": \"left the team\"}", admin);
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking()
                .exchange(HttpRequest.GET("/api/me").bearerAuth(carrying))).getStatus());
        // withdrawing every holder does not reopen the set-up path to whoever runs the command line
        post("/api/accounts/" + TestLogins.officer(app.accounts()) + "/protection-withdrawal", "{\"reason\": \"left\"}", admin);
        post("/api/accounts/aliya/protection-withdrawal", "{\"reason\": \"left\"}", admin);
        assertThrows(Conflict.class, () -> app.accounts().nameFirstProtectionOfficer("cli", holderName));

        JsonNode journal = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET("/api/journal?after=0&limit=1000")
                .bearerAuth(app.token(Roles.COUNSEL))));
        List<String> kinds = new ArrayList<>();
        journal.forEach(e -> {
            if (e.get("kind").asText().startsWith("account.protection")) {
                kinds.add(e.get("kind").asText());
            }
        });
        assertTrue(kinds.containsAll(List.of("account.protection-requested", "account.protection-granted",
                "account.protection-suspended", "account.protection-withdrawn")), kinds.toString());
    }
}
