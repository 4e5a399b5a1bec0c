package org.chainline.workspace;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.access.Roles;
import org.chainline.demo.DemoCase;
import org.chainline.registry.imports.RecordImport;
import org.chainline.security.Accounts;
import org.chainline.workspace.shell.SecurityHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Links and forms a hostile sender would craft: a status message carried in a link, a year the calendar has not,
 * bytes that are not text in a form; and the API documentation, which must work under the service's own policy.
 */
@MicronautTest(transactional = false)
class HostileLinksTest extends ChainlineTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    DemoCase demo;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String counsel;

    @BeforeAll
    void setUp() {
        TestCases.load(demo, "hostile links");
        var client = io.micronaut.http.client.HttpClient.create(server.getURL());
        counsel = TestLogins.tokenFor(accounts, client, Roles.COUNSEL);
        client.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                .header("Authorization", "Bearer " + counsel).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStatusMessageInALinkIsNotShownAsTheApplicationsOwn() throws Exception {
        String forged = "Your session expired: sign in again at http://localhost:1/sign-in";
        String page = get("/review?done=" + URLEncoder.encode(forged, StandardCharsets.UTF_8)).body();
        assertFalse(page.contains("session expired"), "the forged text is not shown");
        assertTrue(get("/review?done=accept:2").body().contains("2 claims accepted."));
    }

    @Test
    void aChainAtAYearTheCalendarHasNotIsRefusedNotDrawnForToday() throws Exception {
        for (String date : new String[] {"10000-01-01", "0000", "0000-03-06", "99999", "2025-3-6", "yesterday"}) {
            HttpResponse<String> answer = get("/units/u-rrr7/chain?date=" + date);
            assertEquals(400, answer.statusCode(), date + ": " + answer.body());
            assertTrue(answer.body().contains("from 0001 to 9999"), answer.body());
        }
        assertEquals(200, get("/units/u-rrr7/chain?date=2025-03-06").statusCode());
        assertEquals(200, get("/units/u-rrr7/chain").statusCode());
    }

    @Test
    void aFormWithBytesThatAreNotUtf8IsRefusedNotStoredAsReplacementCharacters() throws Exception {
        for (String value : new String[] {"%FF%FE", "Abdigaliyev%C3"}) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort()
                            + "/records/person/new")).header("Authorization", "Bearer " + counsel)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("id=p-bytes&names.0.value=" + value)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("not UTF-8"), answer.body());
        }
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + "/api/persons/p-bytes"))
                .header("Authorization", "Bearer " + counsel).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void theApiDocumentationsInlineScriptIsAllowedByItsHashAndNothingElseInline() throws Exception {
        HttpResponse<String> page = get("/swagger-ui/index.html");
        assertEquals(200, page.statusCode());
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page.body());
        assertTrue(script.find());
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'self' 'sha256-" + hash + "'"), policy);
        assertFalse(policy.matches(".*script-src[^;]*'unsafe-inline'.*"), "no inline script but that one runs: " + policy);
        assertTrue(policy.contains("default-src 'self'"), policy);
        // the workspace keeps its own, stricter policy
        assertEquals(SecurityHeaders.POLICY, get("/").headers().firstValue("Content-Security-Policy").orElseThrow());
    }
}
