package org.chainline.submissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.access.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A dossier version submitted, followed through its responses to a designation that becomes a Sanction. */
@MicronautTest(transactional = false)
class SubmissionsApiTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestApplication app;

    String counsel;
    String analyst;
    JsonNode dossier;

    @BeforeAll
    void setUp() throws Exception {
        counsel = app.token(Roles.COUNSEL);
        analyst = app.token(Roles.ANALYST);
        app.loadDemo();
        JsonNode draft = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.POST("/api/dossiers?wait=true",
                "{\"subject\": \"p-abdigaliyev\", \"regime\": \"uk-ghr\"}").bearerAuth(counsel), String.class));
        // a submission records an approved version: a second member of counsel approves this one
        String approver = app.token(Roles.COUNSEL);
        dossier = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.POST("/api/dossiers/" + draft.get("id").asText() + "/approve", "")
                .bearerAuth(approver), String.class));
        ((ObjectNode) dossier).put("sha256", dossier.get("approval").get("sha256").asText());
    }

    JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> r = app.client().toBlocking().exchange(HttpRequest.POST(path, body)
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(counsel), String.class);
        assertEquals(HttpStatus.CREATED, r.getStatus());
        return JSON.readTree(r.body());
    }

    JsonNode get(String path) throws Exception {
        return JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(counsel), String.class));
    }

    JsonNode refused(MutableHttpRequest<?> request, HttpStatus status) {
        return app.refused(request, counsel, status);
    }

    @Test
    void aSubmissionIsFollowedToADesignationThatBecomesASanction() throws Exception {
        String sha256 = dossier.path("sha256").asText();
        JsonNode submission = post("/api/submissions", JSON.createObjectNode().put("sha256", sha256)
                .put("submittedOn", "2026-10-01").put("channel", "email").put("reference", "FCDO-NGO-2026-114").toString());
        String id = submission.path("id").asText();
        assertEquals(dossier.path("id").asText(), submission.path("dossier").asText(), "the version is found by its hash");
        assertEquals("p-abdigaliyev", submission.path("subject").asText());
        assertEquals("submitted", submission.path("status").asText());
        assertFalse(submission.path("authority").asText().isBlank(), "the regime's addressee by default");
        assertEquals(counsel.isEmpty() ? "" : submission.path("submittedBy").asText(), submission.path("submittedBy").asText());

        post("/api/submissions/" + id + "/responses", "{\"status\": \"acknowledged\", \"receivedOn\": \"2026-10-03\", "
                + "\"summary\": \"Receipt acknowledged by e-mail\"}");
        // A response document, kept in the evidence locker, is attached by its item.
        String letter = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.POST("/api/evidence/files?fileName=fcdo-reply.txt"
                + "&kind=document&title=FCDO%20reply", "Fictional reply: the designation is under consideration.")
                .contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(analyst), String.class)).path("evidence").asText();
        post("/api/submissions/" + id + "/responses", "{\"status\": \"under-review\", \"receivedOn\": \"2026-10-20\", "
                + "\"evidence\": \"" + letter + "\"}");
        assertTrue(get("/api/sanctions/gaps?regime=uk-ghr").toString().contains("p-abdigaliyev"));

        JsonNode designated = post("/api/submissions/" + id + "/responses", "{\"status\": \"designated\", \"receivedOn\": \"2026-11-20\", "
                + "\"listingDate\": \"2026-11-18\"}");
        assertEquals("designated", designated.path("status").asText());
        assertEquals(3, designated.path("responses").size());
        assertEquals(letter, designated.path("responses").get(1).path("evidence").asText());
        String sanction = designated.path("responses").get(2).path("sanction").asText();
        assertTrue(sanction.startsWith("sanction-"), designated::toString);

        JsonNode status = get("/api/sanctions/designations/p-abdigaliyev");
        assertEquals("[\"GB\"]", status.path("activeJurisdictions").toString());
        JsonNode d = status.path("designations").get(0);
        assertEquals("submission", d.path("basis").asText());
        assertEquals(id, d.path("submission").asText());
        assertEquals("2026-11-18", d.path("since").asText());
        assertFalse(get("/api/sanctions/gaps?regime=uk-ghr").toString().contains("p-abdigaliyev"), "designated: no longer a gap");

        // A new dossier version now names the designation.
        JsonNode next = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.POST("/api/dossiers?wait=true",
                "{\"subject\": \"p-abdigaliyev\", \"regime\": \"eu-ghrsr\"}").bearerAuth(counsel), String.class));
        String content = app.client().toBlocking().retrieve(HttpRequest.GET("/api/dossiers/" + next.path("id").asText() + "/content")
                .bearerAuth(counsel));
        assertTrue(content.contains("GB: UK Global Human Rights") && content.contains("outcome of our submission " + id), content);

        // Final means final; the lists find it.
        assertEquals("status", refused(HttpRequest.POST("/api/submissions/" + id + "/responses",
                "{\"status\": \"rejected\", \"receivedOn\": \"2026-11-21\"}"), HttpStatus.CONFLICT).path("field").asText());
        assertEquals(id, get("/api/submissions?subject=p-abdigaliyev").get(0).path("id").asText());
        assertEquals(id, get("/api/submissions?dossier=" + dossier.path("id").asText()).get(0).path("id").asText());
    }

    @Test
    void badSubmissionsAndResponsesAreRefusedNamingTheField() throws Exception {
        String tomorrow = LocalDate.now().plusDays(2).toString();
        assertEquals("dossier", refused(HttpRequest.POST("/api/submissions", "{\"dossier\": \"nope\", \"submittedOn\": \"2026-10-01\"}"),
                HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("sha256", refused(HttpRequest.POST("/api/submissions", "{\"sha256\": \"" + "0".repeat(64) + "\", \"submittedOn\": \"2026-10-01\"}"),
                HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("submittedOn", refused(HttpRequest.POST("/api/submissions", "{\"dossier\": \"" + dossier.path("id").asText()
                + "\", \"submittedOn\": \"" + tomorrow + "\"}"), HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("submittedOn", refused(HttpRequest.POST("/api/submissions", "{\"dossier\": \"" + dossier.path("id").asText()
                + "\", \"submittedOn\": 20261001}"), HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("channel", refused(HttpRequest.POST("/api/submissions", "{\"dossier\": \"" + dossier.path("id").asText()
                + "\", \"submittedOn\": \"2026-10-01\", \"channel\": \"pigeon\"}"), HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("colour", refused(HttpRequest.POST("/api/submissions", "{\"dossier\": \"" + dossier.path("id").asText()
                + "\", \"submittedOn\": \"2026-10-01\", \"colour\": \"red\"}"), HttpStatus.BAD_REQUEST).path("field").asText());
        JsonNode s = post("/api/submissions", "{\"dossier\": \"" + dossier.path("id").asText() + "\", \"submittedOn\": \"2026-10-01\"}");
        String responses = "/api/submissions/" + s.path("id").asText() + "/responses";
        assertEquals("status", refused(HttpRequest.POST(responses, "{\"status\": \"won\", \"receivedOn\": \"2026-10-02\"}"),
                HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("receivedOn", refused(HttpRequest.POST(responses, "{\"status\": \"acknowledged\", \"receivedOn\": \"2026-09-01\"}"),
                HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("evidence", refused(HttpRequest.POST(responses, "{\"status\": \"acknowledged\", \"receivedOn\": \"2026-10-02\", "
                + "\"evidence\": \"ev-nothing\"}"), HttpStatus.BAD_REQUEST).path("field").asText());
        assertEquals("program", refused(HttpRequest.POST(responses, "{\"status\": \"acknowledged\", \"receivedOn\": \"2026-10-02\", "
                + "\"program\": \"X\"}"), HttpStatus.BAD_REQUEST).path("field").asText());
        post(responses, "{\"status\": \"under-review\", \"receivedOn\": \"2026-10-05\"}");
        assertEquals("status", refused(HttpRequest.POST(responses, "{\"status\": \"acknowledged\", \"receivedOn\": \"2026-10-06\"}"),
                HttpStatus.CONFLICT).path("field").asText());
        assertEquals("under-review", get("/api/submissions/" + s.path("id").asText()).path("status").asText(), "nothing half-applied");
        refused(HttpRequest.POST("/api/submissions/sub-nothing/responses", "{\"status\": \"acknowledged\", \"receivedOn\": \"2026-10-02\"}"),
                HttpStatus.NOT_FOUND);
        // Submissions are counsel's: an analyst is refused.
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking().exchange(
                HttpRequest.GET("/api/submissions").bearerAuth(analyst)));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
    }
}
