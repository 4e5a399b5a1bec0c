package org.chainline.web;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.access.Roles;
import org.chainline.security.Accounts;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A streamed upload refused by its parameters leaves the rest of its body unread: the answer closes the connection,
 * so that the next request (which a client sends on the same connection) is answered instead of waiting for ever.
 */
@MicronautTest(transactional = false)
class UnreadBodyTest extends ChainlineTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Accounts accounts;
    @Inject
    EmbeddedServer server;

    @Test
    void theRequestAfterARefusedStreamedUploadOnTheSameConnectionIsAnswered() throws Exception {
        String analyst = TestLogins.tokenFor(accounts, client, Roles.ANALYST);
        byte[] junk = new byte[100_000];
        new Random(3).nextBytes(junk);
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        for (int round = 0; round < 3; round++) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(server.getURI().resolve("/api/ftm/import"))
                    .header("Authorization", "Bearer " + analyst).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(junk)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, refused.statusCode(), refused.body());
            HttpResponse<String> next = http.send(HttpRequest.newBuilder(server.getURI().resolve("/api/regimes"))
                    .header("Authorization", "Bearer " + analyst).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, next.statusCode());
        }
    }
}
