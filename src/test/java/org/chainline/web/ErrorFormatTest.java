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
import org.chainline.security.Accounts;
import org.chainline.web.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        HttpClientResponseException e = fail(HttpRequest.GET("/api/nowhere").bearerAuth(admin));
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertEquals(404, e.code(), body);
        ApiError error = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals("no route for GET /api/nowhere", error.message());
    }

    @Test
    void malformedJsonNamesTheProblemWithoutAStackTrace() {
        HttpClientResponseException e = fail(HttpRequest.POST("/api/accounts", "{\"username\": \"a\",")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(admin));
        assertEquals(400, e.code());
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("Invalid JSON"), body);
        assertFalse(body.contains("at org.") || body.contains("Exception"), body);
    }

    @Test
    void aWrongTypeIs400() {
        HttpClientResponseException e = fail(HttpRequest.POST("/api/accounts", "{\"username\": \"amina\", \"roles\": 5}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(admin));
        assertEquals(400, e.code());
        ApiError error = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals(400, error.status());
        assertFalse(error.message().isBlank());
    }

    @Test
    void aValueOutsideTheVocabularyNamesFieldAndValue() {
        HttpClientResponseException e = fail(HttpRequest.POST("/api/accounts", Map.of("username", "amina",
                "roles", java.util.List.of("boss"))).bearerAuth(admin));
        ApiError error = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals("roles", error.field());
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
        assertTrue(notANumber.getResponse().getBody(String.class).orElseThrow().contains("limit"));
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
