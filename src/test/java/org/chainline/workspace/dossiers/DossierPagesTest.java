package org.chainline.workspace.dossiers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.TestReviews;
import org.chainline.access.Roles;
import org.chainline.demo.DemoCase;
import org.chainline.registry.imports.RecordImport;
import org.chainline.review.ClaimReviews;
import org.chainline.security.Accounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Dossiers screen over HTTP: a form that succeeds answers 303 to the page that shows what it did, so a refresh
 * posts nothing again; the page says it from a code, never from text in the link.
 */
@MicronautTest(transactional = false)
class DossierPagesTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Accounts accounts;
    @Inject
    DemoCase demo;
    @Inject
    ClaimReviews reviews;

    String author;
    String approver;
    String dossier;

    @BeforeAll
    void setUp() throws Exception {
        assertTrue(demo.load("tester", RecordImport.Progress.NONE).records().applied());
        TestReviews.acceptAll(reviews);
        author = TestLogins.tokenFor(accounts, client, Roles.COUNSEL);
        approver = TestLogins.tokenFor(accounts, client, Roles.COUNSEL);
        dossier = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/api/dossiers?wait=true",
                "{\"subject\": \"p-otegulov\", \"regime\": \"uk-ghr\"}").bearerAuth(author))).get("id").asText();
    }

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;
    /** A browser's form post, whose redirect is read rather than followed. */
    final java.net.http.HttpClient forms = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();

    java.net.http.HttpResponse<String> post(String path, String token) throws Exception {
        return forms.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + server.getPort() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void approvingAnswers303ToThePageThatSaysSoAndARefreshPostsNothing() throws Exception {
        var own = post("/dossiers/" + dossier + "/approve", author);
        assertEquals(422, own.statusCode(), "its author cannot approve it: the same page, with the error");
        assertTrue(own.body().contains("another member of counsel must approve it"));

        var approved = post("/dossiers/" + dossier + "/approve", approver);
        assertEquals(303, approved.statusCode());
        String location = approved.headers().firstValue("Location").orElseThrow();
        assertEquals("/dossiers/" + dossier + "?done=approved", location);
        String page = client.toBlocking().retrieve(HttpRequest.GET(location).bearerAuth(approver));
        assertTrue(page.contains("Approved by you: the PDF to download and submit is the approved one"), page);
        String seenByAuthor = client.toBlocking().retrieve(HttpRequest.GET(location).bearerAuth(author));
        assertTrue(seenByAuthor.contains("Approved by " + approverName()), "others read who approved it");
    }

    String approverName() {
        try {
            return JSON.readTree(client.toBlocking().retrieve(HttpRequest.GET("/api/me").bearerAuth(approver))).get("username").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCheckAnswers303AndThePageSaysWhatItFound() throws Exception {
        var checked = post("/dossiers/" + dossier + "/regenerate", author);
        assertEquals(303, checked.statusCode());
        String location = checked.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches("/dossiers/" + dossier + "\\?done=same:[0-9a-f]{64}"), location);
        String page = client.toBlocking().retrieve(HttpRequest.GET(location).bearerAuth(author));
        assertTrue(page.contains("byte for byte the same PDF"), page);
    }

    @Test
    void textInTheLinkIsNeverShownAsTheApplicationsOwn() {
        String page = client.toBlocking().retrieve(HttpRequest.GET("/dossiers/" + dossier + "?done=Approved%20by%20the%20minister")
                .bearerAuth(author));
        assertFalse(page.contains("the minister"));
        String notYet = client.toBlocking().retrieve(HttpRequest.GET("/dossiers/" + dossier + "?done=same:zz").bearerAuth(author));
        assertFalse(notYet.contains("byte for byte"));
    }
}
