package org.chainline.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.access.Roles;
import org.chainline.input.Json;
import org.chainline.security.Accounts;
import org.chainline.security.IssuedPassword;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file goes out as bytes to save, never under the type its uploader gave it; the workspace shows and previews it by
 * what its bytes are; a download is counted as a viewing is; and a page of another port cannot download in the
 * victim's name by embedding the link.
 */
@MicronautTest(transactional = false)
class DownloadSafetyTest extends ChainlineTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String base;
    String analyst;
    String cookie;

    @BeforeAll
    void start() throws Exception {
        base = "http://localhost:" + server.getPort();
        IssuedPassword issued = accounts.create("test", "uploader", Set.of(Roles.ANALYST));
        TestCases.of(accounts).join("uploader", Set.of(Roles.ANALYST));
        accounts.changePassword("uploader", issued.oneTimePassword(), TestLogins.PASSWORD);
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"uploader\", \"password\": \"" + TestLogins.PASSWORD + "\"}")));
        analyst = Json.MAPPER.readTree(login.body()).get("access_token").asText();
        cookie = TestLogins.sessionCookie(accounts, base, Roles.ANALYST);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String upload(String fileName, String type, String content) throws Exception {
        HttpResponse<String> stored = send(HttpRequest.newBuilder(URI.create(base + "/api/evidence/files?fileName="
                        + fileName + "&kind=document")).header("Authorization", "Bearer " + analyst).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(content)));
        assertEquals(201, stored.statusCode(), stored.body());
        return Json.MAPPER.readTree(stored.body()).get("evidence").asText();
    }

    @Test
    void aFileUploadedAsAScriptIsSentAsBytesToSaveInASandbox() throws Exception {
        String id = upload("widget.js", "text/javascript", "fetch('/api/accounts').then(r => r.text()).then(alert)");
        HttpResponse<String> file = send(HttpRequest.newBuilder(URI.create(base + "/api/evidence/" + id + "/file"))
                .header("Authorization", "Bearer " + analyst));
        assertEquals(200, file.statusCode());
        assertEquals("application/octet-stream", file.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(file.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));
        String policy = file.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.startsWith("sandbox"), policy);
        assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void theRecordPageShowsAndPreviewsAFileByWhatItsBytesAreNotByWhatItsUploaderSaid() throws Exception {
        String html = upload("holiday.png", "image/png", "<html><body><script>alert(1)</script></body></html>");
        String page = send(HttpRequest.newBuilder(URI.create(base + "/records/evidence/" + html)).header("Cookie", cookie)
                .header("Sec-Fetch-Site", "same-origin")).body();
        assertTrue(page.contains("its bytes are text/plain"), page);
        assertFalse(page.contains("<img src=\"/api/evidence/" + html), "a page is not previewed as a picture");
        assertTrue(page.contains("hx-get=\"/api/evidence/" + html + "/file\""), "it is shown as text");
    }

    @Test
    void downloadsAreCountedAsViewingsAreNotJournaledEachTime() throws Exception {
        String id = upload("note.txt", "text/plain", "a note");
        for (int i = 0; i < 30; i++) {
            assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/api/evidence/" + id + "/file"))
                    .header("Authorization", "Bearer " + analyst)).statusCode());
        }
        JsonNode events = Json.MAPPER.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/evidence/" + id + "/custody"))
                .header("Authorization", "Bearer " + analyst)).body()).get("events");
        int downloads = 0;
        for (JsonNode e : events) {
            if (e.get("action").asText().equals("downloaded")) {
                downloads++;
                assertEquals(30, e.get("details").get("views").asInt(), e.toString());
            }
        }
        assertEquals(1, downloads, events.toString());
    }

    @Test
    void aDownloadEmbeddedByAnotherPortsPageIsRefusedAndOneFromTheWorkspaceOrANavigationIsTaken() throws Exception {
        String id = upload("photo-note.txt", "text/plain", "embedded");
        Map<String, Integer> expected = Map.of(
                "same-site|no-cors|image", 403, "cross-site|no-cors|image", 403, "same-site|cors|empty", 403,
                "same-origin|no-cors|image", 200, "same-site|navigate|document", 200, "none|navigate|document", 200);
        expected.forEach((fetch, status) -> {
            String[] f = fetch.split("\\|");
            try {
                HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/api/evidence/" + id + "/file"))
                        .header("Cookie", cookie).header("Sec-Fetch-Site", f[0]).header("Sec-Fetch-Mode", f[1])
                        .header("Sec-Fetch-Dest", f[2]));
                assertEquals(status, answer.statusCode(), fetch + ": " + answer.body());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
