package org.chainline.storage;

import io.micronaut.context.ApplicationContext;
import org.chainline.TestCases;
import org.chainline.TestStores;
import org.chainline.cases.Case;
import org.chainline.cases.Cases;
import org.chainline.journal.JournalVerifier;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default a newcomer gets: both stores embedded under one data directory. */
class EmbeddedModeTest {

    @Test
    void dataSurvivesARestartAndASecondProcessOnTheSameDirectoryIsTurnedAway() throws IOException {
        Path dataDir = TestStores.newDataDir();
        int boltPort = freePort();
        Map<String, Object> settings = Map.of("chainline.data-dir", dataDir.toString(),
                "chainline.neo4j.bolt-port", boltPort, "chainline.projector.interval", "1h");
        Case opened;
        try (ApplicationContext first = ApplicationContext.run(settings)) {
            opened = first.getBean(Cases.class).open("tester", "Survives a restart", "Қаңтар, Zhanatal", null);

            String password = Files.readString(dataDir.resolve("keys/neo4j-password")).strip();
            try (Driver browser = GraphDatabase.driver("bolt://localhost:" + boltPort, AuthTokens.basic("neo4j", password))) {
                long cases = browser.executableQuery("MATCH (c:Case) WHERE c.id <> 'case-test' RETURN count(c) AS n").execute()
                        .records().getFirst().get("n").asLong();
                assertEquals(1, cases, "the configured Bolt port serves the real graph");
            }
            try (Driver stranger = GraphDatabase.driver("bolt://localhost:" + boltPort, AuthTokens.none())) {
                assertThrows(AuthenticationException.class, stranger::verifyConnectivity);
            }

            // as durable as a PostgreSQL server, and nobody on the machine connects without the generated password
            String url = first.getBean(EmbeddedPostgresServer.class).jdbcUrl();
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                    try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
                        rs.next();
                        assertEquals("on", rs.getString(1), setting);
                    }
                }
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
            String withoutPassword = url.replaceFirst("&password=[^&]*", "");
            assertThrows(SQLException.class, () -> DriverManager.getConnection(withoutPassword).close(),
                    "a connection without the password is refused");
            assertTrue(Files.readString(dataDir.resolve("keys/postgres-password")).strip().matches("[0-9a-f]{48}"));

            RuntimeException refused = assertThrows(RuntimeException.class, () -> ApplicationContext.run(settings));
            assertTrue(messages(refused).contains("is already in use by another Chainline process"), messages(refused));
        }
        try (ApplicationContext second = ApplicationContext.run(settings)) {
            Case reread = second.getBean(Cases.class).get(TestCases.OPERATOR, opened.id());
            assertEquals("Survives a restart", reread.title());
            assertEquals("Қаңтар, Zhanatal", reread.summary());
            assertTrue(second.getBean(JournalVerifier.class).verify().intact());
        }
        assertTrue(Files.isDirectory(dataDir.resolve("postgres")));
        assertTrue(Files.isDirectory(dataDir.resolve("neo4j")));
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
