package org.chainline.storage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.nio.file.Path;

/**
 * Where Chainline keeps its data: one data directory, and optionally external stores.
 * An empty {@code postgres.url} or {@code neo4j.uri} means "embedded, under the data directory".
 */
@ConfigurationProperties("chainline")
public record StoreSettings(Path dataDir, Postgres postgres, Neo4j neo4j) {

    public StoreSettings {
        dataDir = (dataDir == null ? Path.of("data") : dataDir).toAbsolutePath().normalize();
        postgres = postgres == null ? new Postgres(null, null, null) : postgres;
        neo4j = neo4j == null ? new Neo4j(null, null, null, null, 0) : neo4j;
    }

    public boolean embeddedPostgres() {
        return postgres.url() == null || postgres.url().isBlank();
    }

    public boolean embeddedNeo4j() {
        return neo4j.uri() == null || neo4j.uri().isBlank();
    }

    /** External PostgreSQL by JDBC URL; empty for the embedded one. */
    @ConfigurationProperties("postgres")
    public record Postgres(@Nullable String url, @Nullable String username, @Nullable String password) {
    }

    /** External Neo4j by URI; empty for the embedded one, whose Bolt port is free unless set. */
    @ConfigurationProperties("neo4j")
    public record Neo4j(@Nullable String uri, @Nullable String username, @Nullable String password,
                        @Nullable String database, int boltPort) {

        public String databaseOrDefault() {
            return database == null || database.isBlank() ? "neo4j" : database;
        }
    }
}
