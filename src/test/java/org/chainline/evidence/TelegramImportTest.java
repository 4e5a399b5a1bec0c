package org.chainline.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.access.Roles;
import org.chainline.journal.Journal;
import org.chainline.refusal.InvalidInput;
import org.chainline.registry.imports.RecordImport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TelegramImportTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String WITNESS = "Сейітқызы";

    @Inject
    TestApplication app;
    @Inject
    TelegramExportImport telegram;
    @Inject
    Journal journal;

    String analyst;

    @BeforeAll
    void setUp() {
        analyst = app.token(Roles.ANALYST);
    }

    static Path sample(String name) throws URISyntaxException {
        return Path.of(TelegramImportTest.class.getResource("/telegram/" + name).toURI());
    }

    JsonNode get(String path) throws IOException {
        return JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(analyst)));
    }

    TelegramReport importChannel() throws Exception {
        return telegram.run(TestCases.FILING, "sample channel", sample("channel-export"), new TelegramExportImport.Options("akkala_live"),
                RecordImport.Progress.NONE);
    }

    @Test
    @Order(1)
    void aChannelExportBecomesItemsWithHashesCopiesPlaceholdersAndLinks() throws Exception {
        TelegramReport report = importChannel();
        assertTrue(report.applied(), report.errors().toString());
        assertEquals(7, report.messages());
        assertEquals(1, report.skipped(), "the service message");
        assertEquals(6, report.imported());
        assertEquals(2, report.mediaStored(), "the video once and the photo");
        assertEquals(1, report.mediaCopies(), "the forward of the same video");
        assertEquals(1, report.notCollected(), "the placeholder");
        assertEquals(2, report.sourcesCreated(), "the channel, and the origin of a forward named without an id");

        byte[] resultJson = Files.readAllBytes(sample("channel-export").resolve("ChatExport_2025-03-07/result.json"));
        assertEquals(sha256(resultJson), report.resultSha256());
        JsonNode export = get("/api/evidence/" + report.export());
        assertTrue(export.get("sha256").asText().startsWith("keyed:"), "a protected item's hash is keyed outside the grant");
        assertFalse(report.export().equals("ev-" + sha256(resultJson).substring(0, 16)), "nor is it named by its hash");
        assertEquals("Telegram export of Akkala Live (result.json)", export.get("title").asText());
        assertEquals("protected", export.get("confidentiality").asText(), "the raw export names every sender: protected");
        HttpClientResponseException rawRefused = assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking()
                .exchange(HttpRequest.GET("/api/evidence/" + report.export() + "/file").bearerAuth(analyst)));
        assertEquals(HttpStatus.FORBIDDEN, rawRefused.getStatus());

        JsonNode text = get("/api/evidence/tg-1700000001-2");
        assertEquals("Crowds are gathering on Freedom Square against the fuel prices.", text.get("text").asText());
        assertEquals("2025-03-06T10:00:00Z", text.get("publishedAt").asText(), "from date_unixtime, not the local date");
        assertEquals("src-tg-c1700000001", text.get("source").asText());
        assertEquals("https://t.me/akkala_live/2", text.get("url").asText());
        assertEquals(report.export(), text.get("partOf").asText());

        byte[] video = Files.readAllBytes(sample("channel-export").resolve("ChatExport_2025-03-07/video_files/square_1402.mp4"));
        JsonNode original = get("/api/evidence/tg-1700000001-3");
        assertEquals(sha256(video), original.get("sha256").asText());
        assertEquals("stored", original.get("fileStatus").asText());
        assertEquals("video/mp4", original.get("mediaType").asText());
        assertEquals(43.2389, original.get("latitude").asDouble());
        JsonNode forward = get("/api/evidence/tg-1700000001-4");
        assertEquals("tg-1700000001-3", forward.get("copyOf").asText());
        // nothing tells a person from a channel when the export gives only a name: it is shown by pseudonym
        assertTrue(forward.get("forwardedFrom").asText().matches("TG-[0-9A-F]{8}"), forward.get("forwardedFrom").asText());
        assertFalse(forward.toString().contains("Tamyr Witness Network"));
        assertEquals(sha256(video), forward.get("sha256").asText());

        assertEquals("not-collected", get("/api/evidence/tg-1700000001-5").get("fileStatus").asText());
        JsonNode reply = get("/api/evidence/tg-1700000001-6");
        assertEquals("tg-1700000001-3", reply.get("replyTo").asText());
        assertEquals("2025-03-06T14:40:00Z", reply.get("editedAt").asText());
        assertTrue(reply.get("authorIdentity").get("protected").asBoolean(), "a channel post's signature is sealed");
        assertFalse(reply.toString().contains("Qairatuly"));
        assertEquals("F", get("/api/sources/src-tg-c1700000001").get("reliability").asText());

        List<String> actions = get("/api/evidence/tg-1700000001-3/custody").get("events").findValuesAsText("action");
        assertEquals(List.of("recorded", "imported"), actions.subList(0, 2));
    }

    @Test
    @Order(2)
    void importingTheSameExportAgainChangesNothing() throws Exception {
        long head = journal.head().seq();
        TelegramReport again = importChannel();
        assertTrue(again.applied());
        assertEquals(0, again.imported());
        assertEquals(6, again.alreadyHeld());
        assertEquals(head, journal.head().seq(), "no journal entry at all");
    }

    @Test
    @Order(3)
    void anAccountExportZipProtectsPeopleLinksCopiesAcrossExportsAndSkipsTheAccountHoldersOwnData() throws Exception {
        byte[] zip = zip(sample("account-export"));
        JsonNode report = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.POST("/api/evidence/telegram?reason=medics", zip)
                .contentType(MediaType.of("application/zip")).bearerAuth(analyst)));
        assertTrue(report.get("applied").asBoolean(), report.toString());
        assertEquals(3, report.get("imported").asLong());
        // a private group's file names may name people (a casualty list): the report names the message, not the file
        List<?> missingFiles = JSON.convertValue(report.get("missingFiles"), List.class);
        assertEquals(1, missingFiles.size());
        assertTrue(missingFiles.getFirst().toString().matches("TG-chat-[0-9A-F]{8}: the file of message [0-9]+"), missingFiles.toString());
        assertFalse(report.toString().contains("casualty_list"), report.toString());
        assertEquals(0, report.get("mediaStored").asLong(), "the witness's video is the channel's video");
        assertEquals(1, report.get("mediaCopies").asLong());

        // a private group's name and Telegram id may point at people: the items go by a pseudonym and a token
        JsonNode group = JSON.readTree(app.client().toBlocking().retrieve(HttpRequest.GET("/api/evidence?limit=500").bearerAuth(analyst)));
        Map<Long, String> byMessage = new HashMap<>();
        group.forEach(e -> {
            if (e.path("channel").asText().startsWith("TG-chat-")) {
                byMessage.put(e.get("messageId").asLong(), e.get("id").asText());
            }
        });
        assertEquals(Set.of(11L, 12L, 13L), byMessage.keySet());
        JsonNode filmed = get("/api/evidence/" + byMessage.get(11L));
        assertEquals("tg-1700000001-3", filmed.get("copyOf").asText(), "same bytes as the channel's video");
        String witnessSource = filmed.get("source").asText();
        JsonNode source = get("/api/sources/" + witnessSource);
        assertEquals("witness", source.get("kind").asText());
        assertTrue(source.get("pseudonym").asText().matches("TG-[0-9A-F]{8}"), source.get("pseudonym").asText());
        assertTrue(source.get("identity").get("protected").asBoolean());
        assertFalse(witnessSource.contains("5550117"), "the Telegram user id is not in the record id");
        JsonNode forwarded = get("/api/evidence/" + byMessage.get(12L));
        assertEquals(source.get("pseudonym").asText(), forwarded.get("forwardedFrom").asText(), "a person's forward is pseudonymised");
        assertNull(forwarded.get("url"), "a private group has no links");
        assertEquals("not-collected", get("/api/evidence/" + byMessage.get(13L)).get("fileStatus").asText());

        String everything = get("/api/evidence?limit=500") + "" + get("/api/sources?limit=500")
                + app.client().toBlocking().retrieve(HttpRequest.GET("/api/journal?limit=1000").bearerAuth(app.token(Roles.COUNSEL)));
        assertFalse(everything.contains(WITNESS), "the witness's name is nowhere but in its sealed field");
        assertFalse(everything.contains("5550117"), "nor her Telegram id");
        assertFalse(everything.contains("Square medics") || everything.contains("1800000002"), "nor the group's name or id");
        assertFalse(everything.contains("Accountholder") || everything.contains("Contactonly"), "the account holder's own data is never read");
    }

    @Test
    @Order(4)
    void brokenExportsAreRefusedWholeWithTheMessageAndNothingIsLeftBehind() throws Exception {
        HttpClientResponseException notAnExport = assertThrows(HttpClientResponseException.class, () -> app.client().toBlocking().exchange(
                HttpRequest.POST("/api/evidence/telegram", "not a zip".getBytes(StandardCharsets.UTF_8)).bearerAuth(analyst)));
        assertEquals(HttpStatus.BAD_REQUEST, notAnExport.getStatus());
        assertTrue(notAnExport.getResponse().getBody(String.class).orElseThrow().contains("export"));

        Path dir = org.chainline.TestStores.tempDir("broken-export");
        Files.writeString(dir.resolve("result.json"), "{\"name\": \"X\", \"type\": \"public_channel\", \"id\": 5, \"messages\": [{\"id\": 1,");
        var truncated = assertThrows(InvalidInput.class, () -> telegram.run(TestCases.FILING, null, dir,
                new TelegramExportImport.Options(null), RecordImport.Progress.NONE));
        assertTrue(truncated.getMessage().contains("not valid JSON"), truncated.getMessage());

        long head = journal.head().seq();
        Files.writeString(dir.resolve("result.json"), """
                {"name": "Broken channel", "type": "public_channel", "id": 1900000009, "messages": [
                 {"id": 1, "type": "message", "date_unixtime": "1741255200", "text": "fine"},
                 {"id": 2, "type": "message", "date": "2025-03-06T15:00:00", "text": "no UTC time"}]}""");
        TelegramReport refused = telegram.run(TestCases.FILING, null, dir, new TelegramExportImport.Options(null), RecordImport.Progress.NONE);
        assertFalse(refused.applied());
        assertEquals(1, refused.errorCount());
        assertEquals(2L, refused.errors().getFirst().message());
        assertEquals("date_unixtime", refused.errors().getFirst().field());
        assertEquals(head, journal.head().seq(), "nothing applied");
        HttpClientResponseException absent = assertThrows(HttpClientResponseException.class, () -> get("/api/evidence/tg-1900000009-1"));
        assertEquals(HttpStatus.NOT_FOUND, absent.getStatus());
    }

    static byte[] zip(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(folder.relativize(p).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Inject
    EarlierTelegramImports earlierImports;

    @Test
    @Order(5)
    void aRawExportKeptRestrictedByAnEarlierVersionIsRaisedToProtectedAtStartUp() throws Exception {
        app.client().toBlocking().exchange(HttpRequest.POST("/api/evidence", """
                {"id": "ev-legacy-export", "kind": "document", "title": "Telegram export of Old Chat (result.json)",
                 "fileName": "result.json", "mediaType": "application/json", "confidentiality": "restricted"}""").bearerAuth(analyst));
        app.client().toBlocking().exchange(HttpRequest.POST("/api/evidence", """
                {"id": "tg-5550999-3", "kind": "telegram-message", "title": "Dariga Oldchat #3: the convoy left at dawn",
                 "channel": "Dariga Oldchat", "channelId": "5550999", "messageId": 3, "partOf": "ev-legacy-export",
                 "text": "the convoy left at dawn"}""").bearerAuth(analyst));
        earlierImports.upgrade();
        assertEquals("protected", get("/api/evidence/ev-legacy-export").get("confidentiality").asText());
        JsonNode message = get("/api/evidence/tg-5550999-3");
        assertTrue(message.get("channel").asText().matches("TG-chat-[0-9A-F]{8}"), message.toString());
        assertEquals(message.get("channel").asText() + " #3: the convoy left at dawn", message.get("title").asText());
        assertTrue(message.get("channelId").asText().matches("p[0-9a-f]{12}"), message.toString());
        assertFalse(message.toString().contains("Dariga") || message.toString().contains("5550999\""), message.toString());
        assertEquals("Telegram export of " + message.get("channel").asText() + " (result.json)",
                get("/api/evidence/ev-legacy-export").get("title").asText());
        long head = journal.head().seq();
        earlierImports.upgrade();
        assertEquals(head, journal.head().seq(), "upgraded records are not upgraded again");
        app.client().toBlocking().exchange(HttpRequest.POST("/api/evidence", """
                {"id": "tg-5550998-1", "kind": "telegram-message", "title": "Another Oldchat #1: x", "channel": "Another Oldchat",
                 "channelId": "5550998", "messageId": 1}""").bearerAuth(analyst));
        earlierImports.protect();
        assertEquals("Another Oldchat", get("/api/evidence/tg-5550998-1").get("channel").asText(),
                "after the first start the upgrade does not scan again (nothing new can be written the old way)");
    }
}
