package org.chainline;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real S3 API server for the test run: S3Proxy over its in-memory blob store (so it leaves nothing on disk), in a
 * process of its own (its Jetty 11 cannot share a class path with Neo4j's Jetty 12), started on first use and stopped
 * when the test JVM ends. Each caller gets a bucket of its own, and can read objects behind the service's back, as the
 * store holds them.
 */
public final class TestObjectStore {

    public static final String ACCESS_KEY = "chainline-test";
    public static final String SECRET_KEY = "chainline-test-secret-key";
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static Process server;
    private static String endpoint;
    private static S3Client client;

    private TestObjectStore() {
    }

    private static synchronized void start() {
        if (server != null) {
            return;
        }
        Path jar = Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the build copies S3Proxy there (mvn process-test-resources)");
        }
        try {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            endpoint = "http://127.0.0.1:" + port;
            Path dir = TestStores.tempDir("s3proxy");
            Path properties = dir.resolve("s3proxy.properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=" + endpoint,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=transient",
                    "jclouds.identity=transient",
                    "jclouds.credential=transient", ""));
            String java = ProcessHandle.current().info().command().orElse("java");
            server = new ProcessBuilder(List.of(java, "-Xmx512m", "-Djava.io.tmpdir=" + dir, "-jar", jar.toString(),
                    "--properties", properties.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestObjectStore::stop, "test-object-store-stop"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!answers(port)) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + Files.readString(dir.resolve("s3proxy.log")));
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        client = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build();
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static synchronized void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.destroy();
            try {
                if (!server.waitFor(10, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                server.destroyForcibly();
            }
        }
    }

    /** Settings that put a context's evidence into a new bucket of the test object store. */
    public static synchronized Map<String, String> freshBucket() {
        start();
        String bucket = "evidence-" + BUCKETS.incrementAndGet();
        client.createBucket(b -> b.bucket(bucket));
        Map<String, String> properties = new HashMap<>();
        properties.put("chainline.evidence.s3.bucket", bucket);
        properties.put("chainline.evidence.s3.endpoint", endpoint);
        properties.put("chainline.evidence.s3.access-key", ACCESS_KEY);
        properties.put("chainline.evidence.s3.secret-key", SECRET_KEY);
        return properties;
    }

    /** The bytes of an object as the store holds them, or null. */
    public static byte[] raw(String bucket, String key) {
        start();
        try {
            return client.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    /** Replaces an object behind the service's back. */
    public static void overwrite(String bucket, String key, byte[] bytes) {
        start();
        client.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }
}
