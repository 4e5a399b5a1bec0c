package org.chainline;

import org.chainline.graph.EmbeddedNeo4jServer;
import org.chainline.storage.EmbeddedPostgresServer;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded PostgreSQL and one real embedded Neo4j for the whole test run, started on first use.
 * Each application context gets its own fresh PostgreSQL database, an emptied graph and its own data
 * directory, and reaches the stores as an organisation would reach external ones (by URL), so the tests
 * also exercise external mode.
 */
public final class TestStores {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Path root;
    private static EmbeddedPostgresServer postgres;
    private static EmbeddedNeo4jServer neo4j;
    private static Driver driver;

    /** Every folder and file the tests asked for, removed with the stores when the test JVM ends. */
    private static final List<Path> CREATED = Collections.synchronizedList(new ArrayList<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestStores::shutdown, "test-stores-cleanup"));
    }

    private TestStores() {
    }

    private static synchronized void shutdown() {
        if (driver != null) {
            driver.close();
            neo4j.close();
            postgres.close();
        }
        synchronized (CREATED) {
            for (Path p : CREATED) {
                deleteQuietly(p);
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // gone already, or still held: nothing more a test can do at exit
        }
    }

    /** A new temporary folder ({@code chainline-test-<prefix>…}), removed when the test JVM ends. */
    public static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory("chainline-test-" + prefix);
            CREATED.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new temporary file, removed when the test JVM ends. */
    public static Path tempFile(String prefix, String suffix) {
        try {
            Path file = Files.createTempFile("chainline-test-" + prefix, suffix);
            CREATED.add(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void start() {
        if (postgres != null) {
            return;
        }
        root = tempDir("stores");
        postgres = new EmbeddedPostgresServer(root.resolve("postgres"), root.resolve("postgres-password"));
        neo4j = new EmbeddedNeo4jServer(root.resolve("neo4j"), root.resolve("neo4j-password"), 0);
        driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(EmbeddedNeo4jServer.USER, neo4j.password()));
    }

    /** Settings for a new application context: a fresh database, an empty graph, a new data directory. */
    public static synchronized Map<String, String> freshContext() {
        start();
        String database = "test_" + DATABASES.incrementAndGet();
        postgres.createDatabaseIfMissing(database);
        wipeGraph();
        Map<String, String> properties = new HashMap<>();
        properties.put("chainline.data-dir", newDataDir().toString());
        properties.put("chainline.postgres.url", postgres.jdbcUrl(database));
        properties.put("chainline.postgres.username", postgres.username());
        properties.put("chainline.neo4j.uri", neo4j.boltUri());
        properties.put("chainline.neo4j.username", EmbeddedNeo4jServer.USER);
        properties.put("chainline.neo4j.password", neo4j.password());
        properties.put("chainline.projector.interval", "1h");
        // outside the data directory, as in production: a copy of the data alone must reveal no protected identity
        properties.put("chainline.protection.key-file", newDataDir().resolve("protection.key").toString());
        return properties;
    }

    public static Path newDataDir() {
        return tempDir("data");
    }

    /** The embedded PostgreSQL's URL for a database that does not exist yet (a fresh one). */
    public static String postgresUrl(String database) {
        start();
        postgres.createDatabaseIfMissing(database);
        return postgres.jdbcUrl(database);
    }

    /** The folder holding the shared test PostgreSQL cluster and Neo4j store, to search their raw bytes. */
    public static Path storesRoot() {
        start();
        return root;
    }

    /** A driver straight to the shared test Neo4j, for reading the graph behind Chainline's back. */
    public static Driver driver() {
        start();
        return driver;
    }

    private static void wipeGraph() {
        try (var session = driver.session()) {
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
        }
    }
}
