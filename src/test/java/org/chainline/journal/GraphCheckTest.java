package org.chainline.journal;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.TestStores;
import org.chainline.cases.Cases;
import org.chainline.registry.imports.RecordImport;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The graph check compares the graph with what the journal implies, and /health reports what it found. */
@MicronautTest(transactional = false)
class GraphCheckTest extends ChainlineTest {

    @Inject
    GraphCheck check;
    @Inject
    RecordImport recordImport;
    @Inject
    Cases cases;
    @Inject
    Projector projector;
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    @SuppressWarnings("rawtypes")
    void aProjectedGraphIsConsistentAndARepeatedOrMissingRelationshipIsDriftThatHealthReportsUntilARebuild() throws Exception {
        Path file = Path.of(getClass().getClassLoader().getResource("fixtures/command-chain.ndjson").toURI());
        recordImport.run(TestCases.FILING, null, file, RecordImport.Progress.NONE);
        cases.open("tester", "Fuel-price protests in Zhanatal", null, null);

        GraphCheck.Report clean = check.check();
        assertEquals("consistent", clean.status(), clean.toString());
        assertEquals(0, clean.duplicateRelationships());
        assertTrue(clean.relationships() > 100, clean.toString());
        assertEquals("UP", health().get("status"));

        long postings = count("POSTED_TO");
        long citations = count("CITES");
        // what a second projector applying the same entries did before: a posting applied twice, a citation lost
        try (Session s = TestStores.driver().session()) {
            s.run("MATCH (a)-[r:POSTED_TO {claim: 'post-old'}]->(b) CREATE (a)-[c:POSTED_TO]->(b) SET c = properties(r)").consume();
            s.run("MATCH (:Record {id: 'post-vague'})-[r:CITES]->() DELETE r").consume();
        }
        GraphCheck.Report drift = check.check();

        assertEquals("drift", drift.status());
        assertEquals(1, drift.duplicateRelationships());
        assertEquals(List.of(new GraphCheck.Difference("relationships", "CITES", citations, citations - 1),
                new GraphCheck.Difference("relationships", "POSTED_TO", postings, postings + 1)), drift.differences());
        Map health = health();
        assertEquals("DEGRADED", health.get("status"));
        assertEquals("drift", ((Map) health.get("graph")).get("check"));
        assertEquals(1, ((Number) ((Map) health.get("graph")).get("duplicateRelationships")).intValue());
        // health is open to anyone: it says that counts differ, not the counts (how many persons, sources, victims)
        assertEquals(2, ((Number) ((Map) health.get("graph")).get("differingCounts")).intValue());
        String anonymous = client.toBlocking().retrieve(HttpRequest.GET("/health"));
        assertFalse(anonymous.contains("CITES") || anonymous.contains("POSTED_TO") || anonymous.contains("\"expected\""), anonymous);

        projector.rebuild();
        assertEquals("consistent", check.check().status());
        assertEquals("UP", health().get("status"));
    }

    private static long count(String type) {
        try (Session s = TestStores.driver().session()) {
            return s.run("MATCH ()-[r]->() WHERE type(r) = $type RETURN count(r) AS n", Map.of("type", type)).single().get("n").asLong();
        }
    }

    @SuppressWarnings("rawtypes")
    private Map health() {
        HttpResponse<Map> response = client.toBlocking().exchange(HttpRequest.GET("/health"), Map.class);
        return response.body();
    }
}
