package org.chainline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.chainline.input.Json;
import org.chainline.security.Accounts;
import org.chainline.security.IssuedPassword;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Uploads a large generated file through the real HTTP API of a running instance in this JVM (run it with a small
 * heap, e.g. -Xmx256m) and reports the hash the server computed, the throughput and the heap's peak.
 */
public final class UploadProbe {

    private UploadProbe() {
    }

    public record Result(long bytes, double seconds, String expected, String received, long maxHeap, long peakHeap) {
        public boolean matches() {
            return expected.equals(received);
        }
    }

    public static Result run(ApplicationContext context, Path dir, long megabytes) throws IOException, InterruptedException {
        Path file = dir.resolve("upload.bin");
        long bytes = EvidenceBenchmark.randomFile(file, megabytes << 20, 13);
        String expected = sha256(file);
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        Accounts accounts = context.getBean(Accounts.class);
        IssuedPassword issued = accounts.create("bench", "bench-uploader", Set.of("analyst"));
        String password = "a long benchmark password";
        accounts.changePassword("bench-uploader", issued.oneTimePassword(), password);
        HttpClient client = HttpClient.newHttpClient();
        URI base = server.getURI();
        String login = client.send(HttpRequest.newBuilder(base.resolve("/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.createObjectNode().put("username", "bench-uploader")
                        .put("password", password).toString())).build(), HttpResponse.BodyHandlers.ofString()).body();
        String token = Json.MAPPER.readTree(login).get("access_token").asText();
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long t = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/api/evidence/files?fileName=upload.bin"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - t) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the upload was refused with " + response.statusCode() + ": " + response.body());
        }
        JsonNode received = Json.MAPPER.readTree(response.body());
        return new Result(bytes, seconds, expected, received.get("sha256").asText(), Runtime.getRuntime().maxMemory(), peak);
    }

    private static String sha256(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
