package org.chainline.workspace.dossiers;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
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

/**
 * The Dossiers screen over HTTP: a form that succeeds answers 303 to the page that shows what it did, so a refresh
 * posts nothing again; the page says it from a code, never from text in the link; a refused order shows every error.
 */
@MicronautTest(transactional = false)
class DossierPagesTest extends ChainlineTest {

    @Inject
    TestApplication app;

    String author;
    String approver;
    String dossier;

    @BeforeAll
    void setUp() {
        app.loadReviewedDemo();
        author = app.token(Roles.COUNSEL);
        approver = app.token(Roles.COUNSEL);
        dossier = app.send(HttpRequest.POST("/api/dossiers?wait=true", "{\"subject\": \"p-otegulov\", \"regime\": \"uk-ghr\"}"), author)
                .get("id").asText();
    }

    @Test
    void approvingAnswers303ToThePageThatSaysSoAndARefreshPostsNothing() {
        var own = app.form("/dossiers/" + dossier + "/approve", author, Map.of());
        assertEquals(422, own.status(), "its author cannot approve it: the same page, with the error");
        assertTrue(own.body().contains("another member of counsel must approve it"));

        var approved = app.form("/dossiers/" + dossier + "/approve", approver, Map.of());
        assertEquals(303, approved.status());
        assertEquals("/dossiers/" + dossier + "?done=approved", approved.location());
        String page = app.page(approved.location(), approver).body();
        assertTrue(page.contains("Approved by you: the PDF to download and submit is the approved one"), page);
        String approverName = app.send(HttpRequest.GET("/api/me"), approver).get("username").asText();
        assertTrue(app.page(approved.location(), author).body().contains("Approved by " + approverName), "others read who approved it");
    }

    @Test
    void theCheckAnswers303AndThePageSaysWhatItFound() {
        var checked = app.form("/dossiers/" + dossier + "/regenerate", author, Map.of());
        assertEquals(303, checked.status());
        assertTrue(checked.location().matches("/dossiers/" + dossier + "\\?done=same:[0-9a-f]{64}"), checked.location());
        assertTrue(app.page(checked.location(), author).body().contains("byte for byte the same PDF"));
    }

    @Test
    void textInTheLinkIsNeverShownAsTheApplicationsOwn() {
        assertFalse(app.page("/dossiers/" + dossier + "?done=Approved%20by%20the%20minister", author).body().contains("the minister"));
        assertFalse(app.page("/dossiers/" + dossier + "?done=same:zz", author).body().contains("byte for byte"));
    }

    @Test
    void anOrderWithSeveralMistakesShowsEveryOneAtItsFieldAndStartsNoJob() {
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("subject", "p-nobody");
        sent.put("regime", "xx-nowhere");
        sent.put("audience", "the-press");
        TestApplication.Answer refused = app.form("/dossiers", author, sent);
        assertEquals(422, refused.status(), refused.body());
        String page = refused.body();
        for (String field : new String[]{"subject", "regime", "audience"}) {
            assertTrue(page.contains("href=\"#f-" + field + "\""), field + " in the summary: " + page);
        }
        assertTrue(page.contains("Subject is not a person's id: p-nobody"), page);
        assertEquals(3, page.split("class=\"field-error\"", -1).length - 1, "each at its field");
        assertTrue(page.contains("value=\"p-nobody\""), "what was sent is kept");

        var api = app.refused(HttpRequest.POST("/api/dossiers", "{\"subject\": \"p-nobody\", \"regime\": \"xx-nowhere\"}"), author,
                HttpStatus.BAD_REQUEST);
        assertEquals("subject", api.get("field").asText());
        assertEquals(2, api.get("problems").size(), "the API lists every problem too: " + api);
        assertEquals("regime", api.get("problems").get(1).get("field").asText());
    }
}
