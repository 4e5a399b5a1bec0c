package org.chainline.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.access.Roles;
import org.chainline.demo.DemoCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Claim review over HTTP: four eyes, a change that reopens an accepted claim, bulk decisions, the queue and history. */
@MicronautTest(transactional = false)
class ClaimReviewTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestApplication app;

    String author;
    String reviewer;
    String analyst;

    @BeforeAll
    void setUp() {
        app.loadDemo();
        author = app.token(Roles.COUNSEL);
        reviewer = app.token(Roles.COUNSEL);
        analyst = app.token(Roles.ANALYST);
    }

    JsonNode send(MutableHttpRequest<?> request, String token) {
        return app.send(request, token);
    }

    JsonNode refused(MutableHttpRequest<?> request, String token, HttpStatus status) {
        return app.refused(request, token, status);
    }

    static MutableHttpRequest<String> decide(String body) {
        return HttpRequest.POST("/api/reviews", body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    JsonNode newPosting(String id) throws Exception {
        return send(HttpRequest.POST("/api/postings", "{\"id\": \"" + id + "\", \"person\": \"p-kassymov\", \"unit\": \"u-ng\","
                + " \"role\": \"member\", \"start\": \"2019\", \"citations\": [{\"evidence\": \"ev-decree-ng\"}]}")
                .contentType(MediaType.APPLICATION_JSON_TYPE), author);
    }

    @Test
    void theAuthorCannotAcceptTheirOwnClaimAndASecondCounselCan() throws Exception {
        newPosting("post-review-1");
        JsonNode state = send(HttpRequest.GET("/api/claims/post-review-1/review"), author).get("state");
        assertEquals("proposed", state.get("state").asText());
        JsonNode refusal = refused(decide("{\"claims\": [\"post-review-1\"], \"decision\": \"accept\"}"), author, HttpStatus.FORBIDDEN);
        assertTrue(refusal.toString().contains("someone who wrote none of its versions must accept it"), refusal::toString);
        refused(decide("{\"claims\": [\"post-review-1\"], \"decision\": \"accept\"}"), analyst, HttpStatus.FORBIDDEN);

        JsonNode accepted = send(decide("{\"claims\": [{\"claim\": \"post-review-1\", \"version\": 1}], \"decision\": \"accept\","
                + " \"note\": \"matches the decree\"}"), reviewer);
        assertEquals("accepted", accepted.get(0).get("state").asText());
        assertNotNull(accepted.get(0).get("reviewedBy").asText());
        JsonNode history = send(HttpRequest.GET("/api/claims/post-review-1/review"), author).get("history");
        assertEquals(1, history.size());
        assertEquals("matches the decree", history.get(0).get("note").asText());
    }

    @Test
    void nobodyWhoWroteAnyVersionAcceptsTheClaimAfterSomeoneElsesTrivialChange() throws Exception {
        newPosting("post-review-eyes");
        // the analyst's trivial change makes the analyst the author of the current version; the claim is still the author's
        send(HttpRequest.PATCH("/api/postings/post-review-eyes", "{\"note\": \"typo\", \"reason\": \"typo\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE), analyst);
        JsonNode state = send(HttpRequest.GET("/api/claims/post-review-eyes/review"), author).get("state");
        assertEquals(2, state.get("authors").size(), state::toString);
        refused(decide("{\"claims\": [\"post-review-eyes\"], \"decision\": \"accept\"}"), author, HttpStatus.FORBIDDEN);
        String secondAnalystCounsel = app.token(Roles.COUNSEL);
        send(HttpRequest.PATCH("/api/postings/post-review-eyes", "{\"note\": \"typo fixed\", \"reason\": \"typo\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE), secondAnalystCounsel);
        refused(decide("{\"claims\": [\"post-review-eyes\"], \"decision\": \"accept\"}"), secondAnalystCounsel, HttpStatus.FORBIDDEN);
        JsonNode accepted = send(decide("{\"claims\": [\"post-review-eyes\"], \"decision\": \"accept\"}"), reviewer);
        assertEquals("accepted", accepted.get(0).get("state").asText());
    }

    @Test
    void aChangedAcceptedClaimIsProposedAgainAndAStaleVersionIsRefused() throws Exception {
        newPosting("post-review-2");
        send(decide("{\"claims\": [\"post-review-2\"], \"decision\": \"accept\"}"), reviewer);
        send(HttpRequest.PATCH("/api/postings/post-review-2", "{\"start\": \"2018\", \"reason\": \"earlier decree\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE), author);
        JsonNode state = send(HttpRequest.GET("/api/claims/post-review-2/review"), author).get("state");
        assertEquals("proposed", state.get("state").asText());
        assertEquals(2, state.get("version").asInt());
        JsonNode stale = refused(decide("{\"claims\": [{\"claim\": \"post-review-2\", \"version\": 1}], \"decision\": \"accept\"}"),
                reviewer, HttpStatus.CONFLICT);
        assertEquals("version", stale.path("field").asText(), stale::toString);
        // the history keeps the first acceptance: nothing is edited
        assertEquals(1, send(HttpRequest.GET("/api/claims/post-review-2/review"), author).get("history").size());
    }

    @Test
    void aBulkDecisionIsAllOrNothingAndTheQueueResumesAfterWhatWasLeftForNow() throws Exception {
        newPosting("post-review-3");
        newPosting("post-review-4");
        // one of the two is the reviewer's own: nothing is accepted
        String own = send(HttpRequest.POST("/api/postings", "{\"id\": \"post-review-5\", \"person\": \"p-kassymov\", \"unit\": \"u-ng\","
                + " \"role\": \"member\", \"start\": \"2017\"}").contentType(MediaType.APPLICATION_JSON_TYPE), reviewer).get("id").asText();
        refused(decide("{\"claims\": [\"post-review-3\", \"" + own + "\"], \"decision\": \"accept\"}"), reviewer, HttpStatus.FORBIDDEN);
        assertEquals("proposed", send(HttpRequest.GET("/api/claims/post-review-3/review"), author).get("state").get("state").asText());
        refused(decide("{\"claims\": [\"post-review-3\"], \"decision\": \"reject\"}"), reviewer, HttpStatus.BAD_REQUEST);
        refused(decide("{\"claims\": [\"no-such-claim\"], \"decision\": \"accept\"}"), reviewer, HttpStatus.NOT_FOUND);
        refused(decide("{\"claims\": [\"post-review-3\"], \"decision\": \"approve\"}"), reviewer, HttpStatus.BAD_REQUEST);

        send(decide("{\"claims\": [\"post-review-3\"], \"decision\": \"defer\", \"note\": \"ask the researcher\"}"), reviewer);
        JsonNode queue = send(HttpRequest.GET("/api/reviews?limit=500"), reviewer);
        String last = queue.get(queue.size() - 1).get("review").get("claim").asText();
        assertEquals("post-review-3", last, "a claim left for now comes after the others");
        assertEquals("ask the researcher", queue.get(queue.size() - 1).get("review").get("deferredNote").asText());
        JsonNode others = send(HttpRequest.GET("/api/reviews?limit=500"), author);
        assertTrue(others.get(others.size() - 1).get("review").get("claim").asText().equals("post-review-4")
                || !others.get(others.size() - 1).get("review").get("claim").asText().equals("post-review-3"),
                "another reviewer's queue keeps its order");
        JsonNode first = queue.get(0);
        assertNotNull(first.get("claim").get("summary").asText(), "each claim comes with what it says");

        send(decide("{\"claims\": [\"post-review-3\", \"post-review-4\"], \"decision\": \"accept\"}"), reviewer);
        JsonNode after = send(HttpRequest.GET("/api/reviews?limit=500"), reviewer);
        for (JsonNode item : after) {
            assertTrue(!item.get("review").get("claim").asText().matches("post-review-[34]"), "decided claims leave the queue");
        }
    }

    @Test
    void aSubjectsQueueHoldsOnlyTheClaimsItsDossierMayRestOn() throws Exception {
        JsonNode queue = send(HttpRequest.GET("/api/reviews?subject=p-otegulov&limit=500"), reviewer);
        assertTrue(queue.size() > 0);
        boolean travelOfSubject = false;
        for (JsonNode item : queue) {
            travelOfSubject |= item.get("review").get("claim").asText().equals(DemoCase.UNREVIEWED);
            assertTrue(!item.get("review").get("claim").asText().startsWith("post-review"), "another person's new posting is not in it");
        }
        assertTrue(travelOfSubject, queue::toString);
        JsonNode accepted = send(HttpRequest.GET("/api/reviews?subject=p-otegulov&state=accepted&limit=500"), reviewer);
        boolean posting = false;
        for (JsonNode item : accepted) {
            posting |= item.get("review").get("claim").asText().equals("post-otegulov");
        }
        assertTrue(posting, "the demo's reviewer accepted the subject's posting");
        refused(HttpRequest.GET("/api/reviews?subject=p-nobody"), reviewer, HttpStatus.BAD_REQUEST);
    }
}
