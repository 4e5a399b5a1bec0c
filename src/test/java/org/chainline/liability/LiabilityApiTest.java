package org.chainline.liability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.access.Roles;
import org.chainline.registry.imports.ImportReport;
import org.chainline.registry.imports.RecordImport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The liability questions over HTTP: shapes, a person's chain downwards, and bad questions answered with 4xx. */
@MicronautTest(transactional = false)
class LiabilityApiTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestApplication app;
    @Inject
    RecordImport recordImport;

    String viewer;

    @BeforeAll
    void setUp() throws URISyntaxException {
        viewer = app.token(Roles.VIEWER);
        Path file = Path.of(getClass().getClassLoader().getResource("fixtures/command-chain.ndjson").toURI());
        ImportReport report = recordImport.run(TestCases.FILING, "fixture", file, RecordImport.Progress.NONE);
        assertTrue(report.applied(), () -> report.errors().toString());
    }

    JsonNode get(String path) throws Exception {
        return JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(viewer), String.class));
    }

    JsonNode error(String path, HttpStatus status) throws Exception {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> app.client().toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(viewer), String.class));
        assertEquals(status, e.getStatus());
        return JSON.readTree(e.getResponse().getBody(String.class).orElseThrow());
    }

    @Test
    void aPersonsChainAtADateListsTheUnitsBelowTheirCommand() throws Exception {
        JsonNode chain = get("/api/persons/p-new/chain-of-command?at=2022-01-05");
        JsonNode post = chain.get("posts").get(0);
        assertEquals("u-rrr", post.get("unit").get("id").asText());
        assertTrue(post.get("command").asBoolean());
        List<String> below = new ArrayList<>();
        post.get("below").forEach(l -> below.add(l.get("unit").get("id").asText()));
        assertEquals(List.of("u-rrr", "u-co1", "u-plt", "u-sec", "u-team"), below);
        assertEquals(0, get("/api/persons/p-new/chain-of-command?at=2021-06-01").get("posts").size(), "not yet in post");
    }

    @Test
    void answersAlwaysCarryEveryFieldEvenWhenEmpty() throws Exception {
        JsonNode nothing = get("/api/persons/p-old/liability");
        assertTrue(nothing.get("incidents").isArray());
        assertEquals(0, nothing.get("incidents").size());
        JsonNode square = get("/api/incidents/i-square/liability");
        JsonNode first = square.get("persons").get(0);
        assertTrue(first.get("paths").get(0).has("elements"));
        assertTrue(first.get("paths").get(0).get("steps").get(0).get("citations").get(0).has("pinpoint"));
    }

    @Test
    void badQuestionsAreRefusedWithTheFieldAndTheReason() throws Exception {
        assertEquals("at", error("/api/units/u-rrr/chain-of-command?at=2022-13-01", HttpStatus.BAD_REQUEST).get("field").asText());
        assertEquals("at", error("/api/units/u-rrr/chain-of-command", HttpStatus.BAD_REQUEST).get("field").asText());
        assertEquals("maxDepth", error("/api/incidents/i-square/liability?maxDepth=99", HttpStatus.BAD_REQUEST).get("field").asText());
        error("/api/units/u-nowhere/chain-of-command?at=2022", HttpStatus.NOT_FOUND);
        error("/api/incidents/p-new/liability", HttpStatus.NOT_FOUND);
        error("/api/persons/u-rrr/liability", HttpStatus.NOT_FOUND);
    }
}
