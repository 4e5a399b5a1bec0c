package org.chainline.journal;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.graph.Graph;
import org.chainline.storage.SessionLocks;
import org.chainline.storage.StoreSettings;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@MicronautTest(transactional = false)
class HealthTest extends ChainlineTest {

    @Inject
    SessionLocks locks;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Journal journal;
    @Inject
    JournalEntryRepository entries;
    @Inject
    List<GraphProjection> projections;
    @Inject
    StoreSettings settings;

    @Test
    void healthReportsBothStoresTheJournalHeadAndNoLag() {
        HttpResponse<Map> response = client.toBlocking().exchange(HttpRequest.GET("/health"), Map.class);
        assertEquals(HttpStatus.OK, response.status());
        Map<?, ?> body = response.body();
        assertEquals("UP", body.get("status"));
        assertEquals("UP", body.get("postgres"));
        assertEquals("UP", body.get("neo4j"));
        Map<?, ?> journalStatus = (Map<?, ?>) body.get("journal");
        assertEquals(journal.head().seq(), ((Number) journalStatus.get("head")).longValue());
        assertEquals(0, ((Number) journalStatus.get("lag")).longValue());
    }

    @Test
    void aGraphThatIsDownMakesHealth503WithNeo4jDown() {
        Graph unreachable = UnreachableGraph.of(settings);
        HealthController health = new HealthController(new StoreStatus(journal, new Projector(entries, unreachable, locks, projections), null));

        HttpResponse<HealthController.Health> response = health.health();

        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, response.status());
        HealthController.Health body = response.body();
        assertEquals("DOWN", body.status());
        assertEquals("UP", body.postgres());
        assertEquals("DOWN", body.neo4j());
        assertNull(body.journal().lag());
    }

    @Inject
    Projector projector;

    @Test
    void aGraphAheadOfTheJournalTakesNoMoreEntriesAndHealthSaysSo() {
        journal.append("tester", null, new Change("test.noted", "ahead", new Change.Json("{\"n\": 1}")));
        projector.catchUp();
        long head = journal.head().seq();
        // as after a journal that lost its last commits while the graph had applied them
        try (var session = org.chainline.TestStores.driver().session()) {
            session.run("MATCH (p:ProjectionState {id: 'journal'}) SET p.position = $seq", Map.of("seq", head + 3)).consume();
        }
        journal.append("tester", null, new Change("test.noted", "after", new Change.Json("{\"n\": 2}")));
        Assertions.assertThrows(Projector.GraphAheadOfJournal.class, projector::catchUp);
        HttpResponse<Map> response;
        try {
            response = client.toBlocking().exchange(HttpRequest.GET("/health"), Map.class);
            throw new AssertionError("health answered " + response.status());
        } catch (HttpClientResponseException e) {
            assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus());
            String body = e.getResponse().getBody(String.class).orElseThrow();
            Assertions.assertTrue(body.contains("ahead of the journal"), body);
        }
        try (var session = org.chainline.TestStores.driver().session()) {
            long position = session.run("MATCH (p:ProjectionState {id: 'journal'}) RETURN p.position AS p").single().get("p").asLong();
            assertEquals(head + 3, position, "the graph is kept as it was found, as evidence");
        }
        projector.rebuild();
        assertEquals(journal.head().seq(), projector.position());
    }
}
