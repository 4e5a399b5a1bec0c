package org.chainline.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.security.Accounts;
import org.chainline.storage.StoreSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bodies too large, characters no store keeps, writers past the pool, tokens not yet valid: clear answers, at once. */
@MicronautTest(transactional = false)
class HostileInputTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Accounts accounts;
    @Inject
    EmbeddedServer server;
    @Inject
    StoreSettings settings;

    String analyst;
    String counsel;
    String viewer;
    final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void setUp() {
        analyst = TestLogins.tokenFor(accounts, client, "analyst");
        counsel = TestLogins.tokenFor(accounts, client, "counsel");
        viewer = TestLogins.tokenFor(accounts, client, "viewer");
    }

    HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.getURI().resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] json(String field, int length) {
        return ("{\"" + field + "\": \"" + "x".repeat(length) + "\", \"currentPassword\": \"y\", \"newPassword\": \"z\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aJsonBodyOfAHundredKilobytesIsAnsweredAndOneOverTheLimitGets413AndAClosedConnection() throws Exception {
        for (int size : new int[]{100_000, 300_000, 900_000}) {
            HttpResponse<String> answered = send("POST", "/api/cases", counsel, "application/json", json("title", size));
            assertEquals(400, answered.statusCode(), "read and answered: " + size);
            assertTrue(answered.body().contains("\"field\":\"title\""), answered.body());
            HttpResponse<String> password = send("PUT", "/api/me/password", viewer, "application/json", json("currentPassword", size));
            assertTrue(password.statusCode() == 400, password.body());
        }
        // a file that happens to be JSON is not a JSON request: it streams to the locker under the file limit
        HttpResponse<String> file = send("POST", "/api/evidence/files?fileName=big.json", analyst, "application/json", json("title", 3_000_000));
        assertEquals(201, file.statusCode(), file.body());
        // answered before the body is read, and the answer reaches the client still sending it, every time
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> tooLarge = send("POST", "/api/persons", analyst, "application/json", json("title", 3_000_000));
            assertEquals(413, tooLarge.statusCode());
            assertTrue(tooLarge.body().contains("\"field\":\"body\""), tooLarge.body());
        }

        // the server answers and closes without reading the rest: a client still sending is not left hanging
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/persons HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + analyst
                    + "\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{\"title\": \"").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 413", head);
            byte[] rest = in.readAllBytes();
            assertTrue(new String(rest, StandardCharsets.US_ASCII).toLowerCase().contains("connection: close"));
        }
    }

    @Test
    void anOverlongSearchOrUriIsRefusedNamingTheRequestsOwnPath() throws Exception {
        HttpResponse<String> longQuery = send("GET", "/api/search?q=" + "a".repeat(5_000), viewer, null, new byte[0]);
        HttpResponse<String> answered = send("GET", "/api/search?q=a", viewer, null, new byte[0]);
        assertEquals(200, answered.statusCode(), "a refused URI leaves the next request unharmed: " + answered.body());
        assertEquals(400, longQuery.statusCode(), longQuery.body());
        assertTrue(longQuery.body().contains("\"field\":\"q\"") && longQuery.body().contains("\"path\":\"/api/search\""), longQuery.body());
        HttpResponse<String> longUri = send("GET", "/api/search?q=a&padding=" + "a".repeat(20_000), viewer, null, new byte[0]);
        assertEquals(414, longUri.statusCode(), longUri.body());
        assertTrue(longUri.body().contains("\"field\":\"uri\"") && longUri.body().contains("\"path\":\"/api/search\""), longUri.body());
        // past what the server reads of a request line at all, the path is unknown: it is left out, never made up
        HttpResponse<String> huge = send("GET", "/api/search?q=" + "a".repeat(70_000), viewer, null, new byte[0]);
        assertEquals(414, huge.statusCode(), huge.body());
        assertFalse(huge.body().contains("bad-request"), huge.body());
        assertTrue(huge.body().contains("\"field\":\"uri\""), huge.body());
        assertEquals("close", huge.headers().firstValue("connection").orElse(""), "the connection is not reused after a line it could not read");
        // the next request, on a new connection, is answered
        HttpResponse<String> after = send("POST", "/api/persons", analyst, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, after.statusCode(), after.body());
    }

    @Test
    void aNulByteIsA400NamingTheFieldWherEverItComesIn() throws Exception {
        HttpResponse<String> path = send("GET", "/api/persons/%00", analyst, null, new byte[0]);
        assertEquals(400, path.statusCode(), path.body());
        assertTrue(path.body().contains("\"field\":\"path\""), path.body());
        HttpResponse<String> query = send("GET", "/api/persons?q=a%00b", analyst, null, new byte[0]);
        assertEquals(400, query.statusCode());
        assertTrue(query.body().contains("\"field\":\"q\""), query.body());
        HttpResponse<String> login = send("POST", "/login", null, "application/json",
                "{\"username\": \"ad\\u0000min\", \"password\": \"whatever it is\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, login.statusCode(), login.body());
        assertTrue(login.body().contains("\"field\":\"username\""), login.body());
        HttpResponse<String> body = send("POST", "/api/persons", analyst, "application/json",
                "{\"names\": [{\"value\": \"Ерлан\\u0000\"}]}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, body.statusCode(), body.body());
        assertTrue(body.body().contains("names[0].value"), body.body());
        HttpResponse<String> custody = send("POST", "/api/evidence/ev-x/custody", analyst, "application/json",
                "{\"to\": \"a\\u0000b\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, custody.statusCode(), custody.body());
    }

    @Test
    void writersPastThePoolQueueInTurnAndNoneGetsA500() throws Exception {
        int writers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                answers.add(pool.submit(() -> send("POST", "/api/persons", analyst, "application/json",
                        ("{\"names\": [{\"value\": \"Fictional writer " + n + "\"}]}").getBytes(StandardCharsets.UTF_8))));
            }
            int created = 0;
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get();
                assertTrue(r.statusCode() == 201 || (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()),
                        r.statusCode() + " " + r.body());
                created += r.statusCode() == 201 ? 1 : 0;
            }
            assertEquals(writers, created, "at this load every write is served in its turn");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTokenNotValidYetIsRefusedAndTokensLastTheEightHoursReadmeSays() throws Exception {
        String secret = Files.readString(settings.dataDir().resolve("keys").resolve("jwt-secret")).strip();
        JWTClaimsSet early = new JWTClaimsSet.Builder().subject(JSON.readTree(send("GET", "/api/me", viewer, null, new byte[0]).body())
                        .get("username").asText()).claim("roles", List.of("viewer")).issueTime(new Date())
                .notBeforeTime(new Date(System.currentTimeMillis() + 3_600_000))
                .expirationTime(new Date(System.currentTimeMillis() + 7_200_000)).build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), early);
        token.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        assertEquals(401, send("GET", "/api/me", token.serialize(), null, new byte[0]).statusCode());

        JWTClaimsSet issued = SignedJWT.parse(viewer).getJWTClaimsSet();
        long seconds = (issued.getExpirationTime().getTime() - issued.getIssueTime().getTime()) / 1000;
        assertEquals(8 * 3600, seconds);
    }

    @Test
    void aBrokenCsvIsRefusedInWordsWithoutAJavaClassName() throws Exception {
        String header = "id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,dataset,first_seen,last_seen,last_change\n";
        String broken = header + "NK-1,Person,Fictional Name,,,,,,,,,demo,,,\n" + "NK-2,Person,\"an unterminated quote,,,,\n";
        HttpResponse<String> refused = send("POST", "/api/sanctions/lists?list=broken", analyst, "text/csv",
                broken.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("is not valid CSV"), refused.body());
        assertTrue(!BadInputCampaignTest.CLASS_NAME.matcher(refused.body()).find(), refused.body());
    }
}
