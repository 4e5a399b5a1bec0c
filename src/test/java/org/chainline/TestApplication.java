package org.chainline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import org.chainline.demo.DemoCase;
import org.chainline.registry.imports.RecordImport;
import org.chainline.review.ClaimReviews;
import org.chainline.security.Accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The running application as a test of a {@link ChainlineTest} class reaches it, injected in place of the clients,
 * accounts and fixtures each class used to set up for itself: accounts by role, the demo case (reviewed or not), the
 * API in JSON and the workspace's pages and forms as a browser sends them, redirects read rather than followed.
 */
@Singleton
public final class TestApplication {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final EmbeddedServer server;
    private final Accounts accounts;
    private final DemoCase demo;
    private final ClaimReviews reviews;
    private final java.net.http.HttpClient forms = java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();

    TestApplication(@Client("/") HttpClient client, EmbeddedServer server, Accounts accounts, DemoCase demo, ClaimReviews reviews) {
        this.client = client;
        this.server = server;
        this.accounts = accounts;
        this.demo = demo;
        this.reviews = reviews;
    }

    /** A page's or an answer's status, headers and body, as the server sent them. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String location() {
            return headers.get("location");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public HttpClient client() {
        return client;
    }

    public Accounts accounts() {
        return accounts;
    }

    /** The service's address: {@code http://localhost:<port>}. */
    public String base() {
        return "http://localhost:" + server.getPort();
    }

    /** A bearer token of a new account holding {@code roles} (see {@link TestLogins#tokenFor}). */
    public String token(String... roles) {
        return TestLogins.tokenFor(accounts, client, roles);
    }

    /** The demo case, loaded as an analyst would import it; its claims still wait for review. */
    public void loadDemo() {
        assertTrue(TestCases.load(demo, "tester").records().applied(), "the demo case loads");
    }

    /** The demo case with every claim accepted by a second person, so that dossiers may rest on them. */
    public void loadReviewedDemo() {
        loadDemo();
        TestReviews.acceptAll(reviews);
    }

    /** The API's JSON answer to a request that must succeed. */
    public JsonNode send(MutableHttpRequest<?> request, String token) {
        try {
            return JSON.readTree(client.toBlocking().retrieve(json(request).bearerAuth(token), String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The API's error (the one error format) for a request that must be refused with {@code status}. */
    public JsonNode refused(MutableHttpRequest<?> request, String token, HttpStatus status) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .exchange(json(request).bearerAuth(token), String.class));
        assertEquals(status, e.getStatus(), () -> e.getResponse().getBody(String.class).orElse(""));
        try {
            return JSON.readTree(e.getResponse().getBody(String.class).orElseThrow());
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    /** The request as JSON, unless it says what it is (a multipart upload, say). */
    private static MutableHttpRequest<?> json(MutableHttpRequest<?> request) {
        return request.getContentType().isPresent() ? request : request.contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** A page of the workspace as a browser asks for it, whatever its status; {@code token} null: signed out. */
    public Answer page(String path, String token) {
        return exchange(request(path, token).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
    }

    /** A page asked for with one more header (an htmx request's {@code HX-Request}, say). */
    public Answer exchange(String path, String token, String header, String value) {
        return exchange(request(path, token).header(header, value).GET());
    }

    /**
     * A form of the workspace posted as a browser posts it from one of its pages ({@code name=value&…} in the order
     * given, with the page's origin); {@code token} null: signed out.
     */
    public Answer form(String path, String token, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return exchange(request(path, token).header("Origin", base()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    private java.net.http.HttpRequest.Builder request(String path, String token) {
        var request = java.net.http.HttpRequest.newBuilder(URI.create(base() + path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Answer exchange(java.net.http.HttpRequest.Builder request) {
        try {
            var answer = forms.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = answer.headers().map().entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> String.join(", ", e.getValue()),
                            (a, b) -> a + ", " + b));
            return new Answer(answer.statusCode(), headers, answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
