package org.chainline.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.ChainlineTest;
import org.chainline.TestLogins;
import org.chainline.TestObjectStore;
import org.chainline.TestStores;
import org.chainline.access.Roles;
import org.chainline.security.Accounts;
import org.chainline.storage.DataDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Evidence on an S3-compatible object store (a real S3 API server), shared by every instance of an organisation. */
@MicronautTest(transactional = false)
class ObjectStoreTest extends ChainlineTest {

    static final ObjectMapper JSON = new ObjectMapper();
    private Map<String, String> properties;
    private String bucket;

    @Override
    public Map<String, String> getProperties() {
        properties = new HashMap<>(super.getProperties());
        properties.putAll(TestObjectStore.freshBucket());
        // parts of 5 MiB (the least S3 takes), so that a file of a few MiB already goes up in parts
        properties.put("chainline.evidence.s3.multipart-mb", "5");
        bucket = properties.get("chainline.evidence.s3.bucket");
        return properties;
    }

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Accounts accounts;
    @Inject
    DataDirectory data;
    @Inject
    EmbeddedServer server;

    String analyst;
    String protector;

    @BeforeAll
    void setUp() {
        analyst = TestLogins.tokenFor(accounts, client, Roles.ANALYST);
        protector = TestLogins.tokenFor(accounts, client, Roles.ANALYST, Roles.WITNESS_PROTECTION);
    }

    HttpResponse<String> upload(byte[] bytes, String query, String contentType) {
        MutableHttpRequest<byte[]> request = HttpRequest.POST("/api/evidence/files" + query, bytes).bearerAuth(analyst);
        request.contentType(contentType);
        return client.toBlocking().exchange(request, String.class);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String key(String sha) {
        return "sha256/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha;
    }

    @Test
    void aLargeFileGoesUpInPartsComesBackWholeAndTheDataDirectoryKeepsNoCopy() throws Exception {
        byte[] video = new byte[12 << 20];
        new Random(11).nextBytes(video);
        HttpResponse<String> stored = upload(video, "?fileName=square-long.mp4", "video/mp4");
        assertEquals(HttpStatus.CREATED, stored.getStatus());
        String id = JSON.readTree(stored.body()).get("evidence").asText();
        String sha = sha256(video);

        assertArrayEquals(video, TestObjectStore.raw(bucket, key(sha)));
        // streamed back (the test client would hold only 10 MiB)
        java.net.http.HttpResponse<byte[]> download = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/api/evidence/" + id + "/file"))
                        .header("Authorization", "Bearer " + analyst).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(video, download.body());
        try (var walk = Files.walk(data.root().resolve("evidence"))) {
            assertEquals(0, walk.filter(Files::isRegularFile).count(), "the instance kept a copy of the file");
        }
        // the same bytes again are one file
        assertTrue(JSON.readTree(upload(video, "?fileName=copy.mp4", "video/mp4").body()).get("duplicate").asBoolean());
    }

    @Test
    void protectedBytesLeaveTheServiceSealedAndOpenOnlyForTheGrant() throws Exception {
        byte[] testimony = "Testimony of Fictional Witness Zhanar Kuanyshbekova, recorded in the square".getBytes(StandardCharsets.UTF_8);
        String id = JSON.readTree(upload(testimony, "?fileName=w051.ogg&kind=testimony&confidentiality=protected", "audio/ogg").body())
                .get("evidence").asText();
        String sha = sha256(testimony);

        assertNull(TestObjectStore.raw(bucket, key(sha)), "the object store holds the testimony in clear");
        byte[] sealed = TestObjectStore.raw(bucket, key(sha) + ".sealed");
        assertNotNull(sealed);
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("Kuanyshbekova"));
        assertArrayEquals(testimony, client.toBlocking().retrieve(HttpRequest.GET("/api/evidence/" + id + "/file").bearerAuth(protector), byte[].class));
    }

    @Test
    void verifyOnAnotherInstanceChecksTheSameStoreAndFindsAnAlteredObject() throws Exception {
        byte[] photo = "fictional photo of the regiment's trucks on the ring road".getBytes(StandardCharsets.UTF_8);
        upload(photo, "?fileName=trucks.jpg", "image/jpeg");
        Map<String, Object> other = new HashMap<>(properties);
        other.put("chainline.data-dir", TestStores.newDataDir().toString());
        try (ApplicationContext second = ApplicationContext.run(other)) {
            Integrity integrity = second.getBean(Integrity.class);
            Integrity.Report clean = integrity.verify("t", null);
            assertTrue(clean.checked() >= 1);
            assertEquals(clean.checked(), clean.intact(), clean.toString());
            assertEquals(0, clean.unrecorded().size());

            TestObjectStore.overwrite(bucket, key(sha256(photo)), "fictional photo, retouched".getBytes(StandardCharsets.UTF_8));
            Integrity.Report after = integrity.verify("t", null);
            assertEquals(1, after.problems().size(), after.toString());
            assertEquals("altered", after.problems().getFirst().problem());
        }
        Path none = data.root().resolve("evidence").resolve("sha256");
        assertFalse(Files.exists(none));
    }
}
