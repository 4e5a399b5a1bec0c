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

/**
 * The one directory that holds everything a Chainline instance keeps locally, held under an exclusive
 * lock so that two processes never open the same embedded stores. Taken at start-up in every mode.
 */
@Context
public final class DataDirectory implements AutoCloseable {

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    @Inject
    DataDirectory(StoreSettings settings) {
        this(settings.dataDir());
    }

    public DataDirectory(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
            lockChannel = FileChannel.open(root.resolve("chainline.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
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
            throw new StoreUnavailableException("Data directory " + root
                    + " is already in use by another Chainline process; stop it first or choose another"
                    + " directory with CHAINLINE_DATA_DIR.");
        }
        lock = acquired;
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
    }

    private void closeQuietly() {
        try {
            lockChannel.close();
        } catch (IOException ignored) {
            // nothing useful to do while giving the directory up
        }
    }
}
