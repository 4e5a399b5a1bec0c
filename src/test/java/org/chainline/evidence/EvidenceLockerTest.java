package org.chainline.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.access.Roles;
import org.chainline.storage.DataDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class EvidenceLockerTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestApplication app;
    @Inject
    DataDirectory data;

    String analyst;
    String viewer;
    String protector;

    @BeforeAll
    void setUp() {
        analyst = app.token(Roles.ANALYST);
        viewer = app.token(Roles.VIEWER);
        protector = app.token(Roles.VIEWER, Roles.WITNESS_PROTECTION);
    }

    HttpResponse<String> upload(byte[] bytes, String query, String contentType) {
        MutableHttpRequest<byte[]> request = HttpRequest.POST("/api/evidence/files" + query, bytes).bearerAuth(analyst);
        request.contentType(contentType);
        return app.client().toBlocking().exchange(request, String.class);
    }

    @Inject
    EmbeddedServer server;

    /** As curl sends it: bytes under any content type, which Micronaut's client would try to encode. */
    java.net.http.HttpResponse<String> raw(byte[] bytes, String query, String contentType) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        server.getURI().resolve("/api/evidence/files" + query)).header("Authorization", "Bearer " + analyst)
                .header("Content-Type", contentType).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String path, String token) throws Exception {
        return JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token)));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aFileIsHashedStoredAndTheSameBytesTwiceAreOneItemWithTwoArrivals() throws Exception {
        byte[] video = "fictional video bytes of the square, frame after frame".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> first = upload(video, "?fileName=square.mp4&title=Square%20at%2014:02", "video/mp4");
        assertEquals(HttpStatus.CREATED, first.getStatus());
        JsonNode received = JSON.readTree(first.body());
        assertEquals(sha256(video), received.get("sha256").asText());
        assertEquals(video.length, received.get("size").asLong());
        assertFalse(received.get("duplicate").asBoolean());
        String id = received.get("evidence").asText();

        java.net.http.HttpResponse<String> again = raw(video, "?fileName=copy-of-square.mp4", "application/x-www-form-urlencoded");
        assertEquals(200, again.statusCode());
        JsonNode second = JSON.readTree(again.body());
        assertTrue(second.get("duplicate").asBoolean());
        assertEquals(id, second.get("evidence").asText());

        JsonNode item = get("/api/evidence/" + id, viewer);
        assertEquals("video", item.get("kind").asText());
        assertEquals("Square at 14:02", item.get("title").asText());
        assertEquals("video/mp4", item.get("mediaType").asText());
        assertEquals("stored", item.get("fileStatus").asText());
        assertEquals(sha256(video), item.get("sha256").asText());

        byte[] downloaded = app.client().toBlocking().retrieve(HttpRequest.GET("/api/evidence/" + id + "/file").bearerAuth(viewer), byte[].class);
        assertArrayEquals(video, downloaded);

        JsonNode custody = get("/api/evidence/" + id + "/custody", viewer);
        List<String> actions = new ArrayList<>();
        custody.get("events").forEach(e -> actions.add(e.get("action").asText()));
        assertEquals(List.of("recorded", "received", "received", "viewed", "downloaded"), actions);
        JsonNode secondArrival = custody.get("events").get(2);
        assertEquals("copy-of-square.mp4", secondArrival.get("details").get("fileName").asText());
        assertTrue(secondArrival.get("details").get("duplicate").asBoolean());
        assertEquals("video/mp4", secondArrival.get("details").get("mediaType").asText(), "guessed from the name, not curl's form type");
        assertEquals(64, secondArrival.get("entryHash").asText().length());
    }

    @Test
    void citationsAndHandOversAppearInTheCustodyReport() throws Exception {
        byte[] doc = "fictional duty roster of the regiment".getBytes(StandardCharsets.UTF_8);
        String id = JSON.readTree(upload(doc, "?fileName=roster.pdf&kind=document", "application/pdf").body()).get("evidence").asText();
        app.client().toBlocking().exchange(HttpRequest.POST("/api/units", """
                {"id": "u-cust", "names": [{"value": "Custody regiment"}], "classification": "military"}""").bearerAuth(analyst));
        app.client().toBlocking().exchange(HttpRequest.POST("/api/incidents", """
                {"id": "i-cust", "title": "Custody incident", "violations": ["extrajudicial-killing"], "start": "2025-03-06"}""").bearerAuth(analyst));
        app.client().toBlocking().exchange(HttpRequest.POST("/api/involvements", """
                {"id": "inv-cust", "actor": "u-cust", "incident": "i-cust", "role": "perpetrated",
                 "citations": [{"evidence": "%s", "stance": "supports", "pinpoint": "page 2"}]}""".formatted(id)).bearerAuth(analyst));
        app.client().toBlocking().exchange(HttpRequest.POST("/api/evidence/" + id + "/custody", """
                {"to": "Fictional Prosecutor's Office, evidence unit", "note": "sealed copy on a USB drive", "reason": "request of 12 May"}""")
                .bearerAuth(analyst));
        JsonNode events = get("/api/evidence/" + id + "/custody", viewer).get("events");
        JsonNode cited = events.get(2);
        assertEquals("cited", cited.get("action").asText());
        assertEquals("inv-cust", cited.get("details").get("claim").asText());
        assertEquals("page 2", cited.get("details").get("pinpoint").asText());
        JsonNode transfer = events.get(3);
        assertEquals("transferred", transfer.get("action").asText());
        assertEquals("Fictional Prosecutor's Office, evidence unit", transfer.get("details").get("to").asText());
        assertEquals("request of 12 May", transfer.get("reason").asText());
    }

    @Test
    void verifyNamesAMissingProtectedFileByItsKeyedDigestOutsideTheGrant() throws Exception {
        byte[] d = "fictional testimony D, lost from the store".getBytes(StandardCharsets.UTF_8);
        upload(d, "?fileName=d.ogg&kind=testimony&confidentiality=protected", "audio/ogg");
        Path sealedD = data.root().resolve("evidence/sha256").resolve(sha256(d).substring(0, 2)).resolve(sha256(d).substring(2, 4))
                .resolve(sha256(d) + ".sealed");
        byte[] kept = Files.readAllBytes(sealedD);
        Files.delete(sealedD);
        String report = app.client().toBlocking().retrieve(HttpRequest.POST("/api/evidence/verify", "").bearerAuth(analyst));
        assertFalse(report.contains(sha256(d)), report);
        assertTrue(report.contains("\"problem\":\"missing\"") && report.contains("keyed:"), report);
        String holder = app.token(Roles.ANALYST, Roles.WITNESS_PROTECTION);
        assertTrue(app.client().toBlocking().retrieve(HttpRequest.POST("/api/evidence/verify", "").bearerAuth(holder)).contains(sha256(d)));
        Files.write(sealedD, kept); // restored as it was: the other tests verify the same store
    }

    @Test
    void verifyReportsAnAlteredAndAMissingFileAndJournalsEachCheck() throws Exception {
        byte[] a = "fictional photo A".getBytes(StandardCharsets.UTF_8);
        byte[] b = "fictional photo B".getBytes(StandardCharsets.UTF_8);
        byte[] c = "fictional photo C".getBytes(StandardCharsets.UTF_8);
        String idA = JSON.readTree(upload(a, "?fileName=a.jpg", "image/jpeg").body()).get("evidence").asText();
        upload(b, "?fileName=b.jpg", "image/jpeg");
        upload(c, "?fileName=c.jpg", "image/jpeg");
        Path fileA = data.root().resolve("evidence/sha256").resolve(sha256(a).substring(0, 2)).resolve(sha256(a).substring(2, 4)).resolve(sha256(a));
        assertTrue(Files.isRegularFile(fileA));
        Files.setPosixFilePermissions(fileA, PosixFilePermissions.fromString("rw-------"));
        Files.write(fileA, "tampered".getBytes(StandardCharsets.UTF_8));
        Path fileB = data.root().resolve("evidence/sha256").resolve(sha256(b).substring(0, 2)).resolve(sha256(b).substring(2, 4)).resolve(sha256(b));
        Files.delete(fileB);

        JsonNode report = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.POST("/api/evidence/verify", "").bearerAuth(analyst)));
        List<String> problems = new ArrayList<>();
        report.get("problems").forEach(p -> problems.add(p.get("problem").asText() + " " + p.get("sha256").asText()));
        assertTrue(problems.contains("altered " + sha256(a)), problems.toString());
        assertTrue(problems.contains("missing " + sha256(b)), problems.toString());
        assertFalse(problems.toString().contains(sha256(c)));
        JsonNode last = get("/api/evidence/" + idA + "/custody", viewer).get("events");
        JsonNode verified = last.get(last.size() - 1);
        assertEquals("verified", verified.get("action").asText());
        assertEquals("altered", verified.get("details").get("result").asText());
        assertEquals(sha256("tampered".getBytes(StandardCharsets.UTF_8)), verified.get("details").get("foundSha256").asText());
    }

    @Test
    void badUploadsGetAClear4xxAndLeaveNothingBehind() throws Exception {
        byte[] bytes = "bytes refused for their metadata".getBytes(StandardCharsets.UTF_8);
        HttpClientResponseException kind = assertThrows(HttpClientResponseException.class,
                () -> upload(bytes, "?kind=hologram", "application/pdf"));
        assertEquals(HttpStatus.BAD_REQUEST, kind.getStatus());
        assertTrue(kind.getResponse().getBody(String.class).orElseThrow().contains("kind"));
        HttpClientResponseException source = assertThrows(HttpClientResponseException.class,
                () -> upload(bytes, "?source=src-nobody", "application/pdf"));
        assertEquals(HttpStatus.BAD_REQUEST, source.getStatus());
        assertTrue(source.getResponse().getBody(String.class).orElseThrow().contains("src-nobody"));
        String sha = sha256(bytes);
        assertFalse(Files.exists(data.root().resolve("evidence/sha256").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha)),
                "a refused arrival leaves no file under a hash name");
        java.net.http.HttpResponse<String> form = raw(bytes, "", "multipart/form-data; boundary=x");
        assertEquals(400, form.statusCode());
        assertTrue(form.body().contains("--data-binary"), form.body());
        HttpClientResponseException unknown = assertThrows(HttpClientResponseException.class,
                () -> get("/api/evidence/ev-nothing/custody", viewer));
        assertEquals(HttpStatus.NOT_FOUND, unknown.getStatus());
        HttpClientResponseException readOnly = assertThrows(HttpClientResponseException.class,
                () -> app.client().toBlocking().exchange(HttpRequest.POST("/api/evidence/files", bytes).bearerAuth(viewer)));
        assertEquals(HttpStatus.FORBIDDEN, readOnly.getStatus());
    }

    @Test
    void aProtectedItemsFileGoesOnlyToHoldersOfTheGrant() throws Exception {
        byte[] testimony = "fictional testimony recording".getBytes(StandardCharsets.UTF_8);
        String id = JSON.readTree(upload(testimony, "?fileName=t.ogg&kind=testimony&confidentiality=protected", "audio/ogg").body())
                .get("evidence").asText();
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> app.client().toBlocking().retrieve(HttpRequest.GET("/api/evidence/" + id + "/file").bearerAuth(viewer), byte[].class));
        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
        assertArrayEquals(testimony, app.client().toBlocking().retrieve(HttpRequest.GET("/api/evidence/" + id + "/file").bearerAuth(protector), byte[].class));
    }

    /** Every byte under the evidence store, to search for what must not be there in clear. */
    String rawStore() throws Exception {
        StringBuilder all = new StringBuilder();
        try (var walk = Files.walk(data.root().resolve("evidence"))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    @Test
    void aSecondRecordNamingProtectedBytesDoesNotOpenThem() throws Exception {
        byte[] testimony = "fictional testimony of W-044 naming the commander".getBytes(StandardCharsets.UTF_8);
        String sha = sha256(testimony);
        upload(testimony, "?fileName=w044.ogg&kind=testimony&confidentiality=protected", "audio/ogg");
        app.client().toBlocking().exchange(HttpRequest.POST("/api/evidence", """
                {"id": "ev-claims-bytes", "kind": "document", "title": "A public copy?", "sha256": "%s", "fileStatus": "stored",
                 "confidentiality": "public", "mediaType": "audio/ogg"}""".formatted(sha)).bearerAuth(analyst));
        for (String token : List.of(viewer, analyst)) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking()
                    .retrieve(HttpRequest.GET("/api/evidence/ev-claims-bytes/file").bearerAuth(token), byte[].class));
            assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
            assertTrue(refused.getResponse().getBody(String.class).orElseThrow().contains("protected item"));
        }
        assertArrayEquals(testimony, app.client().toBlocking().retrieve(HttpRequest.GET("/api/evidence/ev-claims-bytes/file")
                .bearerAuth(protector), byte[].class));

        // nor once the protected item lets go of them: its hash changed, or the item retired
        // only a holder of the grant reads a protected item's SHA-256 (anyone else reads its keyed digest)
        assertFalse(app.client().toBlocking().retrieve(HttpRequest.GET("/api/evidence?limit=500").bearerAuth(analyst)).contains(sha));
        String original = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET("/api/evidence?limit=500").bearerAuth(protector)))
                .findParents("sha256").stream().filter(n -> n.get("sha256").asText().equals(sha) && !n.get("id").asText().equals("ev-claims-bytes"))
                .findFirst().orElseThrow().get("id").asText();
        app.client().toBlocking().exchange(HttpRequest.PATCH("/api/evidence/" + original, "{\"sha256\": \"" + "ab".repeat(32) + "\"}").bearerAuth(analyst));
        HttpClientResponseException stillRefused = assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking()
                .retrieve(HttpRequest.GET("/api/evidence/ev-claims-bytes/file").bearerAuth(viewer), byte[].class));
        assertEquals(HttpStatus.FORBIDDEN, stillRefused.getStatus(), "bytes once protected stay protected");
    }

    @Test
    void loweringAProtectedItemNeedsTheGrantAndAReasonAndIsJournaledRaisingIsAnyones() throws Exception {
        byte[] testimony = "fictional testimony of W-045, lowered only with the grant".getBytes(StandardCharsets.UTF_8);
        String id = JSON.readTree(upload(testimony, "?fileName=w045.ogg&kind=testimony&confidentiality=protected", "audio/ogg").body())
                .get("evidence").asText();
        for (String level : List.of("restricted", "public")) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking().exchange(
                    HttpRequest.PATCH("/api/evidence/" + id, "{\"confidentiality\": \"" + level + "\", \"reason\": \"x\"}").bearerAuth(analyst)));
            assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
            assertTrue(refused.getResponse().getBody(String.class).orElseThrow().contains("confidentiality"));
        }
        HttpClientResponseException refusedImport = assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking().exchange(
                HttpRequest.POST("/api/import", ((ObjectNode) get("/api/evidence/" + id, protector).deepCopy())
                        .put("type", "Evidence").put("confidentiality", "public").without(List.of("meta", "originalFileName")).toString()).bearerAuth(analyst)));
        assertEquals(HttpStatus.FORBIDDEN, refusedImport.getStatus(), "nor through an import");
        assertEquals("protected", get("/api/evidence/" + id, viewer).get("confidentiality").asText());

        String protectorToken = app.token(Roles.ANALYST, Roles.WITNESS_PROTECTION);
        HttpClientResponseException noReason = assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking().exchange(
                HttpRequest.PATCH("/api/evidence/" + id, "{\"confidentiality\": \"restricted\"}").bearerAuth(protectorToken)));
        assertEquals(HttpStatus.BAD_REQUEST, noReason.getStatus());
        assertTrue(noReason.getResponse().getBody(String.class).orElseThrow().contains("reason"));
        app.client().toBlocking().exchange(HttpRequest.PATCH("/api/evidence/" + id,
                "{\"confidentiality\": \"restricted\", \"reason\": \"the witness agreed to be heard by the prosecutor\"}").bearerAuth(protectorToken));
        assertEquals("restricted", get("/api/evidence/" + id, viewer).get("confidentiality").asText());
        JsonNode journal = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET("/api/journal?after=0&limit=1000")
                .bearerAuth(app.token(Roles.COUNSEL))));
        boolean lowered = false;
        for (JsonNode e : journal.path("entries").isMissingNode() ? journal : journal.get("entries")) {
            lowered |= e.path("kind").asText().equals("protection.lowered") && e.path("targetId").asText().equals(id)
                    && e.path("reason").asText().startsWith("the witness agreed");
        }
        assertTrue(lowered, "the lowering is an entry of its own, with its reason");

        app.client().toBlocking().exchange(HttpRequest.PATCH("/api/evidence/" + id, "{\"confidentiality\": \"protected\"}").bearerAuth(analyst));
        assertEquals("protected", get("/api/evidence/" + id, viewer).get("confidentiality").asText(), "raising is anyone's");
    }

    @Test
    void protectedBytesAreSealedAtRestAndStillVerifyByTheirOriginalHash() throws Exception {
        String secret = "fictional testimony: Zhanar Tokhtarova saw the platoon at the pharmacy";
        byte[] testimony = secret.getBytes(StandardCharsets.UTF_8);
        String id = JSON.readTree(upload(testimony, "?fileName=w046.ogg&kind=testimony&confidentiality=protected", "audio/ogg").body())
                .get("evidence").asText();
        String later = "fictional photo that becomes protected: Zhanar Tokhtarova's face";
        String photo = JSON.readTree(upload(later.getBytes(StandardCharsets.UTF_8), "?fileName=face.jpg", "image/jpeg").body()).get("evidence").asText();
        assertTrue(rawStore().contains("Zhanar Tokhtarova's face"), "an ordinary file is kept as it came");
        app.client().toBlocking().exchange(HttpRequest.PATCH("/api/evidence/" + photo, "{\"confidentiality\": \"protected\"}").bearerAuth(analyst));

        String raw = rawStore();
        assertFalse(raw.contains("Tokhtarova"), "no protected byte in clear anywhere under the evidence store");
        Path sealed = data.root().resolve("evidence/sha256").resolve(sha256(testimony).substring(0, 2))
                .resolve(sha256(testimony).substring(2, 4)).resolve(sha256(testimony) + ".sealed");
        assertTrue(Files.isRegularFile(sealed), "still addressed by the SHA-256 of the original");
        assertArrayEquals(testimony, app.client().toBlocking().retrieve(HttpRequest.GET("/api/evidence/" + id + "/file").bearerAuth(protector), byte[].class));
        assertArrayEquals(later.getBytes(StandardCharsets.UTF_8), app.client().toBlocking().retrieve(
                HttpRequest.GET("/api/evidence/" + photo + "/file").bearerAuth(protector), byte[].class));
        JsonNode report = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.POST("/api/evidence/verify", "").bearerAuth(analyst)));
        assertFalse(report.path("problems").toString().contains(sha256(testimony)), report.toString());
        assertFalse(report.path("unrecorded").toString().contains(sha256(testimony)), report.toString());
        assertTrue(report.get("intact").asLong() >= 2, report.toString());
    }

    @Test
    void theBytesOfAProtectedItemRecordedEarlierBecomeItsFileAndAreSealedOnArrival() throws Exception {
        String secret = "fictional testimony recorded by hash first: Aruzhan Sealedova names the platoon";
        byte[] testimony = secret.getBytes(StandardCharsets.UTF_8);
        String sha = sha256(testimony);
        app.client().toBlocking().exchange(HttpRequest.POST("/api/evidence", "{\"id\": \"ev-noted-w051\", \"kind\": \"testimony\","
                + " \"title\": \"Testimony of W-051, hash noted in the field\", \"sha256\": \"" + sha + "\", \"confidentiality\": \"protected\"}")
                .bearerAuth(analyst));
        HttpResponse<String> arrived = upload(testimony, "?fileName=w051.ogg", "audio/ogg");
        JsonNode received = JSON.readTree(arrived.body());
        // the analyst without the grant is not told which protected item the bytes are the file of
        assertFalse(received.hasNonNull("evidence"), arrived.body());
        assertTrue(received.get("recordedEarlier").asBoolean(), arrived.body());
        assertFalse(rawStore().contains("Sealedova"), "sealed as it arrived, not at the next start");
        // its file, not a second item
        assertArrayEquals(testimony, app.client().toBlocking().retrieve(HttpRequest.GET("/api/evidence/ev-noted-w051/file").bearerAuth(protector), byte[].class));
        assertFalse(app.client().toBlocking().retrieve(HttpRequest.GET("/api/evidence?limit=500").bearerAuth(protector)).contains("ev-" + sha.substring(0, 16)));
    }

    @Test
    void anItemRecordedAndCitedInOneImportReadsRecordedThenCitedWhateverTheLineOrder() throws Exception {
        // the claim comes first in the file, the evidence it cites after it
        String ndjson = String.join("\n",
                "{\"type\":\"Unit\",\"id\":\"u-order-a\",\"names\":[{\"value\":\"Order Test Company\"}],\"classification\":\"police\"}",
                "{\"type\":\"Unit\",\"id\":\"u-order-b\",\"names\":[{\"value\":\"Order Test Battalion\"}],\"classification\":\"police\"}",
                "{\"type\":\"UnitRelation\",\"id\":\"rel-order-ab\",\"unit\":\"u-order-a\",\"superior\":\"u-order-b\",\"relation\":\"child-of\",\"citations\":[{\"evidence\":\"ev-order-book\"}]}",
                "{\"type\":\"Evidence\",\"id\":\"ev-order-book\",\"kind\":\"document\",\"title\":\"Battalion order book\",\"source\":\"src-order-desk\"}",
                "{\"type\":\"Source\",\"id\":\"src-order-desk\",\"pseudonym\":\"OD-1\",\"kind\":\"leak\",\"reliability\":\"B\"}") + "\n";
        HttpResponse<String> imported = app.client().toBlocking().exchange(HttpRequest.POST("/api/import", ndjson)
                .contentType("application/x-ndjson").bearerAuth(analyst), String.class);
        assertTrue(JSON.readTree(imported.body()).get("applied").asBoolean(), imported.body());
        JsonNode events = get("/api/evidence/ev-order-book/custody", viewer).get("events");
        List<String> actions = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        events.forEach(e -> {
            actions.add(e.get("action").asText());
            seqs.add(e.get("seq").asLong());
        });
        assertEquals(List.of("recorded", "cited"), actions, events.toString());
        assertTrue(seqs.get(0) < seqs.get(1), "the journal itself has it recorded first: " + seqs);
    }

    @Test
    void anAlteredFileIsNotSentAndTheFindingIsInItsCustody() throws Exception {
        byte[] photo = "fictional photo of the checkpoint, as it arrived".getBytes(StandardCharsets.UTF_8);
        String sha = sha256(photo);
        String id = JSON.readTree(upload(photo, "?fileName=checkpoint.jpg", "image/jpeg").body()).get("evidence").asText();
        Path file = data.root().resolve("evidence/sha256").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.write(file, "fictional photo of the checkpoint, retouched".getBytes(StandardCharsets.UTF_8));

        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking()
                .retrieve(HttpRequest.GET("/api/evidence/" + id + "/file").bearerAuth(viewer), byte[].class));
        assertEquals(HttpStatus.CONFLICT, refused.getStatus());
        assertTrue(refused.getResponse().getBody(String.class).orElseThrow().contains("no longer matches its SHA-256"));
        JsonNode events = get("/api/evidence/" + id + "/custody", viewer).get("events");
        JsonNode last = events.get(events.size() - 1);
        assertEquals("verified", last.get("action").asText());
        assertEquals("altered", last.get("details").get("result").asText());
        assertFalse(events.toString().contains("\"downloaded\""), "nothing was sent, so nothing was downloaded");
    }

    @Test
    void aFloodOfViewingsIsOneCustodyEntryAnAccountAndDayWithItsCount() throws Exception {
        byte[] doc = "fictional order, viewed many times".getBytes(StandardCharsets.UTF_8);
        String id = JSON.readTree(upload(doc, "?fileName=order.pdf&kind=document", "application/pdf").body()).get("evidence").asText();
        long before = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET("/health"))).get("journal").get("head").asLong();
        for (int i = 0; i < 40; i++) {
            get("/api/evidence/" + id, viewer);
        }
        get("/api/evidence/" + id, analyst);
        long after = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET("/health"))).get("journal").get("head").asLong();
        assertEquals(before + 2, after, "one entry for each account's first viewing of the day");
        List<JsonNode> viewings = new ArrayList<>();
        get("/api/evidence/" + id + "/custody", viewer).get("events").forEach(e -> {
            if (e.get("action").asText().equals("viewed")) {
                viewings.add(e);
            }
        });
        assertEquals(2, viewings.size());
        assertEquals(40, viewings.get(0).get("details").get("views").asLong());
        assertEquals(1, viewings.get(1).get("details").get("views").asLong());
    }

    @Test
    void aDownloadIsOfferedUnderANameWithoutPathsOrDirectionTricks() throws Exception {
        assertEquals("exe.jpg", EvidenceLocker.attachmentName("..\\..\\windows\\exe.jpg"));
        assertEquals("photogpj.exe", EvidenceLocker.attachmentName("photo\u202Egpj.exe"));
        assertEquals("file", EvidenceLocker.attachmentName("../.."));
        byte[] bytes = "fictional attachment".getBytes(StandardCharsets.UTF_8);
        String id = JSON.readTree(upload(bytes, "?fileName=" + URLEncoder.encode("..\\report\u202Efdp.exe", StandardCharsets.UTF_8),
                "application/octet-stream").body()).get("evidence").asText();
        HttpResponse<byte[]> answer = app.client().toBlocking().exchange(HttpRequest.GET("/api/evidence/" + id + "/file").bearerAuth(viewer), byte[].class);
        String disposition = answer.getHeaders().get("Content-Disposition");
        assertTrue(disposition.contains("reportfdp.exe"), disposition);
        assertFalse(disposition.contains("..") || disposition.contains("\\") || disposition.contains("\u202E"), disposition);
    }

    @Test
    void anAlteredSealIsFoundByVerifyAndItsFileIsNotSent() throws Exception {
        byte[] testimony = "fictional testimony of W-047, sealed and then tampered with".getBytes(StandardCharsets.UTF_8);
        String sha = sha256(testimony);
        String id = JSON.readTree(upload(testimony, "?fileName=w047.ogg&kind=testimony&confidentiality=protected", "audio/ogg").body())
                .get("evidence").asText();
        Path sealed = data.root().resolve("evidence/sha256").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha + ".sealed");
        Files.setPosixFilePermissions(sealed, PosixFilePermissions.fromString("rw-------"));
        byte[] bytes = Files.readAllBytes(sealed);
        bytes[bytes.length - 5] ^= 1;
        Files.write(sealed, bytes);
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking()
                .retrieve(HttpRequest.GET("/api/evidence/" + id + "/file").bearerAuth(protector), byte[].class));
        assertEquals(HttpStatus.CONFLICT, refused.getStatus());
        // found by an analyst's check too, named by its keyed digest; a holder of the grant reads its SHA-256
        JsonNode report = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.POST("/api/evidence/verify", "").bearerAuth(analyst)));
        assertTrue(report.path("problems").toString().contains("\"evidence\":\"" + id + "\""), report.toString());
        assertFalse(report.toString().contains(sha), report.toString());
        String holder = app.token(Roles.ANALYST, Roles.WITNESS_PROTECTION);
        assertTrue(app.client().toBlocking().retrieve(HttpRequest.POST("/api/evidence/verify", "").bearerAuth(holder)).contains(sha));

        Files.write(sealed, "CLSEALED1 garbage".getBytes(StandardCharsets.UTF_8));
        HttpClientResponseException header = assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking()
                .retrieve(HttpRequest.GET("/api/evidence/" + id + "/file").bearerAuth(protector), byte[].class));
        assertEquals(HttpStatus.CONFLICT, header.getStatus());
        assertEquals(HttpStatus.OK, app.client().toBlocking().exchange(HttpRequest.POST("/api/evidence/verify", "").bearerAuth(analyst)).getStatus());
    }

    @Test
    void aProtectedFileIsNamedByItsItemAndTheNameItArrivedUnderIsSealed() throws Exception {
        byte[] testimony = "fictional testimony that arrived under its witness's name".getBytes(StandardCharsets.UTF_8);
        JsonNode received = JSON.readTree(upload(testimony, "?fileName=Aiman-Dauletkyzy-testimony.ogg&kind=testimony&confidentiality=protected",
                "audio/ogg").body());
        String id = received.get("evidence").asText();
        String seen = get("/api/evidence/" + id, viewer).toString() + get("/api/evidence/" + id + "/custody", viewer);
        assertFalse(seen.contains("Dauletkyzy"), seen);
        JsonNode item = get("/api/evidence/" + id, viewer);
        assertEquals(id + ".ogg", item.get("fileName").asText());
        assertTrue(item.get("originalFileName").get("protected").asBoolean());
        HttpResponse<byte[]> file = app.client().toBlocking().exchange(HttpRequest.GET("/api/evidence/" + id + "/file").bearerAuth(protector), byte[].class);
        assertFalse(file.getHeaders().get("Content-Disposition").contains("Dauletkyzy"));
        JsonNode revealed = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.POST("/api/evidence/" + id + "/reveal",
                "{\"reason\": \"which file was it\"}").bearerAuth(protector)));
        assertEquals("Aiman-Dauletkyzy-testimony.ogg", revealed.get("originalFileName").get("name").asText());
    }

    @Test
    void anItemRaisedToProtectedLaterHidesTheNameItsFileArrivedUnderToo() throws Exception {
        byte[] photo = "fictional photo, uploaded before anyone knew it showed a witness".getBytes(StandardCharsets.UTF_8);
        String id = JSON.readTree(upload(photo, "?fileName=Nurzhan-Abenov-at-the-pharmacy.jpg", "image/jpeg").body()).get("evidence").asText();
        app.client().toBlocking().exchange(HttpRequest.PATCH("/api/evidence/" + id, "{\"confidentiality\": \"protected\"}").bearerAuth(analyst));
        JsonNode item = get("/api/evidence/" + id, viewer);
        assertEquals(id + ".jpg", item.get("fileName").asText());
        assertEquals(id + ".jpg", item.get("title").asText(), "the title it took from the file name goes too");
        assertFalse(item.toString().contains("Abenov"), item.toString());
        JsonNode revealed = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.POST("/api/evidence/" + id + "/reveal",
                "{\"reason\": \"which file was it\"}").bearerAuth(protector)));
        assertEquals("Nurzhan-Abenov-at-the-pharmacy.jpg", revealed.get("originalFileName").get("name").asText());
    }
}
