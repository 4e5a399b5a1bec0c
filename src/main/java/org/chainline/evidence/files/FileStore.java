package org.chainline.evidence.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The content-addressed evidence store: each file kept once, unchanged, named by its SHA-256, never visible under that
 * name before all of it is there. The bytes of protected items are sealed with the protection key before they are
 * written anywhere ({@code <sha256>.sealed}), still named and verified by the SHA-256 of the original. Kept in a folder
 * ({@link LocalFileStore}, the embedded default, or a volume several instances share) or in an S3-compatible object
 * store ({@link ObjectFileStore}), as {@code chainline.evidence} says.
 */
public interface FileStore extends AutoCloseable {

    /** A file now held: its hash, its size, and whether the store already held the same bytes. */
    record Stored(String sha256, long size, boolean existed) {
    }

    /** The input is larger than the limit; nothing was kept. */
    final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("is larger than the limit of " + (limit >> 20) + " MiB", null, false, false);
        }
    }

    /** Streams {@code in} into the store (hashing on the way), reading at most {@code limit} bytes. */
    default Stored put(InputStream in, long limit) throws IOException {
        return put(in, limit, false);
    }

    /**
     * As {@link #put(InputStream, long)}; with {@code sealed}, the bytes are sealed as they are written, so that they
     * are never kept in clear (and bytes already held in clear are sealed now).
     */
    Stored put(InputStream in, long limit, boolean sealed) throws IOException;

    /** Seals bytes held in clear (an item that became protected), removing the clear copy; nothing if sealed already. */
    void seal(String sha256) throws IOException;

    /** Whether the bytes are held sealed. */
    boolean sealed(String sha256);

    /** Removes a file no item records (bytes of an arrival that was then refused). */
    void discard(String sha256);

    /** Whether the store holds the file. */
    boolean holds(String sha256);

    /** The stored file's original bytes, streamed (opened from its seal if it is sealed); empty if it is missing. */
    Optional<InputStream> open(String sha256);

    /**
     * The SHA-256 of the bytes now under {@code sha256}'s name (opened from the seal if sealed), or empty if the file is
     * missing. A seal that no longer opens (altered, cut short) gives the hash of nothing, which never matches.
     */
    Optional<String> rehash(String sha256) throws IOException;

    /** Every hash the store holds a file under, recorded or not. */
    Stream<String> hashes();

    /** Lets go of what the store holds open (an object store's connections). */
    @Override
    default void close() {
    }
}
