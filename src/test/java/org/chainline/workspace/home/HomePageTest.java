package org.chainline.workspace.home;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.demo.DemoCase;
import org.chainline.cases.Scope;
import org.chainline.cases.CaseRole;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.access.Roles;
import org.chainline.journal.GraphCheck;
import org.chainline.journal.Projector;
import org.chainline.sanctions.GapReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The home page over HTTP: how the stores are, as the health endpoint says it, and the gap report as the API keeps it. */
@MicronautTest(transactional = false)
class HomePageTest extends ChainlineTest {

    @Inject
    TestApplication app;
    @Inject
    GraphCheck check;
    @Inject
    Projector projector;
    @Inject
    GapReport gaps;

    String viewer;

    @BeforeAll
    void setUp() {
        app.loadDemo();
        viewer = app.token(Roles.VIEWER);
        // after the last write (the viewer's account is journaled too): the graph then stands still for the tests
        projector.catchUp();
    }

    @Test
    void aConsistentGraphCheckReadsAsOneOnTheHomePage() {
        assertEquals("consistent", check.check().status());
        String home = app.client().toBlocking().retrieve(HttpRequest.GET("/").bearerAuth(viewer));
        assertTrue(home.contains("the graph matches the journal"), home);
        assertFalse(home.contains("run a rebuild") || home.contains("graph rebuild"), "a consistent graph needs no rebuild");
        assertTrue(home.contains("up to date"), home);
    }

    @Test
    void theGapReportIsMadeOncePerPositionForThePageAndTheApiAlike() {
        // the viewer's cases: the demo's (a kept report is one set of cases')
        Scope demo = Scope.of("anyone in the demo case", Map.of(DemoCase.CASE, CaseRole.VIEWER));
        GapReport.Report first = gaps.current(demo, "eu-ghrsr", null);
        assertSame(first, gaps.current(demo, "eu-ghrsr", null), "kept while nothing moved");
        assertTrue(gaps.ifKept(demo, "eu-ghrsr", null).isPresent());
        assertTrue(gaps.ifKept(Scope.of("someone elsewhere", Map.of("case-elsewhere", CaseRole.VIEWER)), "eu-ghrsr", null).isEmpty(),
                "nobody is shown a report made over cases it is not in");
        assertTrue(gaps.current(Scope.of("someone elsewhere", Map.of("case-elsewhere", CaseRole.VIEWER)), "eu-ghrsr", null)
                .rows().isEmpty(), "a case holding nothing has no gaps");
        app.client().toBlocking().retrieve(HttpRequest.GET("/api/sanctions/gaps?regime=eu-ghrsr").bearerAuth(viewer));
        assertSame(first, gaps.current(demo, "eu-ghrsr", null), "the API read the kept report");
        String home = app.client().toBlocking().retrieve(HttpRequest.GET("/?regime=eu-ghrsr").bearerAuth(viewer));
        if (!first.rows().isEmpty()) {
            assertTrue(home.contains(first.rows().getFirst().person()), "the home page shows the kept rows at once");
        }
    }
}
