package org.chainline.evidence;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits of the evidence locker: the largest file accepted ({@code chainline.evidence.max-file-mb}, default 8 GiB) and
 * the largest Telegram export, as a zip or in its unpacked total ({@code max-export-mb}, default 32 GiB); and the folder
 * of the store ({@code dir}: empty for {@code <data>/evidence}; a shared volume for several instances).
 */
@ConfigurationProperties("chainline.evidence")
public record EvidenceSettings(@Bindable(defaultValue = "8192") long maxFileMb,
                               @Bindable(defaultValue = "32768") long maxExportMb,
                               @Nullable String dir) {

    public long maxFileBytes() {
        return maxFileMb << 20;
    }

    public long maxExportBytes() {
        return maxExportMb << 20;
    }
}
