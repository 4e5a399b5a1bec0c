package org.chainline.workspace.chain;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.chainline.TestApplication;
import org.chainline.workspace.ReadingScreenTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chain of command over HTTP: the commander of the date asked, the section alone for htmx, a date that is no day. */
@MicronautTest(transactional = false)
class ChainScreenTest extends ReadingScreenTest {

    @Test
    void theCommanderIsTheOneOfTheDateAsked() {
        TestApplication.Answer before = app.page("/units/u-rrr7/chain?date=2025-03-03", viewer);
        assertEquals(200, before.status());
        assertTrue(before.body().contains("Zhaksybekov") && before.body().contains("<svg"), before.body());
        TestApplication.Answer after = app.page("/units/u-rrr7/chain?date=2025-03-06", viewer);
        assertTrue(after.body().contains("6 March 2025") && after.body().contains("Abdigaliyev"), after.body());
    }

    @Test
    void htmxGetsTheSectionAloneAndWhatCannotBeShownIsSaid() {
        TestApplication.Answer section = app.exchange("/units/u-rrr7/chain?date=2025-03-06", viewer, "HX-Request", "true");
        assertEquals(200, section.status());
        assertFalse(section.body().contains("<html"), "a fragment, not a page");
        assertTrue(section.body().contains("Abdigaliyev"));
        assertEquals(400, app.page("/units/u-rrr7/chain?date=2025-02-30", viewer).status(), "a day the calendar does not have");
        assertEquals(404, app.page("/units/u-nowhere/chain", viewer).status());
    }
}
