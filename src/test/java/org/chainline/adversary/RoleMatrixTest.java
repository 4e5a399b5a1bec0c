package org.chainline.adversary;

import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.access.Roles;
import org.chainline.demo.DemoCase;
import org.chainline.registry.imports.RecordImport;
import org.chainline.security.Accounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route, for every role, answers as {@code adversary/routes.tsv} says: refused where the role may not call it,
 * and never a 5xx where it may (a body of {@code {}} or an empty form stands in for a real one, so a write is refused
 * for its content rather than made). The routes come from the router: a new controller fails here until its row is
 * written.
 */
@MicronautTest(transactional = false)
class RoleMatrixTest extends ChainlineTest {

    /** A value for every path variable: real records of the demo where one is needed to get past the id. */
    static final Map<String, String> VALUES = Map.ofEntries(Map.entry("collection", "persons"), Map.entry("id", "p-otegulov"),
            Map.entry("slug", "person"), Map.entry("subject", "p-otegulov"), Map.entry("regime", "eu-ghrsr"),
            Map.entry("username", "nobody-by-this-name"), Map.entry("importId", "1"), Map.entry("list", "no-list"),
            Map.entry("entry", "no-entry"), Map.entry("person", "p-otegulov"), Map.entry("account", "nobody-by-this-name"));

    @Inject
    Router router;
    @Inject
    EmbeddedServer server;
    @Inject
    Accounts accounts;
    @Inject
    DemoCase demo;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final Map<String, String> tokens = new LinkedHashMap<>();
    List<RouteMatrix.Route> rows;

    @BeforeAll
    void setUp() {
        TestCases.load(demo, "role matrix");
        var client = io.micronaut.http.client.HttpClient.create(server.getURL());
        tokens.put("viewer", TestLogins.tokenFor(accounts, client, Roles.VIEWER));
        tokens.put("analyst", TestLogins.tokenFor(accounts, client, Roles.ANALYST));
        tokens.put("counsel", TestLogins.tokenFor(accounts, client, Roles.COUNSEL));
        tokens.put("admin", TestLogins.tokenFor(accounts, client, Roles.ADMIN));
        tokens.put("holder", TestLogins.tokenFor(accounts, client, Roles.VIEWER, Roles.WITNESS_PROTECTION));
        client.close();
        rows = RouteMatrix.load();
    }

    @Test
    void everyRouteOfTheRouterIsInTheMatrixAndEveryRowIsARoute() {
        List<String> differences = RouteMatrix.differences(router, rows);
        assertTrue(differences.isEmpty(), String.join("\n", differences));
    }

    @Test
    void everyRoleGetsTheAnswerTheMatrixSaysOnEveryRoute() throws Exception {
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (RouteMatrix.Route route : rows) {
            String path = expand(route.plainPath());
            for (String role : RouteMatrix.ROLES) {
                String expected = route.answers().get(role);
                if (expected.equals("skip")) {
                    continue;
                }
                int status = send(route.method(), path, tokens.get(role));
                sent++;
                boolean refused = status == 401 || status == 403;
                if (status >= 500) {
                    wrong.add(route.key() + " as " + role + ": " + status);
                } else if (expected.equals("403") && status != 403) {
                    wrong.add(route.key() + " as " + role + ": expected 403, got " + status);
                } else if (expected.equals("ok") && refused) {
                    wrong.add(route.key() + " as " + role + ": expected to be let through, got " + status);
                }
            }
        }
        assertTrue(sent > 300, "the matrix was sent: " + sent);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    static String expand(String template) {
        String path = template;
        for (Map.Entry<String, String> v : VALUES.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", v.getValue());
        }
        return path;
    }

    int send(HttpMethod method, String path, String token) throws Exception {
        boolean page = !path.startsWith("/api/") && !path.equals("/login") && !path.equals("/health");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                .header("Authorization", "Bearer " + token);
        switch (method) {
            case GET -> request.GET();
            case DELETE -> request.DELETE();
            // sent as the workspace's own page would send it: the role is what is tested, not the origin
            default -> request.method(method.name(), HttpRequest.BodyPublishers.ofString(page ? "" : "{}"))
                    .header("Content-Type", page ? "application/x-www-form-urlencoded" : "application/json")
                    .header("Origin", "http://localhost:" + server.getPort());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
