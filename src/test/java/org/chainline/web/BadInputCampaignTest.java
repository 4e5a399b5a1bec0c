package org.chainline.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.demo.DemoCase;
import org.chainline.journal.Journal;
import org.chainline.registry.imports.RecordImport;
import org.chainline.security.Accounts;
import org.chainline.storage.DataDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A campaign of malformed requests against every route of the API, for every role, from a fixed seed (so a finding
 * can be replayed): broken and mistyped JSON, NUL and odd Unicode, huge and negative numbers, path values that try to
 * climb out, broken NDJSON, zips, FtM and CSV files. No answer may be a 5xx, take longer than its limit, or show a
 * stack trace or a Java class name; a refused request changes neither the journal nor the evidence store.
 */
@MicronautTest(transactional = false)
class BadInputCampaignTest extends ChainlineTest {

    static final int REQUESTS = 5_200;
    static final long SEED = 20261201L;
    /** A Java class name as a stack trace or a careless message would show it (org.chainline.X, java.io.Y...). */
    static final Pattern CLASS_NAME = Pattern.compile("\\b(?:java|javax|org|io|com|tech|jakarta)\\.[a-z][a-z0-9_]*\\.[A-Za-z.]*[A-Z]\\w*|\\tat |Exception:");

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Accounts accounts;
    @Inject
    Router router;
    @Inject
    EmbeddedServer server;
    @Inject
    Journal journal;
    @Inject
    DataDirectory data;
    @Inject
    DemoCase demo;

    final Map<String, String> tokens = new LinkedHashMap<>();
    final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void setUp() {
        TestCases.load(demo, "campaign");
        tokens.put("none", null);
        for (String role : List.of("viewer", "analyst", "counsel", "admin")) {
            tokens.put(role, TestLogins.tokenFor(accounts, client, role));
        }
        tokens.put("protector", TestLogins.tokenFor(accounts, client, "analyst", "witness-protection"));
    }

    static final String[] PATH_VALUES = {"x", "%00", "..%2F..%2Fetc%2Fpasswd", "..", "%2e%2e", "a".repeat(3000), "%E2%80%AE",
            "0", "-1", "99999999999999999999", "Қайрат", "%F0%9F%92%A5", "%ZZ", "%", "%20", "p-otegulov", "u-rrr7-sniper",
            "persons", "evidence", "i-square", "dos-00000000", "sub-x", "1", "NaN", "%3Cscript%3E", "%27%3B--", "%5C..%5C"};

    static final String[] QUERY_VALUES = {"", "%00", "-1", "0", "99999999999999999999", "1e309", "abc", "2025-13-45", "2025-02-30",
            "%ZZ", "a".repeat(5000), "true", "null", "%E2%80%AE", "2025", "2025-03", "2025-03-06", "Қ", "*", "..%2F..", "%0A%0D"};

    static final String[] QUERY_NAMES = {"q", "limit", "offset", "after", "at", "regime", "person", "list", "date", "reason",
            "fileName", "kind", "confidentiality", "format", "minimum", "username", "evidence", "restricted", "dataset",
            "subject", "audience", "incident", "retired", "depth", "title", "source", "id"};

    static final String[] BODIES = {"", "{", "}", "[]", "null", "true", "12", "\"text\"", "{\"a\":", "{\"id\": 5}",
            "{\"id\": \"\\u0000\"}", "{\"names\": \"not a list\"}", "{\"names\": [{\"value\": 12}]}", "{\"title\": [1,2]}",
            "{\"reason\": {\"x\": 1}}", "{\"start\": \"2025-02-30\"}", "{\"start\": 20250306}", "{\"at\": \"yesterday\"}",
            "{\"roles\": \"admin\"}", "{\"roles\": [null]}", "{\"username\": null, \"password\": 5}", "{\"confidentiality\": \"public\"}",
            "{\"citations\": [{\"evidence\": \"ev-nothing\", \"stance\": \"supports\"}]}", "{\"citations\": \"all\"}",
            "{\"number\": 1e999999}", "{\"n\": -9223372036854775809}", "{\"s\": \"\\ud800\"}", "{\"s\": \"\\udfff\\ud800\"}",
            "{\"\\u0000\": 1}", "{\"type\": \"Nothing\"}", "{\"type\": \"Person\", \"id\": \"../../x\"}",
            "{\"identity\": {\"sealed\": \"v2.ffffffff.AAAA\"}}", "{\"identity\": {\"sealed\": \"v1.x.y\"}}",
            "{\"subject\": \"p-otegulov\", \"regime\": \"nope\"}", "{\"subject\": 5, \"regime\": [\"eu-ghrsr\"]}",
            "{\"dossier\": \"dos-x\", \"authority\": \"\", \"submittedOn\": \"soon\"}", "{\"status\": \"designated\", \"on\": \"2025-99-01\"}",
            "{\"anchors\": [{\"seq\": \"x\", \"hash\": 5}]}", "{\"anchors\": 5}", "{\"to\": \"\\u202E\"}",
            "{\"currentPassword\": [], \"newPassword\": {}}", "{\"decision\": \"maybe\", \"entry\": 5}",
            "\u0000\u0001\u0002", "\uFEFF{}", "{\"a\":\"b\"}{\"c\":1}", "{\"a\": 1, \"a\": 2}"};

    /** Bodies that are not JSON at all: binary junk, NDJSON with broken lines, zips, CSV and FtM lines. */
    byte[] junk(Random random) throws Exception {
        return switch (random.nextInt(8)) {
            case 0 -> randomBytes(random, random.nextInt(4000));
            case 1 -> ("{\"type\": \"Person\", \"id\": \"p-" + random.nextInt(100) + "\", \"names\": [{\"value\": \"Fictional\"}]}\n{broken\n"
                    + "{\"type\": \"Posting\", \"id\": \"po-x\", \"person\": \"p-none\", \"unit\": 7}\n").getBytes(StandardCharsets.UTF_8);
            case 2 -> zip(random, true);
            case 3 -> zip(random, false);
            case 4 -> "id,schema,name\n\"unterminated,Person,x\n".getBytes(StandardCharsets.UTF_8);
            case 5 -> "{\"id\": \"x\", \"schema\": \"Nope\", \"properties\": []}\n{\"id\": 5}\n".getBytes(StandardCharsets.UTF_8);
            case 6 -> "[".repeat(100_000).getBytes(StandardCharsets.UTF_8);
            default -> ("{\"id\":\"" + "\\".repeat(1001) + "\"}").getBytes(StandardCharsets.UTF_8);
        };
    }

    static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static byte[] zip(Random random, boolean truncated) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(random.nextBoolean() ? "../../result.json" : "export/result.json"));
            zip.write(("{\"name\": \"Fictional\", \"type\": \"personal_chat\", \"id\": 5, \"messages\": [{\"id\": \"x\", "
                    + "\"date_unixtime\": \"soon\", \"photo\": \"../../../etc/passwd\"}, 7]}").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        byte[] whole = out.toByteArray();
        return truncated ? Arrays.copyOf(whole, whole.length / 2) : whole;
    }

    long storedFiles() throws Exception {
        try (var walk = Files.walk(data.root().resolve("evidence").resolve("sha256"))) {
            return walk.filter(Files::isRegularFile).count();
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    @Test
    void thousandsOfMalformedRequestsGetA4xxFastAndChangeNothing() throws Exception {
        Random random = new Random(SEED);
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes()
                .filter(r -> !r.getUriMatchTemplate().toString().startsWith("/swagger"))
                .filter(r -> !r.getUriMatchTemplate().toString().equals("/api/graph/rebuild"))
                .toList();
        List<String> roles = new ArrayList<>(tokens.keySet());
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
            UriRouteInfo<?, ?> route = routes.get(random.nextInt(routes.size()));
            String role = roles.get(random.nextInt(roles.size()));
            String template = route.getUriMatchTemplate().toString().replaceAll("\\{\\?[^}]*}", "");
            StringBuilder path = new StringBuilder();
            Matcher m = Pattern.compile("\\{[^}]+}").matcher(template);
            while (m.find()) {
                m.appendReplacement(path, Matcher.quoteReplacement(PATH_VALUES[random.nextInt(PATH_VALUES.length)]));
            }
            m.appendTail(path);
            int params = random.nextInt(3);
            for (int p = 0; p < params; p++) {
                path.append(p == 0 ? '?' : '&').append(QUERY_NAMES[random.nextInt(QUERY_NAMES.length)]).append('=')
                        .append(QUERY_VALUES[random.nextInt(QUERY_VALUES.length)]);
            }
            HttpMethod method = route.getHttpMethod();
            byte[] body = new byte[0];
            String contentType = null;
            if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
                if (random.nextInt(4) == 0) {
                    body = junk(random);
                    contentType = List.of("application/octet-stream", "application/x-ndjson", "application/zip", "text/csv",
                            "application/json").get(random.nextInt(5));
                } else {
                    body = BODIES[random.nextInt(BODIES.length)].getBytes(StandardCharsets.UTF_8);
                    contentType = random.nextInt(10) == 0 ? "text/plain" : "application/json";
                }
            }
            long headBefore = journal.head().seq();
            long filesBefore = storedFiles();
            long started = System.nanoTime();
            Answer answer;
            try {
                answer = send(method.name(), path.toString(), tokens.get(role), contentType, body);
            } catch (HttpTimeoutException | SocketTimeoutException e) {
                failures.add("#" + i + " " + method + " " + truncate(path.toString()) + " as " + role + ": no answer within 15 s");
                continue;
            } catch (IOException e) {
                failures.add("#" + i + " " + method + " " + truncate(path.toString()) + " as " + role + ": connection failed: " + e);
                continue;
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            statuses.merge(answer.status(), 1, Integer::sum);
            String where = "#" + i + " " + method + " " + truncate(path.toString()) + " as " + role + " with "
                    + truncate(new String(body, StandardCharsets.UTF_8)) + " -> " + answer.status() + " " + truncate(answer.body());
            if (answer.status() >= 500) {
                failures.add(where);
            } else if (CLASS_NAME.matcher(answer.body()).find()) {
                failures.add("a class name or trace in " + where);
            } else if (millis > 10_000) {
                failures.add("slow (" + millis + " ms): " + where);
            } else if (answer.status() >= 400 && (journal.head().seq() != headBefore || storedFiles() != filesBefore)) {
                failures.add("a refused request changed the stores: " + where);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " findings (seed " + SEED + "):\n" + String.join("\n", failures));
        int total = statuses.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(total >= 5_000, "sent " + total + " requests: " + statuses);
        System.out.println("Bad-input campaign: " + total + " requests over " + routes.size() + " routes, statuses " + statuses);
    }

    record Answer(int status, String body) {
    }

    /**
     * Sends a request as it is written: through the JDK's client where it accepts the URI, and over a socket where the
     * URI is one no well-behaved client would send (malformed percent-encoding, spaces): exactly what an attacker sends.
     */
    Answer send(String method, String path, String token, String contentType, byte[] body) throws Exception {
        URI uri = null;
        try {
            uri = URI.create(server.getURI() + path);
        } catch (IllegalArgumentException e) {
            // sent raw below
        }
        // a request line past Netty's limit is answered and the connection closed at once, which the JDK's client,
        // still sending, reports as no answer: such requests go over the socket too
        if (uri != null && path.length() < 4000) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.body());
        }
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(15_000);
            StringBuilder head = new StringBuilder(method + " " + path.replace(" ", "%20").replace("\n", "") + " HTTP/1.1\r\n"
                    + "Host: localhost\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append("\r\n");
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String[] statusLine = all.split("\r\n", 2)[0].split(" ");
            int status = statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : 999;
            int bodyAt = all.indexOf("\r\n\r\n");
            return new Answer(status, bodyAt < 0 ? "" : all.substring(bodyAt + 4));
        }
    }

    private static String truncate(String s) {
        String flat = s.replaceAll("[\\p{Cntrl}]", "?");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
