package org.chainline.protection;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.TestStores;
import org.chainline.access.Roles;
import org.chainline.journal.GraphDump;
import org.chainline.security.Accounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ProtectedIdentityTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** A fictional name that must never be found outside its sealed field. */
    static final String NAME = "Гүлнар Сейітқызы";
    static final String SURNAME = "Сейітқызы";
    static final String CONTACT = "+000 555 0117";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Accounts accounts;
    @Inject
    ApplicationContext context;

    String analyst;
    String protector;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Map<String, String> settings;

    @Override
    public Map<String, String> getProperties() {
        settings = super.getProperties();
        return settings;
    }

    @BeforeAll
    void setUp() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        analyst = TestLogins.tokenFor(accounts, client, Roles.ANALYST);
        protector = TestLogins.tokenFor(accounts, client, Roles.VIEWER, Roles.WITNESS_PROTECTION);
        client.toBlocking().exchange(HttpRequest.POST("/api/sources", """
                {"id": "src-w017", "pseudonym": "W-017", "kind": "witness", "reliability": "B",
                 "identity": {"name": "%s", "contact": "%s"}}""".formatted(NAME, CONTACT)).bearerAuth(analyst));
        client.toBlocking().exchange(HttpRequest.POST("/api/evidence", """
                {"id": "ev-w017", "kind": "testimony", "title": "Testimony of W-017", "source": "src-w017", "confidentiality": "protected"}""")
                .bearerAuth(analyst));
    }

    @AfterAll
    void detach() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    String get(String path, String token) {
        return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token));
    }

    @Test
    void responsesShowThePseudonymAndOnlyThatAnIdentityIsHeld() throws Exception {
        String one = get("/api/sources/src-w017", analyst);
        assertEquals("W-017", JSON.readTree(one).get("pseudonym").asText());
        assertTrue(JSON.readTree(one).get("identity").get("protected").asBoolean());
        String all = get("/api/sources", analyst) + get("/api/search?q=" + URLEncoder.encode(SURNAME, "UTF-8"), analyst)
                + get("/api/search?q=W-017", analyst) + get("/api/evidence/ev-w017/custody", analyst)
                + get("/api/journal?after=0&limit=1000", adminToken());
        assertFalse(all.contains(SURNAME) || all.contains(CONTACT), "a response showed the protected identity");
    }

    @Test
    void journalGraphAndLogsNeverHoldTheIdentityInClear() throws Exception {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT string_agg(payload || coalesce(reason, ''), ' ') FROM journal_entry")) {
            rs.next();
            String payloads = rs.getString(1);
            assertTrue(payloads.contains("\"sealed\":\"v2."), "the identity is stored sealed");
            assertFalse(payloads.contains(SURNAME) || payloads.contains(CONTACT));
        }
        String graph = GraphDump.of(TestStores.driver()).toString();
        assertTrue(graph.contains("W-017"));
        assertFalse(graph.contains(SURNAME) || graph.contains(CONTACT) || graph.contains("sealed"));
        client.toBlocking().exchange(HttpRequest.POST("/api/sources/src-w017/reveal", "{\"reason\": \"log check\"}").bearerAuth(protector));
        String logged = String.join("\n", logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertFalse(logged.contains(SURNAME) || logged.contains(CONTACT), "a log line held the identity");
    }

    @Test
    void onlyTheGrantRevealsAndEveryRevealIsJournaledWithItsReason() throws Exception {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/api/sources/src-w017/reveal", "{\"reason\": \"curious\"}").bearerAuth(analyst)));
        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
        HttpClientResponseException noReason = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/api/sources/src-w017/reveal", "{}").bearerAuth(protector)));
        assertEquals(HttpStatus.BAD_REQUEST, noReason.getStatus());
        assertTrue(noReason.getResponse().getBody(String.class).orElseThrow().contains("reason"));

        JsonNode revealed = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/api/sources/src-w017/reveal",
                "{\"reason\": \"protection officer: relocation of the witness\"}").bearerAuth(protector)));
        assertEquals(NAME, revealed.get("identity").get("name").asText());
        assertEquals(CONTACT, revealed.get("identity").get("contact").asText());
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT actor, reason, payload FROM journal_entry WHERE kind = 'protection.revealed' AND reason LIKE 'protection officer%'")) {
            assertTrue(rs.next(), "the reveal is journaled");
            assertTrue(rs.getString(1).startsWith("tester"));
            assertFalse(rs.getString(3).contains(SURNAME));
        }
        HttpClientResponseException nothing = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(HttpRequest.POST("/api/evidence/ev-w017/reveal", "{\"reason\": \"x\"}").bearerAuth(protector)));
        assertEquals(HttpStatus.NOT_FOUND, nothing.getStatus());
    }

    @Test
    void importingTheSameIdentityAgainChangesNothingAndASealCannotMoveToAnotherRecord() throws Exception {
        String line = """
                {"type": "Victim", "id": "v-protected", "pseudonym": "V-009", "statuses": ["detained"], "identity": {"name": "%s"}}
                """.formatted(NAME);
        JsonNode first = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/api/import", line).bearerAuth(analyst)));
        assertEquals(1, first.get("created").asLong());
        JsonNode again = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/api/import", line).bearerAuth(analyst)));
        assertEquals(1, again.get("unchanged").asLong());

        String sealed;
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("""
                SELECT j.payload FROM record_state r JOIN journal_entry j ON j.seq = r.content_seq WHERE r.id = 'v-protected'""")) {
            rs.next();
            sealed = JSON.readTree(rs.getString(1)).get("identity").toString();
        }
        HttpClientResponseException moved = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/victims", "{\"id\": \"v-other\", \"pseudonym\": \"V-010\", \"identity\": " + sealed + "}").bearerAuth(analyst)));
        assertEquals(HttpStatus.BAD_REQUEST, moved.getStatus());
        assertTrue(moved.getResponse().getBody(String.class).orElseThrow().contains("identity"));
    }

    @Test
    void aRightGuessOfASealedNameIsNotConfirmedByTheVersionNorByTheSealedText() throws Exception {
        client.toBlocking().exchange(HttpRequest.POST("/api/sources", """
                {"id": "src-guess", "pseudonym": "W-031", "kind": "witness", "identity": "%s"}""".formatted(NAME)).bearerAuth(analyst));
        String sealedBefore = storedIdentity("src-guess");
        int versionBefore = JSON.readTree(get("/api/sources/src-guess", analyst)).get("meta").get("version").asInt();

        // an analyst without the grant "guesses" the right name: the record changes exactly as for a wrong guess
        String right = client.toBlocking().retrieve(HttpRequest.PATCH("/api/sources/src-guess",
                "{\"identity\": \"%s\"}".formatted(NAME)).bearerAuth(analyst));
        assertEquals(versionBefore + 1, JSON.readTree(right).get("meta").get("version").asInt(), "a right guess is a change too");
        String wrong = client.toBlocking().retrieve(HttpRequest.PATCH("/api/sources/src-guess",
                "{\"identity\": \"%s\"}".formatted("Ainur Bekova")).bearerAuth(analyst));
        assertEquals(versionBefore + 2, JSON.readTree(wrong).get("meta").get("version").asInt());
        client.toBlocking().retrieve(HttpRequest.PATCH("/api/sources/src-guess",
                "{\"identity\": \"%s\"}".formatted(NAME)).bearerAuth(analyst));

        // the same name sealed twice gives two unrelated texts, and names of any length up to the padding look alike
        String sealedAfter = storedIdentity("src-guess");
        assertFalse(sealedAfter.equals(sealedBefore), "sealing draws a fresh nonce");
        client.toBlocking().exchange(HttpRequest.POST("/api/sources", """
                {"id": "src-short", "pseudonym": "W-032", "kind": "witness", "identity": "Al"}""").bearerAuth(analyst));
        client.toBlocking().exchange(HttpRequest.POST("/api/sources", """
                {"id": "src-long", "pseudonym": "W-033", "kind": "witness", "identity": "%s"}""".formatted("Ainur Bekova-Seitkyzy ".repeat(6))).bearerAuth(analyst));
        assertEquals(storedIdentity("src-short").length(), storedIdentity("src-long").length(), "the length says nothing of the name");
        assertEquals(storedIdentity("src-short").length(), sealedAfter.length());

        // and an import from another file, with the right name, is a change as well: only the very same file is not
        String line = "{\"type\": \"Source\", \"id\": \"src-guess\", \"pseudonym\": \"W-031\", \"kind\": \"witness\", \"identity\": \"%s\"}\n".formatted(NAME);
        JsonNode first = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/api/import", line).bearerAuth(analyst)));
        assertEquals(1, first.get("changed").asLong());
        JsonNode sameFile = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/api/import", line).bearerAuth(analyst)));
        assertEquals(1, sameFile.get("unchanged").asLong(), "the same file again changes nothing");
        JsonNode otherFile = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/api/import", line + "\n").bearerAuth(analyst)));
        assertEquals(1, otherFile.get("changed").asLong(), "another file with the right name tells nothing either");
    }

    private String storedIdentity(String id) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT j.payload FROM record_state r JOIN journal_entry j ON j.seq = r.content_seq WHERE r.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return JSON.readTree(rs.getString(1)).get("identity").get("sealed").asText();
            }
        }
    }

    @Test
    void startUpRefusesWithoutTheKeyOnceIdentitiesAreSealed() throws Exception {
        Map<String, Object> noKey = new HashMap<>(settings);
        noKey.put("chainline.data-dir", TestStores.newDataDir().toString());
        noKey.put("chainline.protection.key-file", TestStores.newDataDir().resolve("absent.key").toString());
        RuntimeException missing = assertThrows(RuntimeException.class, () -> ApplicationContext.run(noKey).close());
        assertTrue(rootMessage(missing).contains("no key is configured"), rootMessage(missing));

        Map<String, Object> otherKey = new HashMap<>(noKey);
        otherKey.put("chainline.data-dir", TestStores.newDataDir().toString());
        Path other = TestStores.newDataDir().resolve("other.key");
        Files.writeString(other, "ab".repeat(32));
        otherKey.put("chainline.protection.key-file", other.toString());
        RuntimeException wrong = assertThrows(RuntimeException.class, () -> ApplicationContext.run(otherKey).close());
        assertTrue(rootMessage(wrong).contains("is not the key that sealed"), rootMessage(wrong));
    }

    /** A connection of its own, straight to the test database, to read what is stored behind Chainline's back. */
    private Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.get("chainline.postgres.url"), settings.get("chainline.postgres.username"), null);
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }

    private String adminToken() {
        return TestLogins.tokenFor(accounts, client, Roles.COUNSEL);
    }
}
