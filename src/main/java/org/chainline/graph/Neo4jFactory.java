package org.chainline.graph;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.chainline.storage.DataDirectory;
import org.chainline.storage.StoreSettings;
import org.chainline.storage.StoreUnavailableException;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;

import java.util.concurrent.TimeUnit;

/** The Neo4j driver, talking to the embedded server under the data directory or to an external one. */
@Factory
final class Neo4jFactory {

    @Singleton
    @Bean(preDestroy = "close")
    EmbeddedNeo4jServer embeddedNeo4j(DataDirectory dataDirectory, StoreSettings settings) {
        return new EmbeddedNeo4jServer(dataDirectory.resolve("neo4j"),
                dataDirectory.resolve("keys").resolve("neo4j-password"), settings.neo4j().boltPort());
    }

    @Singleton
    @Bean(preDestroy = "close")
    Driver driver(StoreSettings settings, BeanProvider<EmbeddedNeo4jServer> embedded) {
        String uri;
        AuthToken auth;
        if (settings.embeddedNeo4j()) {
            EmbeddedNeo4jServer server = embedded.get();
            uri = server.boltUri();
            auth = AuthTokens.basic(EmbeddedNeo4jServer.USER, server.password());
        } else {
            uri = settings.neo4j().uri();
            auth = settings.neo4j().username() == null || settings.neo4j().username().isBlank()
                    ? AuthTokens.none()
                    : AuthTokens.basic(settings.neo4j().username(), settings.neo4j().password());
        }
        Config config = Config.builder()
                .withConnectionTimeout(5, TimeUnit.SECONDS)
                // a write's projection waits at most this long for a graph that went away; the journal has it
                .withMaxTransactionRetryTime(3, TimeUnit.SECONDS)
                .withLogging(Logging.slf4j())
                .withUserAgent("chainline")
                .build();
        Driver driver;
        try {
            driver = GraphDatabase.driver(uri, auth, config);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("Neo4j at " + uri + " is misconfigured: "
                    + StoreUnavailableException.rootMessage(e), e);
        }
        try {
            driver.verifyConnectivity();
            driver.executableQuery("RETURN 1").withConfig(GraphConfig.of(settings)).execute();
        } catch (RuntimeException e) {
            driver.close();
            throw new StoreUnavailableException("Neo4j at " + uri + " (database " + settings.neo4j().databaseOrDefault()
                    + ") is unreachable: " + StoreUnavailableException.rootMessage(e), e);
        }
        return driver;
    }
}
