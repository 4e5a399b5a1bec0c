package org.chainline.evidence.files;

import org.chainline.protection.IdentityProtection;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The content-addressed store in a folder, by default {@code <data>/evidence} (or one that several instances share:
 * {@code chainline.evidence.dir}): each file kept once, unchanged, at a path given by its
 * SHA-256 ({@code sha256/ab/cd/abcd...}). Bytes are hashed while they stream into a temporary file under
 * {@code incoming/}, which is synced and then renamed into place, so a crash never leaves a partial file under a hash
 * name. Stored files are made read-only. The bytes of protected items (a testimony, a raw Telegram export) are sealed
 * at rest with the protection key ({@code abcd....sealed}), still named and verified by the SHA-256 of the original.
 */
public final class LocalFileStore implements FileStore {

    private static final int BUFFER = 1 << 20;
    private static final String SEALED = ".sealed";
    private final Path root;
    private final Path incoming;
    private final IdentityProtection protection;

    /** How old an arrival's temporary file in a shared folder must be to count as left by a crash. */
    static final Duration ABANDONED = Duration.ofHours(6);

    /**
     * A store in {@code root}; {@code shared} when other instances use the same folder, whose arrivals under way must
     * not be taken for a crash's leftovers.
     */
    public LocalFileStore(Path root, IdentityProtection protection, boolean shared) {
        this.protection = protection;
        this.root = root;
        this.incoming = root.resolve("incoming");
        try {
            Files.createDirectories(incoming);
            // temporary files of a crashed arrival are never under a hash name; they are simply dropped (in a shared
            // folder only those untouched for hours: the others may be another instance's arrivals under way)
            Instant before = Instant.now().minus(ABANDONED);
            try (var leftovers = Files.list(incoming)) {
                for (Path p : leftovers.toList()) {
                    if (!shared || Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the evidence store " + root + " cannot be used: " + e.getMessage(), e);
        }
    }

    @Override
    public Stored put(InputStream in, long limit, boolean sealed) throws IOException {
        MessageDigest sha = org.chainline.Sha256.digest();
        Path tmp = incoming.resolve(UUID.randomUUID() + ".part");
        long size = 0;
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER];
                ByteBuffer wrap = ByteBuffer.wrap(buffer);
                EarlyWriteback writeback = new EarlyWriteback(out);
                OutputStream sealing = sealed ? sealer().sealing(unclosed(out)) : null;
                int n;
                while ((n = in.readNBytes(buffer, 0, BUFFER)) > 0) {
                    size += n;
                    if (size > limit) {
                        throw new TooLarge(limit);
                    }
                    sha.update(buffer, 0, n);
                    if (sealing != null) {
                        sealing.write(buffer, 0, n);
                    } else {
                        wrap.clear().limit(n);
                        while (wrap.hasRemaining()) {
                            out.write(wrap);
                        }
                    }
                    writeback.written(n);
                }
                if (sealing != null) {
                    sealing.close();
                }
                writeback.finish();
                out.force(true);
            }
            String hex = HexFormat.of().formatHex(sha.digest());
            if (Files.exists(sealedPath(hex))) {
                return new Stored(hex, size, true);
            }
            if (Files.exists(path(hex))) {
                if (sealed) {
                    seal(hex);
                }
                return new Stored(hex, size, true);
            }
            Path target = sealed ? sealedPath(hex) : path(hex);
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
     * Seals bytes held in clear (an item that became protected): the sealed copy is written and synced beside the
     * clear file, renamed into place, and only then is the clear file removed. Does nothing if they are sealed already.
     */
    @Override
    public void seal(String sha256) throws IOException {
        Path clear = path(sha256);
        if (Files.exists(sealedPath(sha256)) || !Files.exists(clear)) {
            return;
        }
        Path tmp = incoming.resolve(UUID.randomUUID() + ".part");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 InputStream in = Files.newInputStream(clear)) {
                try (OutputStream sealing = sealer().sealing(unclosed(out))) {
                    in.transferTo(sealing);
                }
                out.force(true);
            }
            makeReadOnly(tmp);
            try {
                Files.move(tmp, sealedPath(sha256), StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // sealed meanwhile by another call
            }
            Files.deleteIfExists(clear);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Whether the bytes are held sealed. */
    @Override
    public boolean sealed(String sha256) {
        return Files.isRegularFile(sealedPath(sha256));
    }

    @Override
    public void discard(String sha256) {
        try {
            Files.deleteIfExists(path(sha256));
            Files.deleteIfExists(sealedPath(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the store holds the file. */
    @Override
    public boolean holds(String sha256) {
        return Files.isRegularFile(path(sha256)) || Files.isRegularFile(sealedPath(sha256));
    }

    /** The stored file's original bytes, to read (opened from its seal if it is sealed). */
    @Override
    public Optional<InputStream> open(String sha256) {
        try {
            Path sealedFile = sealedPath(sha256);
            if (Files.isRegularFile(sealedFile)) {
                return Optional.of(sealer().opening(Files.newInputStream(sealedFile)));
            }
            return Optional.of(Files.newInputStream(path(sha256)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The SHA-256 of the bytes now under {@code sha256}'s name (opened from the seal if sealed), or empty if the file is
     * missing. A seal that no longer opens (altered, cut short) gives the hash of nothing, which never matches.
     */
    @Override
    public Optional<String> rehash(String sha256) throws IOException {
        Path p = path(sha256);
        if (Files.isRegularFile(sealedPath(sha256))) {
            MessageDigest sha = org.chainline.Sha256.digest();
            try (InputStream in = open(sha256).orElseThrow()) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sha.update(buffer, 0, n);
                }
            } catch (IOException | UncheckedIOException e) {
                return Optional.of("0".repeat(64));
            }
            return Optional.of(HexFormat.of().formatHex(sha.digest()));
        }
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        MessageDigest sha = org.chainline.Sha256.digest();
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

    @Override
    public Stream<String> hashes() {
        Path dir = root.resolve("sha256");
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> walk = Files.walk(dir, 3)) {
            return walk.filter(Files::isRegularFile).map(p -> p.getFileName().toString().replaceFirst("\\.sealed$", ""))
                    .filter(n -> n.matches("[0-9a-f]{64}")).distinct().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IdentityProtection sealer() {
        if (protection == null) {
            throw new IllegalStateException("this file store cannot seal: it has no protection key");
        }
        return protection;
    }

    /** The channel as a stream that a sealing stream may close without closing the channel (it is synced after). */
    private static OutputStream unclosed(FileChannel channel) {
        return new FilterOutputStream(Channels.newOutputStream(channel)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    Path sealedPath(String sha256) {
        Path p = path(sha256);
        return p.resolveSibling(p.getFileName() + SEALED);
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
        private static final ExecutorService SYNCS = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "evidence-writeback");
            t.setDaemon(true);
            return t;
        });
        private final FileChannel channel;
        private Future<?> running;
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
                throw new InterruptedIOException("interrupted while syncing");
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
    }


    private static void makeReadOnly(Path p) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r--r-----"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not POSIX: the hash check of verify still catches any change
        }
    }
}
