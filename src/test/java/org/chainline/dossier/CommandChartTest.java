package org.chainline.dossier;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.liability.ChainOfCommand;
import org.chainline.liability.Views;
import org.chainline.registry.imports.ImportReport;
import org.chainline.registry.imports.RecordImport;
import org.chainline.review.ClaimReviews;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chain-of-command diagrams of a second fictional case (fixtures/branched-chain.ndjson), read back from the
 * PDF: which box each arrow leaves and points at, against the chain of command the API gives for the same unit and
 * date. A unit with two and with three superiors, and a chain of twelve levels that runs onto a second page.
 */
@MicronautTest(transactional = false)
class CommandChartTest extends ChainlineTest {

    @Inject
    RecordImport recordImport;
    @Inject
    Dossiers dossiers;
    @Inject
    ChainOfCommand chains;
    @Inject
    ClaimReviews reviews;

    PdfCharts drawn;
    PdfCharts deep;
    byte[] ministers;

    @BeforeAll
    void drawTheMinistersDossier() throws URISyntaxException, IOException {
        Path file = Path.of(getClass().getClassLoader().getResource("fixtures/branched-chain.ndjson").toURI());
        ImportReport report = recordImport.run(TestCases.FILING, "fixture", file, RecordImport.Progress.NONE);
        assertTrue(report.applied(), () -> report.errors().toString());
        org.chainline.TestReviews.acceptAll(reviews);
        Dossier dossier = dossiers.generate("tester", dossiers.check("p-bc-minister", "uk-ghr", "government-confidential"),
                (stage, percent) -> { }).dossier();
        byte[] pdf = dossiers.pdf(dossier.id());
        ministers = pdf;
        int[] pages = DossierTest.sectionPages(pdf, "Chain of command at the incident dates");
        drawn = PdfCharts.read(pdf, pages[0], pages[1]);
        // the commander of the third of eight levels: the chart above the depot guard runs to the ministry
        Dossier third = dossiers.generate("tester", dossiers.check("p-bc-l3", "uk-ghr", "government-confidential"),
                (stage, percent) -> { }).dossier();
        byte[] deepPdf = dossiers.pdf(third.id());
        int[] deepPages = DossierTest.sectionPages(deepPdf, "Chain of command at the incident dates");
        deep = PdfCharts.read(deepPdf, deepPages[0], deepPages[1]);
    }

    /** The relations the API gives above a unit at a date, as "unit -> superior" by name. */
    private Set<String> relationsInTheApi(String unit, String at) {
        Views.UnitChain chain = chains.ofUnit(TestCases.OPERATOR, unit, at, 12);
        return chain.levels().stream().filter(l -> l.link() != null)
                .map(l -> l.below().name() + " -> " + l.unit().name()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The boxes and arrows of the one diagram that holds the box of this unit, following arrows both ways. */
    private List<PdfCharts.Arrow> diagramOf(String unitName) {
        List<PdfCharts.Box> seeds = drawn.boxes.stream().filter(b -> !b.dashed() && b.content().startsWith(unitName)).toList();
        assertFalse(seeds.isEmpty(), "no box of " + unitName);
        Set<PdfCharts.Box> boxes = new HashSet<>(List.of(seeds.getFirst()));
        List<PdfCharts.Arrow> arrows = new ArrayList<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (PdfCharts.Arrow a : drawn.arrows) {
                if (!arrows.contains(a) && (boxes.contains(a.from()) || boxes.contains(a.to()))) {
                    arrows.add(a);
                    boxes.add(a.from());
                    boxes.add(a.to());
                    grew = true;
                }
            }
        }
        return arrows;
    }

    private static String name(PdfCharts.Box box, List<String> units) {
        return units.stream().filter(u -> box.content().startsWith(u)).findFirst()
                .orElseThrow(() -> new AssertionError("a box that names no unit: " + box.content()));
    }

    private static List<String> pairs(List<PdfCharts.Arrow> arrows, List<String> units) {
        return arrows.stream().map(a -> name(a.from(), units) + " -> " + name(a.to(), units)).sorted().toList();
    }

    static final List<String> UNITS = List.of("Ministry of Public Order", "Northgate Police Department", "Interior Troops Command",
            "4th Interior Regiment", "Riverside Patrol Unit", "Joint Task Force North", "Special Riot Squad", "Escort Company",
            "Depot Guard Post", "Tram Section", "Transit Company", "Transit Battalion", "Transit Brigade", "Transit Division",
            "Transit Corps", "Transit Command", "Transport Police Directorate", "Transport Security Service", "Infrastructure Protection Agency");

    @Test
    void everyArrowOfTheSectionJoinsTwoBoxesAndIsLabelledWithItsRelation() {
        assertFalse(drawn.arrows.isEmpty());
        List<PdfCharts.Arrow> all = new ArrayList<>(drawn.arrows);
        all.addAll(deep.arrows);
        for (PdfCharts.Arrow a : all) {
            assertNotNull(a.from(), () -> "an arrow that leaves no box on page " + (a.page() + 1) + ": " + a.points());
            assertNotNull(a.to(), () -> "an arrow that points at no box on page " + (a.page() + 1) + ": " + a.points());
            assertTrue(a.label().matches("(child of|member of|under operational control of) · (established|probable|possible|disputed) · (certain|possible)"),
                    () -> "label '" + a.label() + "' of the arrow from " + a.from().content());
        }
    }

    @Test
    void aUnitUnderTwoSuperiorsHasBothBranchesSideBySideAndTheMinistryAtTheTopOfBothOnce() {
        List<PdfCharts.Arrow> bridge = diagramOf("Riverside Patrol Unit");
        List<String> pairs = pairs(bridge, UNITS);
        assertEquals(List.copyOf(relationsInTheApi("u-bc-patrol", "2023-04-12")), pairs, "the drawing says what the API says");
        assertEquals(List.of("4th Interior Regiment -> Interior Troops Command", "Interior Troops Command -> Ministry of Public Order",
                "Northgate Police Department -> Ministry of Public Order", "Riverside Patrol Unit -> 4th Interior Regiment",
                "Riverside Patrol Unit -> Northgate Police Department"), pairs);
        Set<PdfCharts.Box> ministries = new HashSet<>();
        bridge.forEach(a -> {
            if (a.to().content().startsWith("Ministry of Public Order")) {
                ministries.add(a.to());
            }
        });
        assertEquals(1, ministries.size(), "the ministry at the top of both branches is one box");
        PdfCharts.Arrow operational = bridge.stream().filter(a -> a.to().content().startsWith("4th Interior Regiment")).findFirst().orElseThrow();
        assertTrue(operational.label().startsWith("under operational control of"), operational.label());
        // side by side: the two superiors of the patrol unit share a row, neither above the other
        PdfCharts.Box police = bridge.stream().filter(a -> a.to().content().startsWith("Northgate")).findFirst().orElseThrow().to();
        assertEquals(police.y() + police.height(), operational.to().y() + operational.to().height(), 0.5f);
    }

    @Test
    void aUnitUnderThreeSuperiorsHasAnArrowToEach() {
        List<String> pairs = pairs(diagramOf("Special Riot Squad"), UNITS);
        assertEquals(List.copyOf(relationsInTheApi("u-bc-riot", "2023-04-13")), pairs);
        assertEquals(3, pairs.stream().filter(p -> p.startsWith("Special Riot Squad -> ")).count(), pairs.toString());
    }

    @Test
    void aChainOfTwelveLevelsRunsOntoAnotherPageWithEveryRelationDrawnOnce() {
        List<String> levels = List.of("Depot Guard Post", "Tram Section", "Transit Company", "Transit Battalion", "Transit Brigade",
                "Transit Division", "Transit Corps", "Transit Command", "Transport Police Directorate", "Transport Security Service",
                "Infrastructure Protection Agency", "Ministry of Public Order");
        // the depot's chart comes after the tram yard's, which shares its upper levels
        List<PdfCharts.Arrow> depot = deep.arrowsAfter("Baton").stream()
                .filter(a -> a.from() != null && !a.from().dashed() && levels.subList(0, levels.size() - 1).stream().anyMatch(l -> a.from().content().startsWith(l)))
                .toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i + 1 < levels.size(); i++) {
            expected.add(levels.get(i) + " -> " + levels.get(i + 1));
        }
        assertEquals(expected.stream().sorted().toList(), pairs(depot, UNITS), "each relation once, none lost at the page break");
        assertEquals(List.copyOf(relationsInTheApi("u-bc-l1", "2023-05-02")), pairs(depot, UNITS),
                "the chart runs to the top, past the depth at which liability paths stop");
        Set<Integer> pages = depot.stream().map(PdfCharts.Arrow::page).collect(Collectors.toSet());
        assertTrue(pages.size() > 1, "the chain of twelve levels is taller than a page");
        PdfCharts.Arrow across = depot.stream().filter(a -> a.to().dashed()).findFirst()
                .orElseThrow(() -> new AssertionError("the arrow across the page break points at a box that repeats the superior"));
        assertTrue(across.to().content().matches(".* drawn on page \\d+"), across.to().content());
    }

    @Test
    void aChartAboveAUnitMerelyPresentSaysSo() throws IOException {
        String section = DossierTest.section(ministers, "Chain of command at the incident dates");
        assertTrue(section.contains("Beating of marchers on the Old Bridge: Escort Company (present) on 2023-04-12"), section);
        assertTrue(section.contains("Beating of marchers on the Old Bridge: Riverside Patrol Unit on 2023-04-12"), section);
    }

    @Test
    void everyChartIsFollowedByItsRelationsInWords() throws IOException {
        String section = DossierTest.section(ministers, "Chain of command at the incident dates");
        assertTrue(section.contains("Riverside Patrol Unit under operational control of 4th Interior Regiment established, certain rel-bc-patrol-reg"), section);
        assertTrue(section.contains("Northgate Police Department child of Ministry of Public Order established, certain rel-bc-pd-min"), section);
    }
}
