package org.chainline.workspace.liability;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.chainline.TestApplication;
import org.chainline.workspace.ReadingScreenTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Liability over HTTP: a person's paths with their legal test, an incident's persons, and what it is not asked of. */
@MicronautTest(transactional = false)
class LiabilityScreenTest extends ReadingScreenTest {

    @Test
    void aPersonsPathsNameTheirTestAndAnIncidentRanksItsPersons() {
        TestApplication.Answer person = app.page("/records/person/p-abdigaliyev/liability", viewer);
        assertEquals(200, person.status());
        assertTrue(person.body().contains("art. 28") && person.body().contains("class=\"card path\""), person.body());
        TestApplication.Answer incident = app.page("/records/incident/i-freedom-square/liability", viewer);
        assertEquals(200, incident.status());
        assertTrue(incident.body().contains("/records/person/p-abdigaliyev"), incident.body());
    }

    @Test
    void whatLiabilityIsNotAskedOfIsNotFound() {
        assertEquals(404, app.page("/records/unit/u-rrr7/liability", viewer).status(), "a unit is not liable; its people are");
        assertEquals(404, app.page("/records/person/p-nobody/liability", viewer).status());
        assertEquals(303, app.page("/records/person/p-abdigaliyev/liability", null).status(), "signed out: to sign in");
    }
}
