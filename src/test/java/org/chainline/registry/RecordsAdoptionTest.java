package org.chainline.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.TestLogins;
import org.chainline.TestStores;
import org.chainline.access.Roles;
import org.chainline.journal.Journal;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The upgrade to cases: what an earlier version wrote has no case, and goes into one, "Records before cases", whose
 * members are the accounts that could read it then; nobody loses or gains anything, and it runs once.
 */
@MicronautTest(transactional = false)
class RecordsAdoptionTest extends ChainlineTest {

    @Inject
    TestApplication app;
    @Inject
    RecordsAdoption adoption;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    Journal journal;

    @Test
    void recordsWrittenBeforeCasesGoIntoOneCaseWithTheAccountsThatCouldReadThem() {
        String analyst = app.token(Roles.ANALYST);
        app.send(HttpRequest.POST("/api/persons", """
                {"id": "p-before", "names": [{"value": "Nurlan Erte"}]}"""), analyst);
        app.send(HttpRequest.POST("/api/units", """
                {"id": "u-before", "names": [{"value": "Old Battalion"}], "classification": "national-guard"}"""), analyst);
        app.send(HttpRequest.POST("/api/postings", """
                {"id": "post-before", "person": "p-before", "unit": "u-before", "role": "commander", "start": "2020"}"""), analyst);
        List<String> planted = List.of("p-before", "u-before", "post-before");
        // as an earlier version left them: in no case, in the store and in the graph, and the upgrade not run
        sql("UPDATE record_state SET home_case = NULL WHERE id IN ('p-before', 'u-before', 'post-before')");
        sql("DELETE FROM record_case WHERE record_id IN ('p-before', 'u-before', 'post-before')");
        sql("DELETE FROM upgrade_done WHERE name = '" + RecordsAdoption.UPGRADE + "'");
        try (Session s = TestStores.driver().session()) {
            s.run("MATCH (n:Record) WHERE n.id IN $ids REMOVE n.cases", Map.of("ids", planted)).consume();
            s.run("MATCH ()-[r]->() WHERE r.claim IN $ids REMOVE r.cases", Map.of("ids", planted)).consume();
        }
        TestLogins.Login viewer = TestLogins.loginInNoCase(app.accounts(), app.client(), Roles.VIEWER);
        TestLogins.Login counsel = TestLogins.loginInNoCase(app.accounts(), app.client(), Roles.COUNSEL);
        String admin = app.token(Roles.ADMIN);
        app.refused(HttpRequest.GET("/api/persons/p-before"), viewer.token(), HttpStatus.NOT_FOUND);
        long before = journal.head().seq();

        adoption.adopt();

        app.send(HttpRequest.GET("/api/persons/p-before"), viewer.token());
        // (the planted records' content still names the case they were written in: only their rows were made as before)
        assertEquals(3L, count("SELECT count(*) FROM record_state WHERE home_case = '" + RecordsAdoption.CASE + "'"
                + " AND id IN ('p-before', 'u-before', 'post-before')"));
        JsonNode chain = app.send(HttpRequest.GET("/api/units/u-before/chain-of-command?at=2021"), viewer.token());
        assertTrue(chain.toString().contains("p-before"), "the adopted posting is walked again: " + chain);
        JsonNode members = app.send(HttpRequest.GET("/api/cases/" + RecordsAdoption.CASE + "/members"), admin);
        assertTrue(has(members, viewer.username(), "viewer") && has(members, counsel.username(), "owner"), members.toString());
        assertFalse(members.toString().contains("\"admin"), "an administrator reads no case: " + members);
        var entries = journal.after(before, 100);
        assertTrue(entries.stream().anyMatch(e -> e.kind().equals(RecordsAdoption.ADOPTED)), "the adoption is journaled");

        // once: a second start changes nothing
        long after = journal.head().seq();
        adoption.adopt();
        assertEquals(after, journal.head().seq());
    }

    private static boolean has(JsonNode members, String account, String role) {
        for (JsonNode m : members) {
            if (m.path("account").asText().equals(account) && m.path("role").asText().equals(role) && m.path("endedAt").isMissingNode()) {
                return true;
            }
        }
        return false;
    }

    private long count(String query) {
        return transactions.executeRead(status -> {
            try (var s = status.getConnection().createStatement(); var rs = s.executeQuery(query)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void sql(String statement) {
        transactions.executeWrite(status -> {
            try (var s = status.getConnection().createStatement()) {
                return s.executeUpdate(statement);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
