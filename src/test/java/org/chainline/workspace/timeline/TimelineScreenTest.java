package org.chainline.workspace.timeline;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.chainline.TestApplication;
import org.chainline.workspace.ReadingScreenTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline over HTTP: a person's postings and incidents, a unit's commanders and incidents, drawn and tabled. */
@MicronautTest(transactional = false)
class TimelineScreenTest extends ReadingScreenTest {

    @Test
    void aPersonsAndAUnitsTimelinesDrawAndTableWhatHappened() {
        TestApplication.Answer person = app.page("/records/person/p-abdigaliyev/timeline", viewer);
        assertEquals(200, person.status());
        assertTrue(person.body().contains("<svg") && person.body().contains("Freedom Square"), person.body());
        TestApplication.Answer unit = app.page("/records/unit/u-rrr7/timeline", viewer);
        assertEquals(200, unit.status());
        assertTrue(unit.body().contains("Жақсыбеков") && unit.body().contains("Sniper fire on protesters in Freedom Square"), unit.body());
        assertEquals(404, app.page("/records/person/p-nobody/timeline", viewer).status());
    }
}
