package org.chainline.evidence.files;

import org.chainline.Sha256;
import org.chainline.protection.IdentityProtection;
import org.chainline.storage.StoreUnavailableException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The evidence store in an S3-compatible bucket, which every instance of an organisation reads and writes: objects
 * {@code [prefix]sha256/ab/cd/abcd...} (and {@code ....sealed}), as the folder store lays files out. A file is hashed
 * (and, if protected, sealed) while it streams into a spool under the data directory, then sent up from the spool
 * (in parts above {@code multipart-mb}), so memory stays bounded whatever its size and protected bytes leave the
 * service sealed. An object appears under its name only once all of it is there (a PUT, or the completion of a
 * multipart upload, is atomic). Downloads stream.
 */
public final class ObjectFileStore implements FileStore {

    private static final int BUFFER = 1 << 20;
    private static final String SEALED = ".sealed";

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final long partBytes;
    private final Path incoming;
    private final IdentityProtection protection;

    public ObjectFileStore(ObjectStoreSettings settings, Path incoming, IdentityProtection protection) {
        this.bucket = settings.bucket();
        this.prefix = settings.keyPrefix();
        this.partBytes = Math.max(5, settings.multipartMb()) << 20;
        this.incoming = incoming;
        this.protection = protection;
        AwsCredentialsProvider credentials = settings.accessKey() == null || settings.accessKey().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                // every object is checked by its SHA-256 (verify); a checksum trailer is more than most S3 servers take
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint())).forcePathStyle(true);
        }
        this.client = builder.build();
        try {
            Files.createDirectories(incoming);
            try (var leftovers = Files.list(incoming)) {
                for (Path p : leftovers.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            client.headBucket(b -> b.bucket(bucket));
        } catch (IOException e) {
            throw new UncheckedIOException("the evidence spool " + incoming + " cannot be used: " + e.getMessage(), e);
        } catch (SdkException e) {
            client.close();
            throw new StoreUnavailableException("the evidence bucket " + bucket + " cannot be reached: "
                    + StoreUnavailableException.rootMessage(e), e);
        }
    }

    @Override
    public Stored put(InputStream in, long limit, boolean sealed) throws IOException {
        MessageDigest sha = Sha256.digest();
        Path spool = incoming.resolve(UUID.randomUUID() + ".part");
        long size = 0;
        try {
            try (OutputStream file = Channels.newOutputStream(FileChannel.open(spool, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE));
                 OutputStream out = sealed ? protection.sealing(file) : file) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = in.readNBytes(buffer, 0, BUFFER)) > 0) {
                    size += n;
                    if (size > limit) {
                        throw new TooLarge(limit);
                    }
                    sha.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            if (exists(sealedKey(hex))) {
                return new Stored(hex, size, true);
            }
            boolean clearHeld = exists(key(hex));
            if (clearHeld && !sealed) {
                return new Stored(hex, size, true);
            }
            upload(spool, sealed ? sealedKey(hex) : key(hex));
            if (clearHeld) {
                delete(key(hex)); // held in clear before, sealed now: the clear copy goes
            }
            return new Stored(hex, size, clearHeld);
        } catch (SdkException e) {
            throw new IOException("the evidence bucket " + bucket + " did not take the file: "
                    + StoreUnavailableException.rootMessage(e), e);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @Override
    public void seal(String sha256) throws IOException {
        if (exists(sealedKey(sha256)) || !exists(key(sha256))) {
            return;
        }
        Path spool = incoming.resolve(UUID.randomUUID() + ".part");
        try {
            try (InputStream in = client.getObject(r -> r.bucket(bucket).key(key(sha256)));
                 OutputStream out = protection.sealing(Files.newOutputStream(spool, StandardOpenOption.CREATE_NEW))) {
                in.transferTo(out);
            }
            upload(spool, sealedKey(sha256));
            delete(key(sha256));
        } catch (SdkException e) {
            throw new IOException("the evidence bucket " + bucket + " could not seal " + sha256 + ": "
                    + StoreUnavailableException.rootMessage(e), e);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @Override
    public boolean sealed(String sha256) {
        return exists(sealedKey(sha256));
    }

    @Override
    public void discard(String sha256) {
        delete(key(sha256));
        delete(sealedKey(sha256));
    }

    @Override
    public boolean holds(String sha256) {
        return exists(key(sha256)) || exists(sealedKey(sha256));
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        try {
            return Optional.of(protection.opening(client.getObject(r -> r.bucket(bucket).key(sealedKey(sha256)))));
        } catch (NoSuchKeyException e) {
            // not sealed: held in clear, or not at all
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return Optional.of(client.getObject(r -> r.bucket(bucket).key(key(sha256))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> rehash(String sha256) throws IOException {
        Optional<InputStream> opened = open(sha256);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        MessageDigest sha = Sha256.digest();
        try (InputStream in = opened.get()) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException | UncheckedIOException e) {
            if (sealed(sha256)) {
                return Optional.of("0".repeat(64)); // a seal that no longer opens
            }
            throw e;
        }
        return Optional.of(HexFormat.of().formatHex(sha.digest()));
    }

    @Override
    public Stream<String> hashes() {
        List<String> found = new ArrayList<>();
        for (S3Object object : client.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix + "sha256/")).contents()) {
            String name = object.key().substring(object.key().lastIndexOf('/') + 1).replaceFirst("\\.sealed$", "");
            if (name.matches("[0-9a-f]{64}")) {
                found.add(name);
            }
        }
        return found.stream().distinct(); // a clear and a sealed copy (while sealing) name the same file
    }

    @Override
    public void close() {
        client.close();
    }

    /** Sends a spooled file up under {@code key}: at once, or in parts for a large one, each read from the spool. */
    private void upload(Path spool, String key) throws IOException {
        long size = Files.size(spool);
        if (size <= partBytes) {
            client.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromFile(spool));
            return;
        }
        String upload = client.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < size; offset += partBytes, number++) {
                long length = Math.min(partBytes, size - offset);
                long from = offset;
                int part = number;
                ContentStreamProvider content = () -> part(spool, from, length);
                String etag = client.uploadPart(r -> r.bucket(bucket).key(key).uploadId(upload).partNumber(part)
                        .contentLength(length), RequestBody.fromContentProvider(content, length, "application/octet-stream")).eTag();
                parts.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
            }
            client.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(upload)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
        } catch (SdkException | UncheckedIOException e) {
            client.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(upload));
            throw e;
        }
    }

    /** One part of a spool, as a stream of its own (read again from the file if the SDK retries). */
    private static InputStream part(Path spool, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(spool, StandardOpenOption.READ).position(offset);
            return new FilterInputStream(Channels.newInputStream(channel)) {
                private long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(b, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean exists(String key) {
        try {
            client.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private void delete(String key) {
        client.deleteObject(r -> r.bucket(bucket).key(key));
    }

    String key(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return prefix + "sha256/" + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

    String sealedKey(String sha256) {
        return key(sha256) + SEALED;
    }
}
