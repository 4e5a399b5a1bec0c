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
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL 17 run from Maven Central binaries, its cluster kept under a directory so that data
 * survives restarts. Listens on localhost only, and is as durable as a PostgreSQL server: fsync, synchronous commit and
 * full-page writes on (the embedded library turns the first two off for tests). Every connection needs the password
 * generated at the first start and kept in a key file (SCRAM), so that nobody on the machine reaches the journal
 * behind Chainline's back as a superuser without it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String DATABASE = "chainline";
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path clusterDir;
    private final String password;

    public EmbeddedPostgresServer(Path clusterDir, Path passwordFile) {
        this.clusterDir = clusterDir;
        this.password = KeyFiles.readOrCreate(passwordFile, 24);
        if (!password.matches("[0-9a-f]{16,128}")) {
            throw new StoreUnavailableException("The PostgreSQL password file " + passwordFile + " does not hold a generated"
                    + " password (hexadecimal digits)");
        }
        stopOrphanedPostmaster(clusterDir);
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(clusterDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "localhost")
                    // TCP on localhost only: no socket file in the world-writable /tmp, none left behind by a crash
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", password)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StoreUnavailableException("Embedded PostgreSQL in " + clusterDir
                    + " could not start: " + StoreUnavailableException.rootMessage(e), e);
        }
        requirePassword();
        createDatabaseIfMissing(DATABASE);
        LOG.info("Embedded PostgreSQL started on localhost:{} with its cluster in {}", postgres.getPort(), clusterDir);
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** The URL of a database, with the password among its parameters (never logged: callers strip parameters). */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(USER, database) + "&password=" + password;
    }

    /**
     * Sets the superuser's password (a cluster made by initdb trusts every local connection) and, unless it does
     * already, makes the cluster ask every connection for it.
     */
    private void requirePassword() {
        Path hba = clusterDir.resolve("pg_hba.conf");
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
            String wanted = """
                    # Written by Chainline: every connection needs the password in the data directory's keys/postgres-password.
                    local all all scram-sha-256
                    host  all all 127.0.0.1/32 scram-sha-256
                    host  all all ::1/128 scram-sha-256
                    """;
            if (!Files.isRegularFile(hba) || !Files.readString(hba).equals(wanted)) {
                Files.writeString(hba, wanted);
                s.execute("SELECT pg_reload_conf()");
                LOG.info("Embedded PostgreSQL now requires its password for every connection");
            }
            checkDurable(s);
        } catch (SQLException | IOException e) {
            throw new StoreUnavailableException("Embedded PostgreSQL in " + clusterDir + " could not be secured: "
                    + e.getMessage(), e);
        }
    }

    /** Refuses to run on a cluster that could lose an acknowledged commit. */
    private void checkDurable(Statement s) throws SQLException {
        for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
            try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
                rs.next();
                if (!"on".equals(rs.getString(1))) {
                    throw new StoreUnavailableException("Embedded PostgreSQL runs with " + setting + " = " + rs.getString(1)
                            + "; Chainline needs it on so that no acknowledged write is lost");
                }
            }
        }
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
                        p.onExit().get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new StoreUnavailableException("Embedded PostgreSQL in " + clusterDir
                                + " is still held by process " + p.pid() + "; stop it and start again.", e);
                    }
                });
    }

}
