package org.chainline.sanctions;

import org.chainline.Sha256;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.TooLarge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * An uploaded file (a sanctions list, an FtM dataset) kept in a spool file while it is read, hashed as it arrives;
 * refused when empty or larger than its limit, and deleted when closed.
 */
public final class SpooledUpload implements AutoCloseable {

    private final Path file;
    private final String sha256;
    private final long size;

    private SpooledUpload(Path file, String sha256, long size) {
        this.file = file;
        this.sha256 = sha256;
        this.size = size;
    }

    /**
     * Reads {@code in} to its end into {@code tmp} (a spool file of the data directory, deleted on close or failure);
     * {@code what} names the upload in the refusals ("the list file").
     */
    public static SpooledUpload of(Path tmp, InputStream in, long maxBytes, String what) {
        try {
            MessageDigest digest = Sha256.digest();
            long total = 0;
            byte[] buffer = new byte[1 << 16];
            try (OutputStream out = Files.newOutputStream(tmp)) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    total += n;
                    if (total > maxBytes) {
                        throw new TooLarge("file", "is larger than " + (maxBytes >> 20) + " MB");
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            if (total == 0) {
                throw new InvalidInput("file", "is empty: send " + what + " as the request body");
            }
            return new SpooledUpload(tmp, java.util.HexFormat.of().formatHex(digest.digest()), total);
        } catch (IOException | RuntimeException e) {
            delete(tmp);
            if (e instanceof IOException io) {
                throw new UncheckedIOException(what + " could not be kept for reading: " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    public Path file() {
        return file;
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
                // a temporary file; the system cleans its temporary folder
            }
        }
    }
}
