package org.chainline.protection;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.nio.file.Path;

/**
 * Where the protection key comes from: {@code chainline.protection.key} (the key itself, e.g. from a secret store
 * through CHAINLINE_PROTECTION_KEY) or {@code chainline.protection.key-file} (default {@code ~/.chainline/protection.key},
 * outside the data directory so that a copy of the data alone reveals nothing).
 */
@ConfigurationProperties("chainline.protection")
public record ProtectionSettings(@Nullable String key, @Nullable String keyFile) {

    Path keyPath() {
        if (keyFile != null && !keyFile.isBlank()) {
            return Path.of(keyFile).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".chainline", "protection.key");
    }

    boolean keyGiven() {
        return key != null && !key.isBlank();
    }
}
