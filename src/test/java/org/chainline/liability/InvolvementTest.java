package org.chainline.liability;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.registry.imports.ImportReport;
import org.chainline.registry.imports.RecordImport;
import org.chainline.registry.model.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The involvement a path runs through counts (graph-schema/README.md, "Liability paths"): on the Old Bridge of the
 * second fictional case (fixtures/branched-chain.ndjson) the Riverside Patrol Unit beat the marchers and the Escort
 * Company was only present.
 */
@MicronautTest(transactional = false)
class InvolvementTest extends ChainlineTest {

    @Inject
    RecordImport recordImport;
    @Inject
    LiabilityPaths liability;

    @BeforeAll
    void importFixture() throws URISyntaxException {
        Path file = Path.of(getClass().getClassLoader().getResource("fixtures/branched-chain.ndjson").toURI());
        ImportReport report = recordImport.run(TestCases.FILING, "fixture", file, RecordImport.Progress.NONE);
        assertTrue(report.applied(), () -> report.errors().toString());
    }

    private static Views.Link person(Views.IncidentLiability answer, String id) {
        return answer.persons().stream().filter(l -> l.person().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not linked"));
    }

    @Test
    void theCommanderOfTheUnitThatActedRanksAboveTheCommanderOfAUnitMerelyPresent() {
        Views.IncidentLiability bridge = liability.ofIncident(TestCases.OPERATOR, "i-bc-bridge", 6);
        List<String> ranked = bridge.persons().stream().map(l -> l.person().id()).toList();
        assertTrue(ranked.indexOf("p-bc-patrolcmd") < ranked.indexOf("p-bc-escortcmd"), ranked.toString());
        Views.Path acted = person(bridge, "p-bc-patrolcmd").paths().getFirst();
        assertEquals("command", acted.mode());
        assertEquals("perpetrated", acted.involvement());
        assertEquals("established", acted.strength().word());
        assertEquals("every claim is established", acted.strengthReason());
        Views.Path present = person(bridge, "p-bc-escortcmd").paths().getFirst();
        assertEquals("command", present.mode(), "the mode stays command");
        assertEquals("present", present.involvement(), "the path says which involvement it runs through");
        assertEquals("possible", present.strength().word(), "every claim is established, but the unit was only present");
        assertTrue(present.strengthReason().contains("only present"), present.strengthReason());
        // everyone linked only through the escort ranks below everyone linked through the patrol unit
        assertTrue(ranked.indexOf("p-bc-escortcmd") > ranked.indexOf("p-bc-minister"), ranked.toString());
    }

    @Test
    void aCommanderAboveBothUnitsHasThePathThroughTheUnitThatActedFirstEvenWhenItIsDeeper() {
        Views.Link troops = person(liability.ofIncident(TestCases.OPERATOR, "i-bc-bridge", 6), "p-bc-troopscmd");
        Views.Path first = troops.paths().getFirst();
        assertEquals("perpetrated", first.involvement());
        assertEquals(2, first.depth(), "patrol unit, regiment, interior troops");
        assertTrue(troops.paths().stream().anyMatch(p -> "present".equals(p.involvement()) && p.depth() == 1 && p.strength().word().equals("possible")),
                "the shallower path through the escort is there, weaker");
        assertEquals("established", troops.strongest().word());
    }

    @Test
    void aForwardThatNamesOnlyItsOriginIsOneSourceWithTheMessagesOfThatOrigin() {
        // a post of the channel "Northgate Live" and a forward of it by another channel, with no hash or copy-of between
        // them: one source, as the dossier's methodology says, not two
        Views.Step knew = person(liability.ofIncident(TestCases.OPERATOR, "i-bc-bridge", 6), "p-bc-minister").paths().stream()
                .flatMap(p -> p.steps().stream()).filter(s -> s.claim().equals("know-bc-minister-bridge")).findFirst()
                .orElseThrow(() -> new AssertionError("the minister's knowledge is on a failure-to-act path"));
        assertEquals("probable", knew.strength().word(), knew.strengthReason());
        assertEquals("one well-graded source", knew.strengthReason());
    }

    @Test
    void everyInvolvementRoleOfTheModelHasItsWeight() {
        List<String> roles = Model.load().type("Involvement").orElseThrow().property("role").orElseThrow().values();
        for (String role : roles) {
            StrengthRule.Involvement weight = StrengthRule.Involvement.of(role);
            assertTrue(weight.rank() >= 0, role);
        }
        assertEquals(Strength.POSSIBLE, StrengthRule.Involvement.of("present").most());
        assertEquals(Strength.ESTABLISHED, StrengthRule.Involvement.of("perpetrated").most());
    }
}
