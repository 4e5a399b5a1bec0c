package org.chainline.liability;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.registry.Records;
import org.chainline.registry.imports.ImportReport;
import org.chainline.registry.imports.RecordImport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fictional demo case of mission.md imports cleanly and answers the questions it was written to show. */
@MicronautTest(transactional = false)
class DemoCaseTest extends ChainlineTest {

    @Inject
    RecordImport recordImport;
    @Inject
    LiabilityPaths liability;
    @Inject
    ChainOfCommand chains;
    @Inject
    Records records;

    @BeforeAll
    void importDemo() throws IOException {
        Path file = org.chainline.TestStores.tempFile("demo", ".ndjson");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/tamyr-crackdown.ndjson")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        ImportReport report = recordImport.run(TestCases.FILING, "demo", file, RecordImport.Progress.NONE);
        assertTrue(report.applied(), () -> report.errors().toString());
        assertTrue(report.created() > 60);
    }

    private List<String> persons(String incident) {
        return liability.ofIncident(TestCases.OPERATOR, incident, 6).persons().stream().map(l -> l.person().id()).toList();
    }

    @Test
    void theRegimentCommanderAtTheShootingIsTheSuccessorNotTheOneReplacedTheDayBefore() {
        List<String> square = persons("i-freedom-square");
        assertTrue(square.contains("p-abdigaliyev"), square::toString);
        assertFalse(square.contains("p-zhaksybekov"), square::toString);
        assertTrue(liability.ofPerson(TestCases.OPERATOR, "p-zhaksybekov", 6).incidents().isEmpty());
        assertTrue(square.containsAll(List.of("p-zhanabayev", "p-otegulov", "p-kassymov")), square::toString);
    }

    @Test
    void theRankingOfTheSquareIsTheOneReadmeShows() {
        List<String> lines = liability.ofIncident(TestCases.OPERATOR, "i-freedom-square", 6).persons().stream()
                .map(l -> l.person().latinName() + ": " + l.strongest() + " ("
                        + String.join(", ", l.paths().stream().map(Views.Path::mode).distinct().sorted().toList()) + ")")
                .toList();
        assertEquals(List.of("Nurlan Abdigaliyev: established (command, ordering)", "Timur Zhanabayev: established (ordering)",
                "Aibek Mukhtaruly: probable (command)", "Galym Otegulov: probable (command, failure-to-act)",
                "Serik Kassymov: probable (command, failure-to-act)"), lines);
    }

    @Test
    void theForeignContingentIsUnderTheGuardOnlyForItsWeek() {
        assertTrue(chains.ofUnit(TestCases.OPERATOR, "u-oskian-contingent", "2025-03-08", 6).levels().stream().anyMatch(l -> l.unit().id().equals("u-ng")));
        assertEquals(1, chains.ofUnit(TestCases.OPERATOR, "u-oskian-contingent", "2025-03-20", 6).levels().size());
    }

    @Test
    void theContradictedClaimIsDisputedAndKazakhNamesAreFoundInLatin() {
        Views.Link airport = liability.ofIncident(TestCases.OPERATOR, "i-airport-road", 6).persons().stream()
                .filter(l -> l.person().id().equals("p-kostrov")).findFirst().orElseThrow();
        assertEquals("disputed", airport.strongest().word());
        assertEquals(List.of("p-otegulov"), records.list(TestCases.OPERATOR, records.model().type("Person").orElseThrow(), "Galym Otegulov", false, 0, 5)
                .stream().map(n -> n.get("id").asText()).toList());
        assertEquals(List.of("u-sunkar"), records.list(TestCases.OPERATOR, records.model().type("Unit").orElseThrow(), "Sunkar", false, 0, 5)
                .stream().map(n -> n.get("id").asText()).toList());
    }
}
