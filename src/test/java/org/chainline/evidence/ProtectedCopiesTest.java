package org.chainline.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestApplication;
import org.chainline.access.Roles;
import org.chainline.input.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whoever holds a copy of a protected testimony and uploads it learns that the bytes are held, never which item they
 * are: not from the answer, the item's custody or the journal. The holders of the grant are told that a copy arrived,
 * by whom and how, since a protected file turning up (on a seized phone, in a leak) may put its witness at risk.
 */
@MicronautTest(transactional = false)
class ProtectedCopiesTest extends ChainlineTest {

    static final String TESTIMONY = "Testimony of W-940: the order came by radio at noon.";

    @Inject
    TestApplication app;

    String analyst;
    String counsel;
    String holder;
    String testimony;
    JsonNode copy;

    @BeforeAll
    void setUp() throws Exception {
        analyst = app.token(Roles.ANALYST);
        counsel = app.token(Roles.COUNSEL);
        holder = app.token(Roles.COUNSEL, Roles.WITNESS_PROTECTION);
        testimony = upload(analyst, "w940.txt&confidentiality=protected").get("evidence").asText();
        copy = upload(counsel, "found-on-a-phone.txt");
    }

    JsonNode upload(String token, String query) throws Exception {
        return Json.MAPPER.readTree(app.client().toBlocking().retrieve(HttpRequest.POST("/api/evidence/files?kind=testimony&fileName=" + query,
                TESTIMONY.getBytes(StandardCharsets.UTF_8)).contentType(MediaType.TEXT_PLAIN_TYPE).bearerAuth(token)));
    }

    JsonNode get(String path, String token) throws Exception {
        return Json.MAPPER.readTree(app.client().toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token)));
    }

    String username(String token) throws Exception {
        return get("/api/me", token).get("username").asText();
    }

    @Test
    void theUploaderOfACopyCannotTellWhichProtectedItemItIs() throws Exception {
        assertTrue(copy.path("evidence").isMissingNode() || copy.path("evidence").isNull(), copy::toString);
        String uploader = username(counsel);
        for (JsonNode event : get("/api/evidence/" + testimony + "/custody", counsel).get("events")) {
            assertFalse(event.get("actor").asText().equals(uploader), "the custody shown outside the grant links the copy: " + event);
        }
        long seq = copy.get("journalSeq").asLong();
        for (JsonNode entry : get("/api/journal?after=" + (seq - 5) + "&limit=10", counsel)) {
            assertFalse(entry.get("targetId").asText().equals(testimony), "the journal shown outside the grant links the copy: " + entry);
        }
        assertFalse(app.client().toBlocking().retrieve(HttpRequest.GET("/").bearerAuth(counsel)).contains(testimony),
                "nor do the latest changes on the home page");
    }

    /** A public channel's export whose one post carries the testimony's bytes as a file. */
    static byte[] channelExportWithTheTestimony() throws Exception {
        String json = """
                {"name": "Akkala Copies", "type": "public_channel", "id": 1700000940, "messages": [
                  {"id": 1, "type": "message", "date_unixtime": "1741255200", "from": "Akkala Copies", "from_id": "channel1700000940",
                   "file": "files/statement.txt", "mime_type": "text/plain", "text": "a statement reached us"}]}
                """;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("ChatExport/result.json"));
            zip.write(json.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("ChatExport/files/statement.txt"));
            zip.write(TESTIMONY.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void aCopyInATelegramExportDoesNotNameTheProtectedItemItCopies() throws Exception {
        String other = app.token(Roles.ANALYST);
        app.client().toBlocking().retrieve(HttpRequest.POST("/api/evidence/telegram?reason=copies", channelExportWithTheTestimony())
                .contentType(MediaType.of("application/zip")).bearerAuth(other));
        JsonNode post = get("/api/evidence/tg-1700000940-1", other);
        assertFalse(post.toString().contains(testimony), "the post names the protected item it copies: " + post);
        assertTrue(post.get("sha256").asText().startsWith("keyed:"), "its bytes are a protected item's: " + post);
        String importer = username(other);
        assertTrue(StreamSupport.stream(get("/api/protection/copies", holder).spliterator(), false)
                .anyMatch(c -> c.get("evidence").asText().equals(testimony) && c.get("by").asText().equals(importer)
                        && c.get("via").asText().equals("telegram export")), "the holders are told of the copy");
        for (JsonNode event : get("/api/evidence/" + testimony + "/custody", other).get("events")) {
            assertFalse(event.get("actor").asText().equals(importer), "the custody shown outside the grant links the copy: " + event);
        }
    }

    @Test
    void theHoldersSeeTheCopyInCustodyAndAmongTheCopiesThatArrived() throws Exception {
        String uploader = username(counsel);
        boolean inCustody = false;
        for (JsonNode event : get("/api/evidence/" + testimony + "/custody", holder).get("events")) {
            inCustody |= event.get("actor").asText().equals(uploader) && event.get("action").asText().equals("received");
        }
        assertTrue(inCustody, "the chain of custody keeps every arrival for the holders");
        JsonNode copy = null;
        for (JsonNode c : get("/api/protection/copies", holder)) {
            if (c.get("by").asText().equals(uploader)) {
                assertTrue(copy == null, "one copy from the uploader");
                copy = c;
            }
        }
        assertTrue(copy != null, "the holders are told of the copy");
        assertEquals(testimony, copy.get("evidence").asText());
        assertEquals("api upload", copy.get("via").asText());
        for (String token : new String[] {counsel, analyst}) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                    () -> app.client().toBlocking().retrieve(HttpRequest.GET("/api/protection/copies").bearerAuth(token)));
            assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
        }
        String home = app.client().toBlocking().retrieve(HttpRequest.GET("/").bearerAuth(holder));
        assertTrue(home.contains("Copies of protected files") && home.contains(testimony) && home.contains(uploader), home);
        assertFalse(app.client().toBlocking().retrieve(HttpRequest.GET("/").bearerAuth(counsel)).contains("Copies of protected files"));
    }
}
