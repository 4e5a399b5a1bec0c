package org.chainline.workspace.counsel;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.access.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Counsel's text over HTTP: every citation that does not resolve, at its own text, in one answer; a saved version's 303. */
@MicronautTest(transactional = false)
class CounselScreenTest extends ChainlineTest {

    static final String PAGE = "/counsel/p-abdigaliyev/us-glomag";

    @Inject
    TestApplication app;

    String counsel;

    @BeforeAll
    void setUp() {
        app.loadReviewedDemo();
        counsel = app.token(Roles.COUNSEL);
    }

    @Test
    void everyDanglingCitationIsShownAtItsTextInOneAnswerAndNothingIsSaved() {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("version", "0");
        sent.put("letter", "We ask for the designation [[post-abdigaliyev]] on the order book [[ev-nowhere]].");
        sent.put("impact", "His son studies abroad [[p-kostrov]].");
        TestApplication.Answer refused = app.form(PAGE, counsel, sent);
        assertEquals(422, refused.status());
        String page = refused.body();
        assertTrue(page.contains("href=\"#f-letter\"") && page.contains("href=\"#f-impact\""), "both in the summary: " + page);
        assertTrue(page.contains("Request letter: [[ev-nowhere]] names no claim or evidence item"), page);
        assertTrue(page.contains("Why designating the subject matters: [[p-kostrov]] names a Person"), page);
        assertTrue(page.contains("His son studies abroad [[p-kostrov]]."), "what was written is kept");
        assertFalse(app.page(PAGE, counsel).body().contains("[[ev-nowhere]]"), "nothing was saved");
    }

    @Test
    void aSavedVersionAnswers303ToThePageThatSaysSo() {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("version", "0");
        sent.put("summary", "A regiment commander on the day [[post-abdigaliyev]].");
        TestApplication.Answer saved = app.form(PAGE, counsel, sent);
        assertEquals(303, saved.status(), saved.body());
        assertTrue(saved.location().startsWith(PAGE + "?saved="), saved.location());
        assertTrue(app.page(saved.location(), counsel).body().contains("Saved as version 1."));
        assertEquals(404, app.page("/counsel/p-nobody/us-glomag", counsel).status());
        assertEquals(403, app.page(PAGE, app.token(Roles.ANALYST)).status(), "counsel's text is counsel's");
    }
}
