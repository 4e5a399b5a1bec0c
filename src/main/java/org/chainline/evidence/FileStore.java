package org.chainline.evidence;

import jakarta.inject.Singleton;
import org.chainline.storage.DataDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The content-addressed store under {@code <data>/evidence}: each file kept once, unchanged, at a path given by its
 * SHA-256 ({@code sha256/ab/cd/abcd...}). Bytes are hashed while they stream into a temporary file under
 * {@code incoming/}, which is synced and then renamed into place, so a crash never leaves a partial file under a hash
 * name. Stored files are made read-only.
 */
@Singleton
public class FileStore {

    private static final int BUFFER = 1 << 20;
    private final Path root;
    private final Path incoming;

    @jakarta.inject.Inject
    FileStore(DataDirectory data) {
        this(data.resolve("evidence"));
    }

    /** A store at {@code root} (the benchmark's own, outside a running instance). */
    public FileStore(Path root) {
        this.root = root;
        this.incoming = root.resolve("incoming");
        try {
            Files.createDirectories(incoming);
            // temporary files of a crashed arrival are never under a hash name; they are simply dropped
            try (var leftovers = Files.list(incoming)) {
                for (Path p : leftovers.toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the evidence store " + root + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** A file now held: its hash, its size, and whether the store already held the same bytes. */
    public record Stored(String sha256, long size, boolean existed) {
    }

    /** The input is larger than the limit; nothing was kept. */
    public static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("is larger than the limit of " + (limit >> 20) + " MiB", null, false, false);
        }
    }

    /** Streams {@code in} into the store (hashing on the way), reading at most {@code limit} bytes. */
    public Stored put(InputStream in, long limit) throws IOException {
        MessageDigest sha = sha256();
        Path tmp = incoming.resolve(UUID.randomUUID() + ".part");
        long size = 0;
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER];
                ByteBuffer wrap = ByteBuffer.wrap(buffer);
                EarlyWriteback writeback = new EarlyWriteback(out);
                int n;
                while ((n = in.readNBytes(buffer, 0, BUFFER)) > 0) {
                    size += n;
                    if (size > limit) {
                        throw new TooLarge(limit);
                    }
                    sha.update(buffer, 0, n);
                    wrap.clear().limit(n);
                    while (wrap.hasRemaining()) {
                        out.write(wrap);
                    }
                    writeback.written(n);
                }
                writeback.finish();
                out.force(true);
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            Path target = path(hex);
            if (Files.exists(target)) {
                return new Stored(hex, size, true);
            }
            Files.createDirectories(target.getParent());
            makeReadOnly(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                return new Stored(hex, size, true);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the evidence store needs a file system with atomic renames", e);
            }
            return new Stored(hex, size, false);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Copies {@code in} (at most {@code limit} bytes) to a new temporary file beside the store, for an upload that is
     * read more than once (a zip); the caller deletes it. Temporary files left by a crash go at the next start.
     */
    public Path temporaryCopy(InputStream in, long limit) throws IOException {
        Path tmp = incoming.resolve(UUID.randomUUID() + ".upload");
        try (var out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[BUFFER];
            long size = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                if (size > limit) {
                    throw new TooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    /** Removes a file no item records (bytes of an arrival that was then refused). */
    void discard(String sha256) {
        try {
            Files.deleteIfExists(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the store holds the file. */
    public boolean holds(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    /** The stored file, to read. */
    public Optional<InputStream> open(String sha256) {
        try {
            return Optional.of(Files.newInputStream(path(sha256)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SHA-256 of the bytes now under {@code sha256}'s name, or empty if the file is missing. */
    public Optional<String> rehash(String sha256) throws IOException {
        Path p = path(sha256);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        MessageDigest sha = sha256();
        try (FileChannel in = FileChannel.open(p, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
            while (in.read(buffer) > 0) {
                buffer.flip();
                sha.update(buffer);
                buffer.clear();
            }
        }
        return Optional.of(HexFormat.of().formatHex(sha.digest()));
    }

    Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /**
     * Starts writing a large file to disk while it is still arriving: every {@value #WRITEBACK} bytes a sync runs in
     * the background (one at a time), so that the final sync, which must finish before the file gets its hash name,
     * waits only for the tail instead of the whole file (the kernel would otherwise keep gigabytes dirty in memory).
     */
    private static final class EarlyWriteback {
        private static final long WRITEBACK = 64L << 20;
        private static final java.util.concurrent.ExecutorService SYNCS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "evidence-writeback");
            t.setDaemon(true);
            return t;
        });
        private final FileChannel channel;
        private java.util.concurrent.Future<?> running;
        private long pending;

        EarlyWriteback(FileChannel channel) {
            this.channel = channel;
        }

        void written(int bytes) throws IOException {
            pending += bytes;
            if (pending >= WRITEBACK && (running == null || running.isDone())) {
                check();
                running = SYNCS.submit(() -> {
                    channel.force(false);
                    return null;
                });
                pending = 0;
            }
        }

        void finish() throws IOException {
            check();
        }

        private void check() throws IOException {
            if (running == null) {
                return;
            }
            try {
                running.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while syncing");
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
    }

    static MessageDigest sha256() {
        return org.chainline.Sha256.digest();
    }

    private static void makeReadOnly(Path p) {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("r--r-----"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not POSIX: the hash check of verify still catches any change
        }
    }
}
