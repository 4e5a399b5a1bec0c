package org.chainline.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.access.Roles;
import org.chainline.demo.DemoCase;
import org.chainline.input.Json;
import org.chainline.registry.imports.RecordImport;
import org.chainline.registry.model.LegacyClaimStatus;
import org.chainline.security.Accounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A claim has one review state, decided in review and shown the same everywhere; nobody types it. The author's own
 * research status is named so that nobody reads it as the review.
 */
@MicronautTest(transactional = false)
class OneReviewStateTest extends ChainlineTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Accounts accounts;
    @Inject
    DemoCase demo;

    String analyst;

    @BeforeAll
    void setUp() {
        TestCases.load(demo, "tester");
        analyst = TestLogins.tokenFor(accounts, client, Roles.ANALYST);
    }

    @Test
    void nobodyTypesAClaimsReviewStateNeitherThroughTheApiNorTheForm() {
        HttpClientResponseException typed = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/postings", "{\"id\": \"post-typed\", \"person\": \"p-kassymov\", \"unit\": \"u-ng\","
                        + " \"role\": \"member\", \"status\": \"accepted\"}").bearerAuth(analyst), String.class));
        assertEquals(400, typed.code());
        String answer = typed.getResponse().getBody(String.class).orElseThrow();
        assertTrue(answer.contains("\"field\":\"status\"") && answer.contains("in review"), answer);

        String form = client.toBlocking().retrieve(HttpRequest.GET("/records/posting/new").bearerAuth(analyst).accept(MediaType.TEXT_HTML_TYPE));
        assertFalse(form.contains("name=\"status\""), "the form offers no review state");
        assertTrue(form.contains("name=\"research\""), "the author's research status, named as such");
    }

    @Test
    void aPersonsPageSaysWhatTheReviewSaysOfEachClaim() {
        client.toBlocking().exchange(HttpRequest.POST("/api/postings", "{\"id\": \"post-fresh\", \"person\": \"p-kassymov\","
                + " \"unit\": \"u-ng\", \"role\": \"member\", \"start\": \"2016\", \"citations\": [{\"evidence\": \"ev-decree-ng\"}]}")
                .bearerAuth(analyst), String.class);
        String state = client.toBlocking().retrieve(HttpRequest.GET("/api/claims/post-fresh/review").bearerAuth(analyst));
        assertTrue(state.contains("\"state\":\"proposed\""), state);
        String page = client.toBlocking().retrieve(HttpRequest.GET("/records/person/p-kassymov").bearerAuth(analyst).accept(MediaType.TEXT_HTML_TYPE));
        int row = page.indexOf("id=\"claim-post-fresh\"");
        assertTrue(row > 0, "the claim is listed");
        String cells = page.substring(row, page.indexOf("</tr>", row));
        assertTrue(cells.contains("proposed: not reviewed yet"), cells);
        assertFalse(cells.contains(">accepted<"), cells);
    }

    @Test
    void aClaimWrittenWithTheOldStatusIsReadAsTheAuthorsResearchStatus() throws Exception {
        ObjectNode disputed = (ObjectNode) Json.MAPPER.readTree("{\"type\": \"Posting\", \"id\": \"p\", \"status\": \"disputed\"}");
        assertEquals("{\"type\":\"Posting\",\"id\":\"p\",\"research\":\"conflicting-sources\"}", LegacyClaimStatus.upgrade(disputed).toString());
        ObjectNode accepted = (ObjectNode) Json.MAPPER.readTree("{\"type\": \"Involvement\", \"id\": \"i\", \"status\": \"accepted\"}");
        assertEquals("{\"type\":\"Involvement\",\"id\":\"i\"}", LegacyClaimStatus.upgrade(accepted).toString());
        ObjectNode sanction = (ObjectNode) Json.MAPPER.readTree("{\"type\": \"Sanction\", \"id\": \"s\", \"status\": \"active\"}");
        assertEquals("active", LegacyClaimStatus.upgrade(sanction).get("status").asText(), "a sanction's status is its own");
    }
}
