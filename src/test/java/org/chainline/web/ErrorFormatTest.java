package org.chainline.web;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.access.Roles;
import org.chainline.security.Accounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ErrorFormatTest extends ChainlineTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Accounts accounts;
    String admin;

    @BeforeAll
    void login() {
        admin = TestLogins.tokenFor(accounts, client, Roles.ADMIN, Roles.COUNSEL);
    }

    @Test
    void anUnknownRouteIs404NamingTheRoute() {
        HttpClientResponseException e = fail(HttpRequest.GET("/api/nowhere/at/all").bearerAuth(admin));
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertEquals(404, e.code(), body);
        ApiError error = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals("no route for GET /api/nowhere/at/all", error.message());
    }

    @Test
    void malformedJsonNamesTheProblemWithoutAStackTrace() {
        HttpClientResponseException e = fail(HttpRequest.POST("/api/accounts", "{\"username\": \"a\",")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(admin));
        assertEquals(400, e.code());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("Invalid JSON at line 1, column"), body);
        assertFalse(body.contains("REDACTED"), body);
        assertFalse(body.contains("at org.") || body.contains("Exception"), body);
    }

    @Test
    void aWrongTypeIs400() {
        HttpClientResponseException e = fail(HttpRequest.POST("/api/accounts", "{\"username\": \"amina\", \"roles\": 5}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(admin));
        assertEquals(400, e.code());
        ApiError error = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals(400, error.status());
        assertEquals("roles", error.field(), error.toString());
        assertEquals("roles: expected a list, got a number", error.message());

        HttpClientResponseException object = fail(HttpRequest.POST("/api/accounts",
                "{\"roles\": [\"viewer\"],\n \"username\": {\"first\": \"Amina\"}}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(admin));
        ApiError objectError = object.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals("username", objectError.field());
        assertEquals("username: expected text, got an object", objectError.message());
    }

    @Test
    void aMissingBodyNamesIt() {
        HttpClientResponseException e = fail(HttpRequest.POST("/api/accounts", "")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(admin));
        assertEquals(400, e.code());
        assertEquals("body", e.getResponse().getBody(ApiError.class).orElseThrow().field());
    }

    @Test
    void aValueOutsideTheVocabularyNamesFieldAndValue() {
        HttpClientResponseException e = fail(HttpRequest.POST("/api/accounts", Map.of("username", "amina",
                "roles", List.of("boss"))).bearerAuth(admin));
        ApiError error = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals("roles", error.field(), error.toString());
        assertTrue(error.message().contains("'boss' is not a role"), error.message());
    }

    @Test
    void aBadQueryParameterNamesIt() {
        HttpClientResponseException e = fail(HttpRequest.GET("/api/journal?limit=0").bearerAuth(admin));
        ApiError error = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals(400, error.status());
        assertEquals("limit", error.field());
        HttpClientResponseException notANumber = fail(HttpRequest.GET("/api/journal?limit=lots").bearerAuth(admin));
        assertEquals(400, notANumber.code());
        ApiError notANumberError = notANumber.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals("limit", notANumberError.field());
        assertEquals("limit: 'lots' is not a whole number", notANumberError.message());
    }

    @Test
    void aWrongMethodIs405() {
        HttpClientResponseException e = fail(HttpRequest.DELETE("/api/accounts").bearerAuth(admin));
        assertEquals(405, e.code());
        assertEquals(405, e.getResponse().getBody(ApiError.class).orElseThrow().status());
    }

    private HttpClientResponseException fail(HttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, Argument.of(String.class), Argument.of(String.class)));
    }
}
