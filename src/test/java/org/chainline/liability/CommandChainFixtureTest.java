package org.chainline.liability;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.registry.imports.ImportReport;
import org.chainline.registry.imports.RecordImport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hard cases of command responsibility, on a small fictional hierarchy (fixtures/command-chain.ndjson). */
@MicronautTest(transactional = false)
class CommandChainFixtureTest extends ChainlineTest {

    @Inject
    RecordImport recordImport;
    @Inject
    ChainOfCommand chains;
    @Inject
    LiabilityPaths liability;

    @BeforeAll
    void importFixture() throws URISyntaxException {
        Path file = Path.of(getClass().getClassLoader().getResource("fixtures/command-chain.ndjson").toURI());
        ImportReport report = recordImport.run(TestCases.FILING, "fixture", file, RecordImport.Progress.NONE);
        assertTrue(report.applied(), () -> report.errors().toString());
    }

    private static List<String> commandersAtLevel0(Views.UnitChain chain) {
        return chain.levels().stream().filter(l -> l.depth() == 0).flatMap(l -> l.commanders().stream())
                .map(c -> c.person().id()).toList();
    }

    private static List<String> units(Views.UnitChain chain) {
        return chain.levels().stream().map(l -> l.unit().id()).toList();
    }

    private static Optional<Views.Link> person(Views.IncidentLiability answer, String id) {
        return answer.persons().stream().filter(l -> l.person().id().equals(id)).findFirst();
    }

    @Test
    void commanderReplacedTheDayBeforeTheIncidentIsNotInTheChainHisSuccessorIs() {
        assertEquals(List.of("p-new"), commandersAtLevel0(chains.ofUnit(TestCases.OPERATOR, "u-rrr", "2022-01-05", 6)));
        assertEquals(List.of("p-old"), commandersAtLevel0(chains.ofUnit(TestCases.OPERATOR, "u-rrr", "2022-01-03", 6)));
        Views.IncidentLiability square = liability.ofIncident(TestCases.OPERATOR, "i-square", 6);
        assertTrue(person(square, "p-new").isPresent());
        assertFalse(person(square, "p-old").isPresent());
        assertEquals(List.of("u-rrr", "u-ng", "u-min"), units(chains.ofUnit(TestCases.OPERATOR, "u-rrr", "2022-01-05", 6)));
    }

    @Test
    void foreignContingentUnderOperationalControlForOneWeekIsInTheChainOnlyThatWeek() {
        assertEquals(List.of("u-foreign", "u-ng", "u-min"), units(chains.ofUnit(TestCases.OPERATOR, "u-foreign", "2022-01-08", 6)));
        assertEquals(List.of("u-foreign"), units(chains.ofUnit(TestCases.OPERATOR, "u-foreign", "2022-01-20", 6)));
        assertTrue(person(liability.ofIncident(TestCases.OPERATOR, "i-airport", 6), "p-ngcmd").isPresent());
        assertFalse(person(liability.ofIncident(TestCases.OPERATOR, "i-late", 6), "p-ngcmd").isPresent());
        assertTrue(person(liability.ofIncident(TestCases.OPERATOR, "i-late", 6), "p-fcmd").isPresent(), "its own commander stays in the chain");
    }

    @Test
    void anOrderToAUnitThatActedLinksTheIssuer() {
        Views.Link issuer = person(liability.ofIncident(TestCases.OPERATOR, "i-square", 6), "p-issuer").orElseThrow();
        assertEquals("ordering", issuer.paths().getFirst().mode());
        assertEquals(List.of("inv-rrr-square", "iss-fire"), issuer.paths().getFirst().steps().stream().map(Views.Step::claim).toList());
        assertTrue(liability.ofPerson(TestCases.OPERATOR, "p-issuer", 6).incidents().stream().anyMatch(l -> l.incident().id().equals("i-square")));
    }

    @Test
    void anOrderDatedOnlyToTheMonthOfTheIncidentLinksItsIssuerOnlyPossibly() {
        Views.Path exact = person(liability.ofIncident(TestCases.OPERATOR, "i-square", 6), "p-issuer").orElseThrow().paths().getFirst();
        assertTrue(exact.datesCertain(), "an order of 5 January comes no later than a shooting on 5 January");
        Views.Path vague = person(liability.ofIncident(TestCases.OPERATOR, "i-square", 6), "p-vague-issuer").orElseThrow().paths().getFirst();
        assertEquals("ordering", vague.mode());
        assertFalse(vague.datesCertain());
        assertEquals("possible", vague.strength().word());
        assertEquals("possible", vague.steps().getLast().validity());
    }

    @Test
    void anOrderIssuedByAUnitLinksWhoeverCommandedItOnTheOrdersDate() {
        Views.Path viaGuard = person(liability.ofIncident(TestCases.OPERATOR, "i-square", 6), "p-ngcmd").orElseThrow().paths().stream()
                .filter(p -> p.mode().equals("ordering")).findFirst().orElseThrow();
        assertEquals(List.of("inv-rrr-square", "iss-ng-deploy", "post-ngcmd"), viaGuard.steps().stream().map(Views.Step::claim).toList());
        assertTrue(liability.ofPerson(TestCases.OPERATOR, "p-ngcmd", 6).incidents().stream().filter(l -> l.incident().id().equals("i-square"))
                .flatMap(l -> l.paths().stream()).anyMatch(p -> p.mode().equals("ordering")));
    }

    @Test
    void aPersonsAnswerIncludesWhatIsRecordedUnderAnotherRecordOfTheSamePerson() {
        Views.Link airport = liability.ofPerson(TestCases.OPERATOR, "p-new", 6).incidents().stream()
                .filter(l -> l.incident().id().equals("i-airport")).findFirst().orElseThrow();
        assertEquals(List.of("inv-dup-airport", "id-new"), airport.paths().getFirst().steps().stream().map(Views.Step::claim).toList());
        assertEquals("direct", airport.paths().getFirst().mode());
        assertEquals(List.of("p-new-dup"), airport.alsoKnownAs().stream().map(Views.Ref::id).toList());
        Views.Link dup = person(liability.ofIncident(TestCases.OPERATOR, "i-airport", 6), "p-new-dup").orElseThrow();
        assertEquals(List.of("p-new"), dup.alsoKnownAs().stream().map(Views.Ref::id).toList());
    }

    @Test
    void aDisputedClaimLowersThePathsStrength() {
        Views.IncidentLiability square = liability.ofIncident(TestCases.OPERATOR, "i-square", 6);
        assertEquals("established", person(square, "p-new").orElseThrow().strongest().word());
        Views.Path disputed = person(square, "p-ngcmd").orElseThrow().paths().getFirst();
        assertEquals("disputed", disputed.strength().word());
        assertEquals("disputed", disputed.steps().getLast().strength().word());
        assertEquals("p-ngcmd", square.persons().getLast().person().id(), "the disputed link ranks last");
    }

    @Test
    void twoForwardsOfTheSameVideoAreOneSourceNotTwo() {
        Views.Step forwards = person(liability.ofIncident(TestCases.OPERATOR, "i-airport", 6), "p-fcmd").orElseThrow().paths().getFirst().steps().getFirst();
        assertEquals("inv-foreign-airport", forwards.claim());
        assertEquals("probable", forwards.strength().word(), forwards.strengthReason());
        assertEquals("one well-graded source", forwards.strengthReason());
        Views.Step withWitness = person(liability.ofIncident(TestCases.OPERATOR, "i-square", 6), "p-new").orElseThrow().paths().getFirst().steps().getFirst();
        assertEquals("inv-rrr-square", withWitness.claim());
        assertEquals("established", withWitness.strength().word(), withWitness.strengthReason());
        assertEquals("2 independent well-graded sources", withWitness.strengthReason());
    }

    @Test
    void aPathDeeperThanTheBoundIsNotReturned() {
        Views.Link minister = person(liability.ofIncident(TestCases.OPERATOR, "i-deep", 6), "p-min").orElseThrow();
        assertEquals(6, minister.paths().getFirst().depth());
        assertEquals(7, minister.paths().getFirst().units().size());
        assertFalse(person(liability.ofIncident(TestCases.OPERATOR, "i-deep", 5), "p-min").isPresent());
        assertTrue(person(liability.ofIncident(TestCases.OPERATOR, "i-deep", 5), "p-vague").isPresent());
    }

    @Test
    void anImpreciseDateGivesPossibleNeverEstablished() {
        Views.Path vague = person(liability.ofIncident(TestCases.OPERATOR, "i-deep", 6), "p-vague").orElseThrow().paths().getFirst();
        assertFalse(vague.datesCertain());
        assertEquals("possible", vague.strength().word());
        assertEquals("possible", vague.steps().getLast().validity());
    }

    @Test
    void aPersonsPathsComeBackWithTheirEvidenceAndTheElementsOfCommandResponsibility() {
        Views.PersonLiability minister = liability.ofPerson(TestCases.OPERATOR, "p-min", 6);
        Views.Link square = minister.incidents().stream().filter(l -> l.incident().id().equals("i-square")).findFirst().orElseThrow();
        Views.Path command = square.paths().stream().filter(p -> p.mode().equals("command")).findFirst().orElseThrow();
        assertEquals(2, command.depth());
        assertEquals(List.of("inv-rrr-square", "rel-rrr-ng", "rel-ng-min", "post-min"), command.steps().stream().map(Views.Step::claim).toList());
        assertTrue(command.steps().getFirst().citations().stream().anyMatch(c -> c.evidence().equals("ev-witness")));
        assertEquals(List.of("effective-control", "knowledge", "failure-to-prevent-or-punish"),
                command.elements().stream().map(Views.Element::element).toList());
        assertTrue(command.elements().stream().allMatch(Views.Element::shown));
        assertTrue(square.paths().stream().anyMatch(p -> p.mode().equals("failure-to-act")),
                "command, knowledge and no investigation make failure to act");
    }
}
