package org.chainline.storage;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one directory that holds everything a Chainline instance keeps locally, held under an exclusive
 * lock so that two processes never open the same embedded stores. Taken at start-up in every mode.
 */
@Context
public final class DataDirectory implements AutoCloseable {

    /**
     * Directories held by this JVM. File locks are per process, and closing any channel on the lock file
     * would release them, so a second holder inside the same JVM is turned away here, before the file.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private static final String SPOOL = "spool";

    @Inject
    DataDirectory(StoreSettings settings) {
        this(settings.dataDir());
    }

    public DataDirectory(Path root) {
        this.root = root;
        if (!HELD.add(root)) {
            throw inUse(root);
        }
        try {
            Files.createDirectories(root);
            lockChannel = FileChannel.open(root.resolve("chainline.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            HELD.remove(root);
            throw new StoreUnavailableException("Data directory " + root + " cannot be used: " + e.getMessage(), e);
        }
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            acquired = null;
        }
        if (acquired == null) {
            closeQuietly();
            HELD.remove(root);
            throw inUse(root);
        }
        lock = acquired;
        emptySpool();
    }

    /**
     * A new, empty file under {@code <data>/spool}, readable by its owner only, for an upload read more than once (a
     * sanctions list, an FtM file, a Telegram export). Spools may hold what was said of people, so they never go to the system's temporary
     * folder: they are deleted after use and, for a crash in between, when the directory is next taken.
     */
    public Path spoolFile(String suffix) {
        Path file = resolve(SPOOL).resolve(UUID.randomUUID() + suffix);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the data directory's own must protect it
            try {
                Files.createFile(file);
            } catch (IOException io) {
                throw new StoreUnavailableException("Cannot create a spool file under " + root + ": " + io.getMessage(), io);
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("Cannot create a spool file under " + root + ": " + e.getMessage(), e);
        }
        return file;
    }

    private void emptySpool() {
        Path spool = root.resolve(SPOOL);
        if (!Files.isDirectory(spool)) {
            return;
        }
        try (var left = Files.list(spool)) {
            for (Path p : left.toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("Cannot empty the spool " + spool + ": " + e.getMessage(), e);
        }
    }

    private static StoreUnavailableException inUse(Path root) {
        return new StoreUnavailableException("Data directory " + root
                + " is already in use by another Chainline process; stop it first or choose another"
                + " directory with CHAINLINE_DATA_DIR.");
    }

    public Path root() {
        return root;
    }

    /** A subdirectory of the data directory, created if missing. */
    public Path resolve(String name) {
        Path dir = root.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreUnavailableException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    @PreDestroy
    @Override
    public void close() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // the lock goes with the channel below in any case
        }
        closeQuietly();
        HELD.remove(root);
    }

    private void closeQuietly() {
        try {
            lockChannel.close();
        } catch (IOException ignored) {
            // nothing useful to do while giving the directory up
        }
    }
}
