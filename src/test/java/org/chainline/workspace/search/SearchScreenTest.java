package org.chainline.workspace.search;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.chainline.TestApplication;
import org.chainline.workspace.ReadingScreenTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search screen over HTTP: a spelling in another script finds the record; a search it cannot run says why. */
@MicronautTest(transactional = false)
class SearchScreenTest extends ReadingScreenTest {

    @Test
    void aLatinSpellingFindsTheCyrillicPersonAndAnUnsearchableQueryIsRefusedAtTheField() {
        TestApplication.Answer found = app.page("/search?q=Abdigaliyev", viewer);
        assertEquals(200, found.status());
        assertTrue(found.body().contains("Nurlan Abdigaliyev") && found.body().contains("/records/person/p-abdigaliyev"), found.body());
        TestApplication.Answer refused = app.page("/search?q=%21%21%21", viewer);
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("error-summary") && refused.body().contains("letters or digits"), refused.body());
        assertEquals(200, app.page("/search", viewer).status(), "the empty form");
    }

    @Test
    void signedOutTheSearchGoesToSignInAndComesBack() {
        TestApplication.Answer out = app.page("/search?q=Abdigaliyev", null);
        assertEquals(303, out.status());
        assertTrue(out.location().startsWith("/sign-in?next="), out.location());
    }
}
