package org.chainline.evidence;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.chainline.evidence.files.FileStore;
import org.chainline.evidence.files.LocalFileStore;
import org.chainline.evidence.files.ObjectFileStore;
import org.chainline.evidence.files.ObjectStoreSettings;
import org.chainline.protection.IdentityProtection;
import org.chainline.storage.DataDirectory;

import java.nio.file.Path;

/** The evidence store this instance uses: an object store when a bucket is set, else a folder (the data directory's). */
@Factory
final class FileStores {

    @Singleton
    @Bean(preDestroy = "close")
    FileStore fileStore(DataDirectory data, IdentityProtection protection, ObjectStoreSettings s3, EvidenceSettings settings) {
        Path incoming = data.resolve("evidence").resolve("incoming");
        if (s3.configured()) {
            return new ObjectFileStore(s3, incoming, protection);
        }
        boolean shared = settings.dir() != null && !settings.dir().isBlank();
        return new LocalFileStore(shared ? Path.of(settings.dir()) : data.resolve("evidence"), protection, shared);
    }
}
