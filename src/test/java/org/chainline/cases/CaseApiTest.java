package org.chainline.cases;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.access.Roles;
import org.chainline.journal.Journal;
import org.chainline.security.Accounts;
import org.chainline.web.ApiError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class CaseApiTest extends ChainlineTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Accounts accounts;
    @Inject
    Journal journal;

    String counsel;
    String viewer;
    String viewerName;

    @BeforeAll
    void logins() {
        counsel = TestLogins.tokenFor(accounts, client, Roles.COUNSEL);
        TestLogins.Login v = TestLogins.loginFor(accounts, client, Roles.VIEWER);
        viewer = v.token();
        viewerName = v.username();
    }

    /** A case opened by counsel, who owns it, with the viewer added as a member. */
    private Case open(String title, String summary) {
        HttpResponse<Case> created = client.toBlocking().exchange(HttpRequest.POST("/api/cases",
                Map.of("title", title, "summary", summary, "reason", "new lead")).bearerAuth(counsel), Case.class);
        assertEquals(HttpStatus.CREATED, created.status());
        Case c = created.body();
        assertEquals("/api/cases/" + c.id(), created.header("Location"));
        client.toBlocking().exchange(HttpRequest.POST("/api/cases/" + c.id() + "/members",
                Map.of("account", viewerName, "role", "viewer", "reason", "reads the case")).bearerAuth(counsel));
        return c;
    }

    @Test
    void counselOpensRevisesAndClosesACaseAndEachStepIsJournaled() {
        long head = journal.head().seq();
        Case opened = open("Fuel-price protests in Zhanatal", "Қаңтар оқиғалары: shootings on the square");
        assertEquals("open", opened.status());
        assertEquals("Қаңтар оқиғалары: shootings on the square", opened.summary());

        Case read = client.toBlocking().retrieve(HttpRequest.GET("/api/cases/" + opened.id()).bearerAuth(viewer), Case.class);
        assertEquals(opened.title(), read.title());

        Case revised = client.toBlocking().retrieve(HttpRequest.PATCH("/api/cases/" + opened.id(),
                Map.of("title", "Zhanatal protests, January")).bearerAuth(counsel), Case.class);
        assertEquals("Zhanatal protests, January", revised.title());
        assertEquals(opened.summary(), revised.summary());

        Case closed = client.toBlocking().retrieve(HttpRequest.POST("/api/cases/" + opened.id() + "/close",
                Map.of("reason", "dossier submitted")).bearerAuth(counsel), Case.class);
        assertEquals("closed", closed.status());
        assertNotNull(closed.closedAt());

        var entries = journal.after(head, 10);
        assertEquals(List.of("case.opened", "case.member-added", "case.member-added", "case.revised", "case.closed"),
                entries.stream().map(e -> e.kind()).toList());
        assertTrue(entries.stream().allMatch(e -> e.targetId().equals(opened.id())));
        assertEquals("dossier submitted", entries.getLast().reason());
    }

    @Test
    void listingShowsOpenCasesToAViewer() {
        Case c = open("Listed case", "x");
        List<Case> open = client.toBlocking().retrieve(HttpRequest.GET("/api/cases?status=open").bearerAuth(viewer),
                Argument.listOf(Case.class));
        assertTrue(open.stream().anyMatch(x -> x.id().equals(c.id())));
    }

    @Test
    void closingTwiceIsAConflict() {
        Case c = open("Closed twice", "x");
        client.toBlocking().exchange(HttpRequest.POST("/api/cases/" + c.id() + "/close", Map.of()).bearerAuth(counsel));
        ApiError e = error(HttpRequest.POST("/api/cases/" + c.id() + "/close", Map.of()).bearerAuth(counsel));
        assertEquals(409, e.status());
        assertTrue(e.message().contains("already closed"), e.message());
    }

    @Test
    void aTitleThatIsNotTextIsRefusedRatherThanTakenAsText() {
        long head = journal.head().seq();
        ApiError e = error(HttpRequest.POST("/api/cases", Map.of("title", 5, "summary", "a number for a title")).bearerAuth(counsel));
        assertEquals(400, e.status());
        assertEquals("title", e.field());
        assertEquals("title: expected text, got a number", e.message());
        assertEquals(head, journal.head().seq(), "nothing was written");
    }

    @Test
    void aMissingTitleIsRefusedNamingTheField() {
        ApiError e = error(HttpRequest.POST("/api/cases", Map.of("summary", "no title")).bearerAuth(counsel));
        assertEquals(400, e.status());
        assertEquals("title", e.field());
        assertEquals("title is required", e.message());
    }

    @Test
    void controlCharactersAndOverlongTextAreRefusedAndNothingIsWritten() {
        long head = journal.head().seq();
        ApiError nul = error(HttpRequest.POST("/api/cases", Map.of("title", "bad\u0000title")).bearerAuth(counsel));
        assertEquals(400, nul.status());
        assertEquals("title", nul.field());
        ApiError longTitle = error(HttpRequest.POST("/api/cases", Map.of("title", "x".repeat(201))).bearerAuth(counsel));
        assertEquals("title", longTitle.field());
        assertTrue(longTitle.message().contains("at most 200"), longTitle.message());
        assertEquals(head, journal.head().seq());
    }

    @Test
    void malformedJsonAndWrongTypesAreRefusedWithA400() {
        ApiError malformed = error(HttpRequest.POST("/api/cases", "{\"title\": ").contentType(MediaType.APPLICATION_JSON)
                .bearerAuth(counsel));
        assertEquals(400, malformed.status());
        assertTrue(malformed.message().toLowerCase().contains("json"), malformed.message());
        ApiError wrongType = error(HttpRequest.POST("/api/cases", "{\"title\": {\"nested\": true}}")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(counsel));
        assertEquals(400, wrongType.status());
    }

    @Test
    void anUnknownCaseIs404() {
        ApiError e = error(HttpRequest.GET("/api/cases/case-nope").bearerAuth(viewer));
        assertEquals(404, e.status());
        assertEquals("no case with id case-nope", e.message());
    }

    @Test
    void aViewerCannotOpenACaseAndNobodyWithoutATokenCanRead() {
        ApiError forbidden = error(HttpRequest.POST("/api/cases", Map.of("title", "t")).bearerAuth(viewer));
        assertEquals(403, forbidden.status());
        ApiError anonymous = error(HttpRequest.GET("/api/cases"));
        assertEquals(401, anonymous.status());
    }

    private ApiError error(HttpRequest<?> request) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, Argument.of(String.class), Argument.of(ApiError.class)));
        ApiError body = e.getResponse().getBody(ApiError.class).orElseThrow(() -> new AssertionError(
                "no error body for " + request.getPath() + ": " + e.getResponse().getBody(String.class).orElse("")));
        assertEquals(e.getStatus().getCode(), body.status());
        return body;
    }
}
