package org.chainline.storage;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.access.Roles;
import org.chainline.security.Accounts;
import org.chainline.web.ApiError;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When PostgreSQL goes away while Chainline serves, clients are told to retry, not that Chainline broke. */
@MicronautTest(transactional = false)
class PostgresOutageTest extends ChainlineTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Accounts accounts;
    @Inject
    StoreSettings settings;

    @Test
    void aWriteWhilePostgresRefusesConnectionsIs503() throws Exception {
        String analyst = TestLogins.tokenFor(accounts, client, Roles.ANALYST);
        String database = settings.postgres().url().replaceFirst(".*/([^/?]+)(\\?.*)?$", "$1");
        String admin = settings.postgres().url().replace("/" + database, "/postgres");
        try (Connection c = DriverManager.getConnection(admin, "postgres", null); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
        }
        try {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                    .exchange(HttpRequest.POST("/api/cases", Map.of("title", "During the outage")).bearerAuth(analyst),
                            Argument.of(String.class), Argument.of(ApiError.class)));
            ApiError error = e.getResponse().getBody(ApiError.class).orElseThrow();
            assertEquals(503, e.code(), error.toString());
            assertTrue(error.message().contains("PostgreSQL"), error.message());
        } finally {
            try (Connection c = DriverManager.getConnection(admin, "postgres", null); Statement s = c.createStatement()) {
                s.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
            }
        }
    }
}
