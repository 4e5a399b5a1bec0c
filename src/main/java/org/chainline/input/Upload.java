package org.chainline.input;

import org.chainline.refusal.Refusal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The one upload type: a file sent as a request body (a sanctions list, an FtM dataset, a Telegram export), spooled
 * to a file while it is read and hashed in the same pass; refused when larger than its limit (or empty, where that
 * is an error), and deleted when closed. Evidence files go straight into the content-addressed store instead.
 */
public final class Upload implements AutoCloseable {

    private final Path file;
    private final String sha256;
    private final long size;
    private final SealedSpool sealed;

    private Upload(Path file, String sha256, long size, SealedSpool sealed) {
        this.file = file;
        this.sha256 = sha256;
        this.size = size;
        this.sealed = sealed;
    }

    /**
     * Reads {@code in} to its end into {@code spool} (a spool file of the data directory, deleted on close or failure),
     * refusing with {@code tooLarge} past {@code maxBytes} and with {@code empty} (null: an empty upload is kept) when
     * there is nothing; {@code what} names the upload when it cannot be kept ("the list file").
     */
    public static Upload spool(Path spool, InputStream in, long maxBytes, String what,
                               Supplier<? extends Refusal> tooLarge, Supplier<? extends Refusal> empty) {
        return spool(spool, in, maxBytes, what, tooLarge, empty, null);
    }

    /**
     * As {@link #spool}, for an upload that names people at risk (a Telegram export): sealed as it is written, under a
     * key only this process holds, so it is never on disk in clear; read it back through {@link #channel()}.
     */
    public static Upload spoolSealed(Path spool, InputStream in, long maxBytes, String what,
                                     Supplier<? extends Refusal> tooLarge, Supplier<? extends Refusal> empty) {
        return spool(spool, in, maxBytes, what, tooLarge, empty, new SealedSpool());
    }

    private static Upload spool(Path spool, InputStream in, long maxBytes, String what, Supplier<? extends Refusal> tooLarge,
                                Supplier<? extends Refusal> empty, SealedSpool sealed) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long total = 0;
            byte[] buffer = new byte[1 << 16];
            try (OutputStream file = Files.newOutputStream(spool);
                 OutputStream out = sealed == null ? file : sealed.sealing(file)) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    total += n;
                    if (total > maxBytes) {
                        throw tooLarge.get();
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            if (total == 0 && empty != null) {
                throw empty.get();
            }
            return new Upload(spool, HexFormat.of().formatHex(digest.digest()), total, sealed);
        } catch (IOException | RuntimeException e) {
            delete(spool);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(what + " could not be kept for reading: " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        } catch (NoSuchAlgorithmException e) {
            delete(spool);
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The spool file, for an upload kept in clear; a sealed one is read through {@link #channel()}. */
    public Path file() {
        if (sealed != null) {
            throw new IllegalStateException("a sealed upload is read through channel(), never as a file in clear");
        }
        return file;
    }

    /** The upload's bytes, in clear, at any position (a sealed upload is decrypted as it is read). */
    public SeekableByteChannel channel() throws IOException {
        return sealed == null ? Files.newByteChannel(file) : sealed.opening(file);
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a spool file: the data directory's spool is emptied when the directory is next taken
            }
        }
    }
}
