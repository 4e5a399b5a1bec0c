package org.chainline.registry.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.journal.GraphDump;
import org.chainline.journal.Projector;
import org.chainline.liability.ChainOfCommand;
import org.chainline.registry.Records;
import org.chainline.registry.imports.RecordImport;
import org.chainline.registry.model.RecordType;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Records in the graph follow changes and retirements, and a rebuild from the journal gives the same graph. */
@MicronautTest(transactional = false)
class RecordProjectionTest extends ChainlineTest {

    @Inject
    RecordImport recordImport;
    @Inject
    Records records;
    @Inject
    Projector projector;
    @Inject
    ChainOfCommand chains;
    @Inject
    Driver driver;

    @Test
    void changesAndRetirementsReachTheGraphAndARebuildGivesTheSameGraph() throws Exception {
        Path file = Path.of(getClass().getClassLoader().getResource("fixtures/command-chain.ndjson").toURI());
        assertTrue(recordImport.run(TestCases.FILING, null, file, RecordImport.Progress.NONE).applied());
        RecordType posting = records.model().type("Posting").orElseThrow();
        RecordType relation = records.model().type("UnitRelation").orElseThrow();
        ObjectMapper json = new ObjectMapper();

        // p-new took over a day later than first recorded: on 5 January nobody held the regiment
        records.change(TestCases.OPERATOR, posting, "post-new", json.readTree("{\"start\": \"2022-01-06\"}"), "corrected date");
        assertEquals(List.of(), commanders("u-rrr", "2022-01-05"));
        assertEquals(List.of("p-new"), commanders("u-rrr", "2022-01-06"));
        records.retire(TestCases.OPERATOR, relation, "rel-ng-min", "wrong ministry");
        assertEquals(List.of("u-rrr", "u-ng"), chains.ofUnit(TestCases.OPERATOR, "u-rrr", "2022-01-06", 6).levels().stream().map(l -> l.unit().id()).toList());

        List<String> before = GraphDump.of(driver);
        projector.rebuild();
        assertEquals(before, GraphDump.of(driver));
    }

    @Test
    void applyingEveryRecordEntryAgainAddsNothing() throws Exception {
        Path file = Path.of(getClass().getClassLoader().getResource("fixtures/command-chain.ndjson").toURI());
        recordImport.run(TestCases.FILING, null, file, RecordImport.Progress.NONE);
        ObjectMapper json = new ObjectMapper();
        // a claim citing one item twice, at two pinpoints: two citations, kept apart when applied again
        records.create(TestCases.FILING, records.model().type("Posting").orElseThrow(), json.readTree("""
                {"id": "post-twice", "person": "p-new", "unit": "u-co1", "role": "deputy-commander", "start": "2021",
                 "citations": [{"evidence": "ev-video-a", "stance": "supports", "pinpoint": "00:10"},
                               {"evidence": "ev-video-a", "stance": "supports", "pinpoint": "01:40"}]}"""), null);
        List<String> once = GraphDump.of(driver);
        long relationships = relationships();
        assertEquals(2, once.stream().filter(l -> l.startsWith("rel CITES \"post-twice\"->\"ev-video-a\"")).count());

        // as if the graph had applied every entry but lost its position (or another instance applied them too)
        try (var session = driver.session()) {
            session.run("MATCH (p:ProjectionState {id: 'journal'}) SET p.position = 0").consume();
        }
        projector.catchUp();

        assertEquals(relationships, relationships());
        assertEquals(once, GraphDump.of(driver));
    }

    private long relationships() {
        try (var session = driver.session()) {
            return session.run("MATCH ()-[r]->() RETURN count(r) AS n").single().get("n").asLong();
        }
    }

    private List<String> commanders(String unit, String at) {
        return chains.ofUnit(TestCases.OPERATOR, unit, at, 6).levels().stream().filter(l -> l.depth() == 0)
                .flatMap(l -> l.commanders().stream()).map(c -> c.person().id()).toList();
    }
}
