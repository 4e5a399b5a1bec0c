package org.chainline.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.access.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dossiers over HTTP: a generation job followed to its end, the download, the record, and bad orders refused. */
@MicronautTest(transactional = false)
class DossierApiTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestApplication app;

    String counsel;
    String analyst;

    @BeforeAll
    void setUp() {
        counsel = app.token(Roles.COUNSEL);
        analyst = app.token(Roles.ANALYST);
        app.loadDemo();
    }

    JsonNode post(String path, String body, String token) {
        return app.send(HttpRequest.POST(path, body), token);
    }

    JsonNode refused(String path, String body, String token, HttpStatus status) {
        return app.refused(HttpRequest.POST(path, body), token, status);
    }

    @Test
    void aJobIsFollowedToItsDossierWhichDownloadsWithItsHash() throws Exception {
        HttpResponse<String> accepted = app.client().toBlocking().exchange(HttpRequest.POST("/api/dossiers",
                "{\"subject\": \"p-otegulov\", \"regime\": \"ca-jvcfoa\"}").bearerAuth(counsel), String.class);
        assertEquals(HttpStatus.ACCEPTED, accepted.getStatus());
        JsonNode job = JSON.readTree(accepted.body());
        assertEquals("/api/dossiers/jobs/" + job.get("id").asText(), accepted.header("Location"));
        long deadline = System.currentTimeMillis() + 120_000;
        while (!job.get("state").asText().equals("done") && !job.get("state").asText().equals("failed") && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            job = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET("/api/dossiers/jobs/" + job.get("id").asText()).bearerAuth(counsel)));
        }
        assertEquals("done", job.get("state").asText(), job::toString);
        assertEquals(100, job.get("percent").asInt());
        JsonNode dossier = job.get("dossier");
        assertEquals("government-confidential", dossier.get("audience").asText());
        String id = dossier.get("id").asText();

        HttpResponse<byte[]> pdf = app.client().toBlocking().exchange(HttpRequest.GET("/api/dossiers/" + id + "/pdf").bearerAuth(counsel), byte[].class);
        assertEquals("application/pdf", pdf.getContentType().orElseThrow().toString());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf.body()));
        assertEquals(dossier.get("sha256").asText(), sha);
        assertEquals(sha, pdf.header("X-Content-SHA256"));
        assertEquals(id, JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET("/api/dossiers?subject=p-otegulov").bearerAuth(counsel)))
                .get(0).get("id").asText());
        JsonNode content = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET("/api/dossiers/" + id + "/content").bearerAuth(counsel)));
        assertEquals("chainline-dossier/4", content.get("format").asText());
        JsonNode regenerated = post("/api/dossiers/" + id + "/regenerate", "", counsel);
        assertTrue(regenerated.get("identical").asBoolean());
        assertEquals(sha, regenerated.get("sha256").asText());
    }

    @Test
    void waitingGivesTheDossierAtOnceAndTheSameOrderGivesTheSameDossier() throws Exception {
        HttpResponse<String> created = app.client().toBlocking().exchange(HttpRequest.POST("/api/dossiers?wait=true",
                "{\"subject\": \"p-abdigaliyev\", \"regime\": \"us-glomag\", \"audience\": \"public\"}").bearerAuth(counsel), String.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        JsonNode first = JSON.readTree(created.body());
        HttpResponse<String> again = app.client().toBlocking().exchange(HttpRequest.POST("/api/dossiers?wait=true",
                "{\"subject\": \"p-abdigaliyev\", \"regime\": \"us-glomag\", \"audience\": \"public\"}").bearerAuth(counsel), String.class);
        assertEquals(HttpStatus.OK, again.getStatus());
        assertEquals(first.get("sha256").asText(), JSON.readTree(again.body()).get("sha256").asText());
    }

    @Test
    void badOrdersAreRefusedNamingTheField() throws Exception {
        assertEquals("regime", refused("/api/dossiers", "{\"subject\": \"p-otegulov\", \"regime\": \"fr-xx\"}", counsel, HttpStatus.BAD_REQUEST).get("field").asText());
        assertEquals("subject", refused("/api/dossiers", "{\"subject\": \"p-nobody\", \"regime\": \"uk-ghr\"}", counsel, HttpStatus.BAD_REQUEST).get("field").asText());
        assertEquals("subject", refused("/api/dossiers", "{\"subject\": \"u-ng\", \"regime\": \"uk-ghr\"}", counsel, HttpStatus.BAD_REQUEST).get("field").asText());
        assertEquals("audience", refused("/api/dossiers", "{\"subject\": \"p-otegulov\", \"regime\": \"uk-ghr\", \"audience\": \"press\"}", counsel, HttpStatus.BAD_REQUEST).get("field").asText());
        assertEquals("subject", refused("/api/dossiers", "{\"subject\": 17, \"regime\": \"uk-ghr\"}", counsel, HttpStatus.BAD_REQUEST).get("field").asText());
        assertEquals("colour", refused("/api/dossiers", "{\"subject\": \"p-otegulov\", \"regime\": \"uk-ghr\", \"colour\": \"red\"}", counsel, HttpStatus.BAD_REQUEST).get("field").asText());
        assertTrue(refused("/api/dossiers", "{\"subject\": ", counsel, HttpStatus.BAD_REQUEST).get("message").asText().startsWith("Invalid JSON"));
        assertEquals("body", refused("/api/dossiers", "[1, 2]", counsel, HttpStatus.BAD_REQUEST).get("field").asText());
        refused("/api/dossiers", "{\"subject\": \"p-otegulov\", \"regime\": \"uk-ghr\"}", analyst, HttpStatus.FORBIDDEN);
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                () -> app.client().toBlocking().exchange(HttpRequest.GET("/api/dossiers/dos-nothing/pdf").bearerAuth(counsel), byte[].class));
        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
        HttpClientResponseException job = assertThrows(HttpClientResponseException.class,
                () -> app.client().toBlocking().exchange(HttpRequest.GET("/api/dossiers/jobs/job-nothing").bearerAuth(counsel), String.class));
        assertEquals(HttpStatus.NOT_FOUND, job.getStatus());
    }

    @Test
    void theRegimesAreListedForAnyReader() throws Exception {
        JsonNode regimes = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET("/api/regimes").bearerAuth(analyst)));
        assertEquals(4, regimes.size());
        assertFalse(regimes.findValuesAsText("id").isEmpty());
        assertTrue(regimes.findValuesAsText("id").contains("uk-ghr"));
    }
}
