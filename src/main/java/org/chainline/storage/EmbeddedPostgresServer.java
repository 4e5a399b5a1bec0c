package org.chainline.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL 17 run from Maven Central binaries, its cluster kept under a directory so that data
 * survives restarts. Listens on localhost only.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String DATABASE = "chainline";
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path clusterDir;

    public EmbeddedPostgresServer(Path clusterDir) {
        this.clusterDir = clusterDir;
        stopOrphanedPostmaster(clusterDir);
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(clusterDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StoreUnavailableException("Embedded PostgreSQL in " + clusterDir
                    + " could not start: " + StoreUnavailableException.rootMessage(e), e);
        }
        createDatabaseIfMissing(DATABASE);
        LOG.info("Embedded PostgreSQL started on localhost:{} with its cluster in {}", postgres.getPort(), clusterDir);
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(USER, database);
    }

    public String username() {
        return USER;
    }

    /** Creates a database in this cluster unless it exists; tests use one database per context. */
    public void createDatabaseIfMissing(String name) {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
                    throw new IllegalArgumentException("not a plain database name: " + name);
                }
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8'");
                }
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("Embedded PostgreSQL in " + clusterDir
                    + " could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    /**
     * A Chainline that was killed (not stopped) leaves its postmaster running. Whoever holds the data
     * directory lock owns the cluster, so such a leftover is stopped before starting again.
     */
    private static void stopOrphanedPostmaster(Path clusterDir) {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> orphan;
        try {
            List<String> lines = Files.readAllLines(pidFile);
            orphan = lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return;
        }
        orphan.filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(cmd -> cmd.endsWith("postgres")).orElse(false))
                .ifPresent(p -> {
                    LOG.warn("Stopping a PostgreSQL left running by an earlier Chainline (pid {})", p.pid());
                    p.destroy();
                    try {
                        p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new StoreUnavailableException("Embedded PostgreSQL in " + clusterDir
                                + " is still held by process " + p.pid() + "; stop it and start again.", e);
                    }
                });
    }

}
