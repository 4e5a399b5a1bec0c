package org.chainline.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.chainline.journal.Journal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class RecordApiTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestApplication app;
    @Inject
    Journal journal;

    String analyst;
    String viewer;

    @BeforeAll
    void setUp() {
        analyst = app.token(Roles.ANALYST);
        viewer = app.token(Roles.VIEWER);
        post("/api/units", """
                {"id": "u-guard", "names": [{"value": "Ұлттық ұлан", "script": "Cyrl", "lang": "kk"}], "classification": "national-guard"}""");
        post("/api/sources", """
                {"id": "src-a", "pseudonym": "S-001", "kind": "channel", "reliability": "B"}""");
        post("/api/evidence", """
                {"id": "ev-roster", "kind": "document", "title": "Duty roster", "source": "src-a", "credibility": 2}""");
    }

    JsonNode post(String path, String body) {
        return send(HttpRequest.POST(path, body), HttpStatus.CREATED);
    }

    JsonNode send(MutableHttpRequest<?> request, HttpStatus expected) {
        HttpResponse<String> response = app.client().toBlocking().exchange(request.bearerAuth(analyst)
                .contentType(MediaType.APPLICATION_JSON_TYPE), String.class);
        assertEquals(expected, response.status());
        return read(response.body());
    }

    JsonNode get(String path) {
        return read(app.client().toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(viewer), String.class));
    }

    JsonNode error(MutableHttpRequest<?> request, HttpStatus expected) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> app.client().toBlocking().exchange(request.bearerAuth(analyst).contentType(MediaType.APPLICATION_JSON_TYPE), String.class));
        assertEquals(expected, e.getStatus(), () -> e.getResponse().getBody(String.class).orElse(""));
        return read(e.getResponse().getBody(String.class).orElseThrow());
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    @Test
    void aPersonIsFoundByNameInEitherScriptAndDespiteATypo() {
        post("/api/persons", """
                {"id": "p-zh", "names": [{"value": "Ерлан Жақсыбеков", "script": "Cyrl", "lang": "kk"}], "birthDate": "1971-03"}""");
        post("/api/persons", """
                {"id": "p-lat", "names": [{"value": "Marat Ospanov", "script": "Latn"}]}""");
        assertEquals(List.of("p-zh"), ids(get("/api/persons?q=Zhaksybekov")));
        assertEquals(List.of("p-zh"), ids(get("/api/persons?q=Jaksybekov")));
        assertEquals(List.of("p-zh"), ids(get("/api/persons?q=Zhaksybekof")));
        assertEquals(List.of("p-zh"), ids(get("/api/search?q=erlan%20zhaksybek")));
        assertEquals(List.of("p-lat"), ids(get("/api/persons?q=%D0%9E%D1%81%D0%BF%D0%B0%D0%BD%D0%BE%D0%B2")));
        assertEquals(List.of("u-guard"), ids(get("/api/units?q=Ulttyk%20ulan")));
        JsonNode one = get("/api/persons/p-zh");
        assertEquals("1971-03", one.get("birthDate").asText());
        assertEquals(1, one.get("meta").get("version").asInt());
    }

    @Test
    void validationNamesTheFieldAndTheReason() {
        post("/api/persons", """
                {"id": "p-v", "names": [{"value": "Test Person"}]}""");
        JsonNode endBeforeStart = error(HttpRequest.POST("/api/postings", """
                {"person": "p-v", "unit": "u-guard", "role": "commander", "start": "2022-01-05", "end": "2021-12"}"""), HttpStatus.BAD_REQUEST);
        assertEquals("end", endBeforeStart.get("field").asText());
        assertTrue(endBeforeStart.get("message").asText().contains("before start"), endBeforeStart.toString());
        assertEquals("unit", error(HttpRequest.POST("/api/postings", """
                {"person": "p-v", "unit": "u-nowhere", "role": "commander"}"""), HttpStatus.BAD_REQUEST).get("field").asText());
        assertEquals("unit", error(HttpRequest.POST("/api/postings", """
                {"person": "p-v", "unit": "p-v", "role": "commander"}"""), HttpStatus.BAD_REQUEST).get("field").asText());
        JsonNode vocabulary = error(HttpRequest.POST("/api/postings", """
                {"person": "p-v", "unit": "u-guard", "role": "emperor"}"""), HttpStatus.BAD_REQUEST);
        assertEquals("role", vocabulary.get("field").asText());
        assertTrue(vocabulary.get("message").asText().contains("commander"));
        assertEquals("citations[0].evidence", error(HttpRequest.POST("/api/postings", """
                {"person": "p-v", "unit": "u-guard", "role": "commander", "citations": [{"evidence": "ev-missing"}]}"""),
                HttpStatus.BAD_REQUEST).get("field").asText());
        assertEquals("start", error(HttpRequest.POST("/api/postings", """
                {"person": "p-v", "unit": "u-guard", "role": "commander", "start": "2022-13"}"""), HttpStatus.BAD_REQUEST).get("field").asText());
        assertEquals("body", error(HttpRequest.POST("/api/postings", "{\"person\": "), HttpStatus.BAD_REQUEST).get("field").asText());
        assertEquals("rnak", error(HttpRequest.POST("/api/postings", """
                {"person": "p-v", "unit": "u-guard", "role": "commander", "rnak": "colonel"}"""), HttpStatus.BAD_REQUEST).get("field").asText());
        assertEquals("id", error(HttpRequest.POST("/api/persons", "{\"id\": 12, \"names\": [{\"value\": \"X\"}]}"),
                HttpStatus.BAD_REQUEST).get("field").asText());
        assertEquals("q", error(HttpRequest.GET("/api/persons?q=" + "w".repeat(201)), HttpStatus.BAD_REQUEST).get("field").asText());
        assertEquals("q", error(HttpRequest.GET("/api/persons?q=%21%21"), HttpStatus.BAD_REQUEST).get("field").asText());
        assertEquals("limit", error(HttpRequest.GET("/api/persons?limit=abc"), HttpStatus.BAD_REQUEST).get("field").asText());
        assertEquals("reason", error(HttpRequest.POST("/api/persons", "{\"names\": [{\"value\": \"X\"}], \"reason\": \"a\\u0000b\"}"),
                HttpStatus.BAD_REQUEST).get("field").asText());
        error(HttpRequest.GET("/api/starships"), HttpStatus.NOT_FOUND);
        error(HttpRequest.GET("/api/persons/p-none"), HttpStatus.NOT_FOUND);
    }

    @Test
    void aRecordWithSeveralMistakesIsRefusedOnceWithEveryOneTheUnknownReferencesIncluded() {
        JsonNode refused = error(HttpRequest.POST("/api/postings", """
                {"id": "post-many", "person": "p-nowhere", "unit": "u-guard", "role": "emperor", "start": "2022-13",
                 "citations": [{"evidence": "ev-missing"}]}"""), HttpStatus.BAD_REQUEST);
        List<String> fields = new ArrayList<>();
        refused.get("problems").forEach(p -> fields.add(p.get("field").asText()));
        assertEquals(List.of("start", "role", "citations[0].evidence", "person"), fields, refused::toString);
        assertEquals("start", refused.get("field").asText(), "the first problem is the error's own field");
        error(HttpRequest.GET("/api/postings/post-many"), HttpStatus.NOT_FOUND);

        // the same in a change, whose values are checked inside the journal's write
        post("/api/persons", """
                {"id": "p-many", "names": [{"value": "Test Person"}]}""");
        post("/api/postings", """
                {"id": "post-changed", "person": "p-many", "unit": "u-guard", "role": "commander"}""");
        JsonNode changed = error(HttpRequest.PATCH("/api/postings/post-changed", """
                {"person": "p-nowhere", "start": "2022-13"}"""), HttpStatus.BAD_REQUEST);
        List<String> changedFields = new ArrayList<>();
        changed.get("problems").forEach(p -> changedFields.add(p.get("field").asText()));
        assertEquals(List.of("start", "person"), changedFields, changed::toString);
        assertEquals("p-many", get("/api/postings/post-changed").get("person").asText(), "nothing was changed");
    }

    @Test
    void aClaimIsChangedAndRetiredButNeverDeletedAndARecordInUseCannotBeRetired() {
        post("/api/persons", """
                {"id": "p-c", "names": [{"value": "Changing Person"}]}""");
        JsonNode posting = post("/api/postings", """
                {"id": "post-c", "person": "p-c", "unit": "u-guard", "role": "deputy-commander", "start": "2021",
                 "citations": [{"evidence": "ev-roster", "pinpoint": "p. 3"}], "reason": "roster"}""");
        assertFalse(posting.has("status"), "a claim carries no review state of its own: review holds it");
        long head = journal.head().seq();
        JsonNode changed = send(HttpRequest.PATCH("/api/postings/post-c", """
                {"role": "commander", "end": "2022-01-04", "reason": "decree 12"}"""), HttpStatus.OK);
        assertEquals("commander", changed.get("role").asText());
        assertEquals(2, changed.get("meta").get("version").asInt());
        assertEquals(head + 1, journal.head().seq());
        send(HttpRequest.PATCH("/api/postings/post-c", "{\"role\": \"commander\"}"), HttpStatus.OK);
        assertEquals(head + 1, journal.head().seq(), "an unchanged record journals nothing");
        assertEquals("post-c", get("/api/evidence/ev-roster/cited-by").get(0).get("claim").asText());

        JsonNode inUse = error(HttpRequest.POST("/api/persons/p-c/retire", "{\"reason\": \"duplicate\"}"), HttpStatus.CONFLICT);
        assertTrue(inUse.get("message").asText().contains("post-c"), inUse.toString());
        error(HttpRequest.POST("/api/postings/post-c/retire", "{}"), HttpStatus.BAD_REQUEST);
        send(HttpRequest.POST("/api/postings/post-c/retire", "{\"reason\": \"wrong unit\"}"), HttpStatus.OK);
        send(HttpRequest.POST("/api/persons/p-c/retire", "{\"reason\": \"duplicate\"}"), HttpStatus.OK);
        assertTrue(get("/api/postings/post-c").get("meta").get("retired").asBoolean());
        assertTrue(ids(get("/api/persons")).stream().noneMatch("p-c"::equals));
        assertTrue(ids(get("/api/persons?retired=true")).contains("p-c"));
        error(HttpRequest.PATCH("/api/persons/p-c", "{\"patronymic\": \"X\"}"), HttpStatus.CONFLICT);
        error(HttpRequest.POST("/api/persons", "{\"id\": \"p-c\", \"names\": [{\"value\": \"Reuse\"}]}"), HttpStatus.CONFLICT);
    }
}
