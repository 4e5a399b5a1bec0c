package org.chainline.protection;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.TestStores;
import org.chainline.adversary.RouteMatrix;
import org.chainline.demo.DemoCase;
import org.chainline.journal.GraphDump;
import org.chainline.registry.Records;
import org.chainline.registry.imports.RecordImport;
import org.chainline.registry.model.RecordType;
import org.chainline.security.Accounts;
import org.chainline.storage.DataDirectory;
import org.chainline.storage.StoreSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plants known (fictional) names through every path that seals an identity: a witness source, a protected victim, an
 * item's author, a protected testimony's bytes, a Telegram sender, a forwarder named without an id, a personal chat, a
 * channel post's signature. Then looks for them everywhere they must not be: every response to the roles without the
 * grant, the journal as counsel reads it, the FollowTheMoney export, the dossiers (text and attachment), the graph, the
 * log, and the raw bytes of the data directory and of both stores' files.
 */
@MicronautTest(transactional = false)
class LeakScanTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> PLANTED = new LinkedHashMap<>();
    /**
     * Planted values that are searched for in every output but not at rest (the raw bytes, the graph): an item uploaded
     * as restricted and raised to protected later arrived under its name, and the journal's earlier entries (its first
     * version and its arrival) keep it as written (sealing every file name at arrival is the open end named in the
     * README); a protected item's SHA-256 is how the store finds its bytes and the graph tells copies apart.
     */
    static final Set<String> KEPT_AT_REST = Set.of("file name of an item raised to protected",
            "protected testimony's SHA-256", "protected testimony's SHA-256 as an id", "raised item's SHA-256");
    /** A protected testimony's bytes: its SHA-256 must reach no role without the grant (whoever has a copy could confirm it). */
    static final String TESTIMONY = "Testimony: I am Bakhytgul Sarsenbaikyzy, I saw the platoon.";
    /** The bytes of an item uploaded as restricted and raised to protected later. */
    static final String RAISED = "A statement.";

    static {
        PLANTED.put("witness source", "Zhuldyzbek Qaraqoyshyuly");
        PLANTED.put("witness phone", "+000 555 31337");
        PLANTED.put("protected victim", "Айнагүл Тоқтарбекқызы");
        PLANTED.put("item author", "Perizat Oraltaikyzy");
        PLANTED.put("testimony bytes", "Bakhytgul Sarsenbaikyzy");
        PLANTED.put("telegram sender", "Ерсұлтан Жолдасбекұлы");
        PLANTED.put("telegram sender id", "user8886661");
        PLANTED.put("forwarder without id", "Gaukhar Nurmukhambetova");
        PLANTED.put("personal chat", "Dariga Kenzhebulatova");
        PLANTED.put("personal chat id", "7770001119");
        PLANTED.put("channel signature", "Marat Yeszhanovich");
        PLANTED.put("protected file's name", "Saule-Zhanbyrbayeva");
        PLANTED.put("document in a personal chat", "Nurgul-Abenova");
        PLANTED.put("forward from a private group", "Qyzylsai Mothers Group");
        PLANTED.put("forward from a channel not known public", "Zhetisu Night Watch");
        PLANTED.put("private channel", "Ulytau Relatives Channel");
        PLANTED.put("private channel id", "1466600042");
        PLANTED.put("channel posting in a private group", "Kokshetau Support Line");
        PLANTED.put("file name of an item raised to protected", "Aisulu-Temirkhanova");
        PLANTED.put("witness by an NDJSON import", "Tolqyn Abylaikhanova");
        PLANTED.put("victim by the workspace's form", "Meruert Sagyndykqyzy");
        String testimonySha = org.chainline.Sha256.hex(TESTIMONY.getBytes(StandardCharsets.UTF_8));
        PLANTED.put("protected testimony's SHA-256", testimonySha);
        PLANTED.put("protected testimony's SHA-256 as an id", "ev-" + testimonySha.substring(0, 16));
        // an item is named by a keyed token from its arrival, so raising it later leaves no id that confirms its file
        String raisedSha = org.chainline.Sha256.hex(RAISED.getBytes(StandardCharsets.UTF_8));
        PLANTED.put("raised item's SHA-256", raisedSha);
        PLANTED.put("raised item's SHA-256 as an id", "ev-" + raisedSha.substring(0, 16));
    }

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Accounts accounts;
    @Inject
    DemoCase demo;
    @Inject
    DataDirectory data;
    @Inject
    StoreSettings settings;
    @Inject
    Router router;
    @Inject
    Records records;

    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Map<String, String> tokens = new LinkedHashMap<>();
    String analyst;
    String counsel;
    /** The protected testimony's id, and what a second upload of its bytes answered. */
    String testimony;
    String secondUpload;

    @BeforeAll
    void plant() throws Exception {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        TestCases.load(demo, "leak scan");
        analyst = TestLogins.tokenFor(accounts, client, "analyst");
        counsel = TestLogins.tokenFor(accounts, client, "counsel");
        tokens.put("viewer", TestLogins.tokenFor(accounts, client, "viewer"));
        tokens.put("analyst", analyst);
        tokens.put("counsel", counsel);
        tokens.put("admin", TestLogins.tokenFor(accounts, client, "admin"));

        exchange(HttpRequest.PATCH("/api/sources/src-w017", "{\"identity\": {\"name\": \"" + PLANTED.get("witness source")
                + "\", \"phone\": \"" + PLANTED.get("witness phone") + "\"}, \"reason\": \"leak scan\"}").bearerAuth(analyst));
        exchange(HttpRequest.PATCH("/api/victims/v-003", "{\"identity\": \"" + PLANTED.get("protected victim") + "\"}").bearerAuth(analyst));
        exchange(HttpRequest.POST("/api/import?reason=leak%20scan", "{\"type\": \"Source\", \"id\": \"src-ndjson-plant\", \"pseudonym\":"
                + " \"W-901\", \"kind\": \"witness\", \"identity\": {\"name\": \"" + PLANTED.get("witness by an NDJSON import") + "\"}}\n")
                .contentType("application/x-ndjson").bearerAuth(analyst));
        // the form shows the protected field to holders of the grant only: a holder types the victim's identity
        String holder = TestLogins.tokenFor(accounts, client, "analyst", "witness-protection");
        exchange(HttpRequest.POST("/records/victim/new", "id=v-form-plant&pseudonym=V-901&identity="
                + URLEncoder.encode(PLANTED.get("victim by the workspace's form"), StandardCharsets.UTF_8) + "&reason=leak+scan")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).bearerAuth(holder));
        String formVictim = client.toBlocking().retrieve(HttpRequest.POST("/api/victims/v-form-plant/reveal", "{\"reason\": \"scan\"}")
                .bearerAuth(holder));
        assertTrue(formVictim.contains(PLANTED.get("victim by the workspace's form")), "the form sealed what the holder typed: " + formVictim);
        exchange(HttpRequest.POST("/api/evidence", "{\"id\": \"ev-leak-signed\", \"kind\": \"document\", \"title\": \"A signed letter\","
                + " \"authorIdentity\": \"" + PLANTED.get("item author") + "\"}").bearerAuth(analyst));
        testimony = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/api/evidence/files?fileName="
                        + PLANTED.get("protected file's name") + "-testimony.txt&kind=testimony&confidentiality=protected",
                TESTIMONY.getBytes(StandardCharsets.UTF_8)).contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(analyst))).get("evidence").asText();
        // a second upload of the same bytes, as whoever holds a copy of the testimony would try it: the answer is scanned
        secondUpload = client.toBlocking().retrieve(HttpRequest.POST("/api/evidence/files?fileName=copy.txt",
                TESTIMONY.getBytes(StandardCharsets.UTF_8)).contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(analyst));
        String raised = JSON.readTree(client.toBlocking().retrieve(HttpRequest.POST("/api/evidence/files?fileName="
                        + PLANTED.get("file name of an item raised to protected") + "-statement.txt&kind=testimony",
                RAISED.getBytes(StandardCharsets.UTF_8)).contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(analyst)))
                .get("evidence").asText();
        exchange(HttpRequest.PATCH("/api/evidence/" + raised, "{\"confidentiality\": \"protected\", \"reason\": \"it names the witness\"}")
                .bearerAuth(analyst));
        exchange(HttpRequest.POST("/api/evidence/telegram?reason=leak%20scan", telegramExport())
                .contentType(MediaType.of("application/zip")).bearerAuth(analyst));
        // a claim cites the private channel's post, so that the dossiers (drafts include the claim) print its channel
        String privatePost = null;
        for (JsonNode item : JSON.readTree(get("/api/evidence?limit=500", analyst))) {
            String one = get("/api/evidence/" + item.get("id").asText(), analyst);
            if (one.contains("posted in the private channel")) {
                privatePost = item.get("id").asText();
            }
        }
        assertTrue(privatePost != null, "the private channel's post was imported");
        exchange(HttpRequest.PATCH("/api/knowledge/know-otegulov-square", "{\"citations\": [{\"evidence\": \"ev-hrg-complaint\"},"
                + " {\"evidence\": \"" + privatePost + "\"}, {\"evidence\": \"" + testimony + "\"}], \"reason\": \"leak scan\"}")
                .bearerAuth(analyst));
        for (String regime : List.of("eu-ghrsr", "us-glomag")) {
            for (String audience : List.of("government-confidential", "public")) {
                for (boolean draft : List.of(false, true)) {
                    exchange(HttpRequest.POST("/api/dossiers?wait=true", "{\"subject\": \"p-otegulov\", \"regime\": \"" + regime
                            + "\", \"audience\": \"" + audience + "\", \"draft\": " + draft + "}").bearerAuth(counsel));
                }
            }
        }
        // a holder annexes the testimony to a government-confidential draft: it prints the real SHA-256, and goes to no one else
        String annexing = TestLogins.tokenFor(accounts, client, "counsel", "witness-protection");
        exchange(HttpRequest.POST("/api/dossiers?wait=true", "{\"subject\": \"p-otegulov\", \"regime\": \"eu-ghrsr\", \"draft\": true,"
                + " \"annex\": [\"" + testimony + "\"]}").bearerAuth(annexing));
    }

    @AfterAll
    void detach() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    void exchange(HttpRequest<?> request) {
        client.toBlocking().exchange(request, String.class);
    }

    String get(String path, String token) {
        return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token));
    }

    byte[] telegramExport() throws Exception {
        String json = """
                {"chats": {"list": [
                  {"name": "%s", "type": "personal_chat", "id": %s, "messages": [
                    {"id": 1, "type": "message", "date_unixtime": "1741255200", "from": "%s", "from_id": "%s",
                     "text": "the sniper was on the roof"},
                    {"id": 2, "type": "message", "date_unixtime": "1741255260", "from": "%s", "from_id": "%s",
                     "forwarded_from": "%s", "text": "forwarded for the record"}]},
                  {"name": "Akkala Leak Channel", "type": "public_channel", "id": 1700000077, "messages": [
                    {"id": 5, "type": "message", "date_unixtime": "1741255300", "from": "Akkala Leak Channel",
                     "from_id": "channel1700000077", "author": "%s", "text": "post"}]},
                  {"name": "%s", "type": "personal_chat", "id": 7770001120, "messages": [
                    {"id": 7, "type": "message", "date_unixtime": "1741255400", "from": "%s", "from_id": "%s",
                     "file": "files/%s_passport.pdf", "mime_type": "application/pdf", "text": "my papers"},
                    {"id": 8, "type": "message", "date_unixtime": "1741255460", "from": "%s", "from_id": "%s",
                     "forwarded_from": "%s", "forwarded_from_id": "chat779", "text": "from the group"},
                    {"id": 9, "type": "message", "date_unixtime": "1741255520", "from": "%s", "from_id": "%s",
                     "forwarded_from": "%s", "forwarded_from_id": "channel5550001", "text": "from a channel"}]},
                  {"name": "%s", "type": "private_channel", "id": %s, "messages": [
                    {"id": 3, "type": "message", "date_unixtime": "1741255600", "from": "%s", "from_id": "channel%s",
                     "text": "posted in the private channel"}]},
                  {"name": "Relatives' group", "type": "private_group", "id": 4440002, "messages": [
                    {"id": 11, "type": "message", "date_unixtime": "1741255700", "from": "%s", "from_id": "channel4440001",
                     "text": "sent as a channel"}]}]}}
                """.formatted(PLANTED.get("personal chat"), PLANTED.get("personal chat id"), PLANTED.get("telegram sender"),
                PLANTED.get("telegram sender id"), PLANTED.get("telegram sender"), PLANTED.get("telegram sender id"),
                PLANTED.get("forwarder without id"), PLANTED.get("channel signature"),
                PLANTED.get("personal chat"), PLANTED.get("telegram sender"), PLANTED.get("telegram sender id"),
                PLANTED.get("document in a personal chat"),
                PLANTED.get("telegram sender"), PLANTED.get("telegram sender id"), PLANTED.get("forward from a private group"),
                PLANTED.get("telegram sender"), PLANTED.get("telegram sender id"), PLANTED.get("forward from a channel not known public"),
                PLANTED.get("private channel"), PLANTED.get("private channel id"), PLANTED.get("private channel"),
                PLANTED.get("private channel id"), PLANTED.get("channel posting in a private group"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("DataExport/result.json"));
            zip.write(json.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("DataExport/files/" + PLANTED.get("document in a personal chat") + "_passport.pdf"));
            zip.write("%PDF-1.4 a scanned passport".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /**
     * Every concrete path the leak scan reads: each GET route of the router (adversary/routes.tsv says how a route's
     * path variables are filled: over every record, item, person, unit, incident, claim, dossier or counsel text of the
     * case), with the queries that make the search, export and report routes answer with content.
     */
    List<String> everyReadPath() throws Exception {
        List<RouteMatrix.Route> rows = RouteMatrix.load();
        List<String> differences = RouteMatrix.differences(router, rows);
        assertTrue(differences.isEmpty(), String.join("\n", differences));
        Map<String, List<Map<String, String>>> bindings = bindings();
        List<String> paths = new ArrayList<>();
        for (RouteMatrix.Route route : rows) {
            if (!route.isRead()) {
                continue;
            }
            String scan = route.scan();
            if (scan.startsWith("none:")) {
                continue; // the row says why it cannot carry a planted identity
            }
            String template = route.plainPath();
            if (scan.equals("-")) {
                paths.add(template);
                for (String query : QUERIES.getOrDefault(template, List.of())) {
                    paths.add(template + "?" + query);
                }
                continue;
            }
            List<Map<String, String>> values = bindings.get(scan);
            assertTrue(values != null && !values.isEmpty(), route.key() + ": nothing to fill " + scan + " with");
            Set<String> expanded = new LinkedHashSet<>();
            for (Map<String, String> binding : values) {
                String path = template;
                for (Map.Entry<String, String> v : binding.entrySet()) {
                    path = path.replace("{" + v.getKey() + "}", URLEncoder.encode(v.getValue(), StandardCharsets.UTF_8));
                }
                if (!path.contains("{")) {
                    expanded.add(path);
                }
            }
            assertTrue(!expanded.isEmpty(), route.key() + ": " + scan + " fills none of its variables");
            paths.addAll(expanded);
            if (template.equals("/api/{collection}")) {
                expanded.forEach(p -> paths.add(p + "?limit=500"));
            }
        }
        return paths;
    }

    /** The query strings that make a route answer with content (a search for each planted name's last word, …). */
    final Map<String, List<String>> QUERIES = new LinkedHashMap<>();

    /** For each kind of id a route is filled with, the values of its path variables, read as counsel reads them. */
    Map<String, List<Map<String, String>>> bindings() throws Exception {
        Map<String, List<Map<String, String>>> out = new LinkedHashMap<>();
        for (String kind : List.of("records", "evidence", "persons", "units", "incidents", "claims", "dossiers", "counsel")) {
            out.put(kind, new ArrayList<>());
        }
        for (RecordType type : records.model().types()) {
            for (JsonNode r : JSON.readTree(get("/api/" + type.plural() + "?limit=500", counsel))) {
                String id = r.get("id").asText();
                Map<String, String> record = Map.of("collection", type.plural(), "id", id,
                        "slug", type.name().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase());
                out.get("records").add(record);
                out.get(type.claim() ? "claims" : "records").add(Map.of("id", id));
                switch (type.name()) {
                    case "Evidence" -> out.get("evidence").add(Map.of("id", id));
                    case "Person" -> out.get("persons").add(Map.of("id", id, "person", id));
                    case "Unit" -> out.get("units").add(Map.of("id", id));
                    case "Incident" -> out.get("incidents").add(Map.of("id", id));
                    default -> { }
                }
            }
            out.get("records").add(Map.of("collection", type.plural()));
        }
        for (JsonNode d : JSON.readTree(get("/api/dossiers", counsel))) {
            out.get("dossiers").add(Map.of("id", d.get("id").asText()));
        }
        List<String> regimes = new ArrayList<>();
        JSON.readTree(get("/api/regimes", counsel)).forEach(r -> regimes.add(r.get("id").asText()));
        for (String regime : regimes) {
            out.get("counsel").add(Map.of("subject", "p-otegulov", "regime", regime));
            QUERIES.computeIfAbsent("/api/sanctions/gaps", k -> new ArrayList<>()).add("regime=" + regime);
            QUERIES.get("/api/sanctions/gaps").add("regime=" + regime + "&format=csv");
            QUERIES.computeIfAbsent("/home/gaps", k -> new ArrayList<>()).add("regime=" + regime);
        }
        for (String name : PLANTED.values()) {
            String[] words = name.split("[ -]");
            String q = "q=" + URLEncoder.encode(words[words.length - 1], StandardCharsets.UTF_8);
            QUERIES.computeIfAbsent("/api/search", k -> new ArrayList<>()).add(q);
            QUERIES.computeIfAbsent("/search", k -> new ArrayList<>()).add(q);
        }
        QUERIES.put("/api/journal", List.of("after=0&limit=1000", "after=1000&limit=1000"));
        QUERIES.put("/api/ftm/export", List.of("restricted=true"));
        QUERIES.put("/api/reviews", List.of("limit=500"));
        QUERIES.put("/api/sanctions/candidates", List.of("person=p-otegulov"));
        return out;
    }

    /**
     * The search page repeats what was typed (in its title, its field and its heading): that is the reader's own word, not a
     * leak; what the search found is still scanned.
     */
    static String withoutTheQueryEcho(String path, String body) {
        int q = path.indexOf("?q=");
        if (q < 0) {
            return body;
        }
        String typed = URLDecoder.decode(path.substring(q + 3), StandardCharsets.UTF_8);
        return body.replace("value=\"" + typed + "\"", "").replace("for “" + typed + "”", "").replace("<title>Search: " + typed, "<title>");
    }

    /** What each route answers to a role without the grant, as text, by path (four requests at a time). */
    Map<String, String> everythingFor(String token, List<String> paths) throws Exception {
        var pool = Executors.newFixedThreadPool(4);
        try {
            Map<String, Future<String>> answers = new LinkedHashMap<>();
            for (String path : paths) {
                answers.put(path, pool.submit(() -> safe(path, token)));
            }
            Map<String, String> all = new LinkedHashMap<>();
            for (var answer : answers.entrySet()) {
                all.put(answer.getKey(), withoutTheQueryEcho(answer.getKey(), answer.getValue().get()));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    String safe(String path, String token) {
        try {
            byte[] body = client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token), byte[].class);
            return body == null ? "" : readable(body);
        } catch (HttpClientResponseException e) {
            return e.getResponse().getBody(String.class).orElse("");
        } catch (IOException e) {
            return ""; // unreachable: readable falls back to the bytes as text
        }
    }

    /** A PDF's text and attachments (and its bytes as text, for a file that only looks like one), or the body as text. */
    static String readable(byte[] body) throws IOException {
        if (body.length > 4 && new String(body, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            try {
                return pdfText(body);
            } catch (IOException notAPdf) {
                return new String(body, StandardCharsets.UTF_8);
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    static String pdfText(byte[] body) throws IOException {
        {
            StringBuilder all = new StringBuilder();
            try (PDDocument document = Loader.loadPDF(body)) {
                all.append(new PDFTextStripper().getText(document));
                var names = document.getDocumentCatalog().getNames();
                if (names != null && names.getEmbeddedFiles() != null && names.getEmbeddedFiles().getNames() != null) {
                    for (var spec : names.getEmbeddedFiles().getNames().values()) {
                        all.append(new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8));
                    }
                }
            }
            return all.toString();
        }
    }

    String dossiers() throws Exception {
        StringBuilder all = new StringBuilder();
        for (JsonNode d : JSON.readTree(get("/api/dossiers", counsel))) {
            if (!d.path("annexed").isEmpty()) {
                // the version that annexes the testimony is read by holders only
                var refused = Assertions.assertThrows(HttpClientResponseException.class,
                        () -> client.toBlocking().retrieve(HttpRequest.GET("/api/dossiers/" + d.get("id").asText() + "/pdf").bearerAuth(counsel), byte[].class));
                assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
                continue;
            }
            byte[] pdf = client.toBlocking().retrieve(HttpRequest.GET("/api/dossiers/" + d.get("id").asText() + "/pdf").bearerAuth(counsel), byte[].class);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                all.append(new PDFTextStripper().getText(document));
                var spec = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames().get("dossier.json");
                all.append(new String(spec.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8));
            }
            all.append(new String(pdf, StandardCharsets.ISO_8859_1));
        }
        assertTrue(all.length() > 10_000, "the dossiers were generated and read back");
        return all.toString();
    }

    @Test
    void noPlantedIdentityAppearsInAnyResponseExportDossierGraphOrLog() throws Exception {
        List<String> found = new ArrayList<>();
        List<String> paths = everyReadPath();
        assertTrue(paths.size() > 500, "the scan reads every route over the case: " + paths.size() + " paths");
        for (Map.Entry<String, String> role : tokens.entrySet()) {
            Map<String, String> seen = everythingFor(role.getValue(), paths);
            PLANTED.forEach((what, name) -> seen.entrySet().stream().filter(e -> e.getValue().contains(name)).findFirst()
                    .ifPresent(e -> found.add(what + " in a response to " + role.getKey() + " (GET " + e.getKey() + ": …"
                            + around(e.getValue(), name) + "…)")));
        }
        String pdfs = dossiers();
        PLANTED.forEach((what, name) -> {
            // the uploader's own file's SHA-256 is theirs to know; which item holds it is not
            if ((!what.equals("protected testimony's SHA-256") && secondUpload.contains(name)) || secondUpload.contains(testimony)) {
                found.add(what + " or the protected item's id in the answer to a second upload of its bytes: " + secondUpload);
            }
        });
        String graph = String.join("\n", GraphDump.of(TestStores.driver()));
        String logged = String.join("\n", logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        PLANTED.forEach((what, name) -> {
            if (pdfs.contains(name)) {
                found.add(what + " in a dossier");
            }
            if (graph.contains(name) && !KEPT_AT_REST.contains(what)) {
                found.add(what + " in the graph");
            }
            if (logged.contains(name)) {
                found.add(what + " in the log");
            }
        });
        assertTrue(found.isEmpty(), String.join("\n", found));

        // and the grant does reveal them, so the scan looks for what is really there
        String protector = TestLogins.tokenFor(accounts, client, "viewer", "witness-protection");
        String revealed = client.toBlocking().retrieve(HttpRequest.POST("/api/sources/src-w017/reveal", "{\"reason\": \"scan\"}").bearerAuth(protector));
        assertTrue(revealed.contains(PLANTED.get("witness source")), revealed);
    }

    @Test
    void noPlantedIdentityIsInClearInTheRawBytesOfTheDataDirectoryOrTheStores() throws Exception {
        try (var c = DriverManager.getConnection(settings.postgres().url()); var s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
        List<Path> roots = List.of(data.root(), TestStores.storesRoot());
        List<String> found = new ArrayList<>();
        Map<String, byte[]> needles = new LinkedHashMap<>();
        PLANTED.forEach((what, name) -> {
            if (!KEPT_AT_REST.contains(what)) {
                needles.put(what, name.getBytes(StandardCharsets.UTF_8));
            }
        });
        long scanned = 0;
        for (Path root : roots) {
            try (var walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    byte[] bytes;
                    try {
                        bytes = Files.readAllBytes(file);
                    } catch (IOException e) {
                        continue; // a file a store is rotating away
                    }
                    scanned += bytes.length;
                    for (Map.Entry<String, byte[]> needle : needles.entrySet()) {
                        if (indexOf(bytes, needle.getValue()) >= 0) {
                            found.add(needle.getKey() + " in clear in " + root.relativize(file));
                        }
                    }
                }
            }
        }
        assertTrue(scanned > 1_000_000, "the scan read the stores: " + scanned + " bytes");
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    static String around(String text, String name) {
        int at = text.indexOf(name);
        return text.substring(Math.max(0, at - 80), Math.min(text.length(), at + name.length() + 40)).replace('\n', ' ');
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
