package org.chainline.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document is generated from the controllers and browsable, so every endpoint is documented. */
@MicronautTest(transactional = false)
class ApiDocumentationTest extends ChainlineTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void theOpenApiDocumentListsTheEndpointsAndTheBearerScheme() {
        String spec = client.toBlocking().retrieve(HttpRequest.GET("/swagger/chainline-api.yml"));
        for (String expected : new String[]{"/api/cases/{id}/close", "/api/journal/verify", "/api/graph/rebuild",
                "/api/accounts", "/api/me/password", "/health", "/login", "bearerFormat: JWT", "AGPL-3.0-or-later"}) {
            assertTrue(spec.contains(expected), expected + " is not in the OpenAPI document");
        }
    }

    @Test
    void swaggerUiIsServedWithItsScripts() {
        String page = client.toBlocking().retrieve(HttpRequest.GET("/swagger-ui/index.html"));
        assertTrue(page.contains("swagger-ui-bundle.js"), page);
        String script = client.toBlocking().retrieve(HttpRequest.GET("/swagger-ui/res/swagger-ui-bundle.js"));
        assertTrue(script.length() > 100_000);
    }
}
