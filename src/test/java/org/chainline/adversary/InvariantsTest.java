package org.chainline.adversary;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.access.Roles;
import org.chainline.demo.DemoCase;
import org.chainline.input.Json;
import org.chainline.journal.Journal;
import org.chainline.registry.imports.RecordImport;
import org.chainline.security.Accounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The promises as properties, over every route or over random runs rather than over the cases someone thought of: no
 * state changes through the session cookie unless the request comes from a page of this service, and no claim is ever
 * accepted by one of its authors, whatever sequence of writes, changes and decisions came before.
 */
@MicronautTest(transactional = false)
class InvariantsTest extends ChainlineTest {

    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    DemoCase demo;
    @Inject
    Journal journal;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String base;

    @BeforeAll
    void setUp() {
        TestCases.load(demo, "invariants");
        base = "http://localhost:" + server.getPort();
    }

    @Test
    void noWriteRouteChangesAnythingThroughTheCookieFromAnotherSiteOrWithoutAnOrigin() throws Exception {
        String cookie = TestLogins.sessionCookie(accounts, base, Roles.COUNSEL);
        long before = journal.head().seq();
        List<String> taken = new ArrayList<>();
        int sent = 0;
        for (RouteMatrix.Route route : RouteMatrix.load()) {
            if (route.isRead()) {
                continue;
            }
            String path = RoleMatrixTest.expand(route.plainPath());
            boolean page = !path.startsWith("/api/") && !path.equals("/login");
            // another site's page, a page that sends no Origin or Referer, and another site's fetch with an Authorization
            // header the browser added
            List<Map<String, String>> variants = List.of(Map.of("Origin", "http://localhost:1"), Map.of(),
                    Map.of("Origin", "http://127.0.0.1:1", "Authorization", "Basic dXNlcjpwYXNz"));
            for (Map<String, String> headers : variants) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                        .method(route.method().name(), HttpRequest.BodyPublishers.ofString(page ? "reason=x" : "{\"reason\": \"x\"}"))
                        .header("Content-Type", page ? "application/x-www-form-urlencoded" : "application/json");
                headers.forEach(request::header);
                int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                sent++;
                if (status != 403) {
                    taken.add(route.key() + " " + headers + ": " + status);
                }
            }
        }
        assertTrue(sent > 120, "every write route was sent: " + sent);
        assertTrue(taken.isEmpty(), String.join("\n", taken));
        assertEquals(before, journal.head().seq(), "nothing was journaled");
    }

    @Test
    void noClaimIsEverAcceptedByOneOfItsAuthorsWhateverCameBefore() throws Exception {
        var client = io.micronaut.http.client.HttpClient.create(server.getURL());
        List<String> names = new ArrayList<>();
        Map<String, String> tokens = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            String token = TestLogins.tokenFor(accounts, client, Roles.COUNSEL);
            String name = Json.MAPPER.readTree(call("GET", "/api/me", token, null).body()).get("username").asText();
            names.add(name);
            tokens.put(name, token);
        }
        client.close();
        Random random = new Random(20261207);
        Map<String, Set<String>> authors = new HashMap<>();
        List<String> claims = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        for (int step = 0; step < 120; step++) {
            String who = names.get(random.nextInt(names.size()));
            int action = claims.isEmpty() ? 0 : random.nextInt(3);
            if (action == 0) {
                String id = "post-inv-" + step;
                HttpResponse<String> made = call("POST", "/api/postings", tokens.get(who), "{\"id\": \"" + id + "\", \"person\":"
                        + " \"p-kassymov\", \"unit\": \"u-ng\", \"role\": \"member\", \"start\": \"" + (2000 + step % 20) + "\"}");
                assertEquals(201, made.statusCode(), made.body());
                claims.add(id);
                authors.computeIfAbsent(id, k -> new HashSet<>()).add(who);
            } else if (action == 1) {
                String id = claims.get(random.nextInt(claims.size()));
                HttpResponse<String> changed = call("PATCH", "/api/postings/" + id, tokens.get(who),
                        "{\"note\": \"step " + step + "\", \"reason\": \"a small change\"}");
                assertEquals(200, changed.statusCode(), changed.body());
                authors.get(id).add(who);
            } else {
                String id = claims.get(random.nextInt(claims.size()));
                HttpResponse<String> decided = call("POST", "/api/reviews", tokens.get(who),
                        "{\"claims\": [\"" + id + "\"], \"decision\": \"accept\"}");
                if (authors.get(id).contains(who)) {
                    assertEquals(403, decided.statusCode(), who + " wrote a version of " + id + ": " + decided.body());
                    refused++;
                } else {
                    assertEquals(200, decided.statusCode(), decided.body());
                    accepted++;
                }
            }
        }
        // and from the record itself: whoever accepted the claim's current version wrote none of its versions
        for (String id : claims) {
            JsonNode state = Json.MAPPER.readTree(call("GET", "/api/claims/" + id + "/review", tokens.get(names.getFirst()), null)
                    .body()).get("state");
            if (state.get("state").asText().equals("accepted")) {
                String by = state.get("reviewedBy").asText();
                List<String> wrote = new ArrayList<>();
                state.get("authors").forEach(a -> wrote.add(a.asText()));
                assertTrue(!wrote.contains(by), id + " was accepted by " + by + ", who wrote it: " + wrote);
            }
        }
        assertTrue(accepted > 5 && refused > 5, "the run tried both: " + accepted + " accepted, " + refused + " refused");
    }

    HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
