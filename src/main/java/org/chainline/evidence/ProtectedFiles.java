package org.chainline.evidence;

import io.micronaut.context.annotation.Context;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PostConstruct;
import org.chainline.evidence.files.FileStore;
import org.chainline.registry.BytesProtected;
import org.chainline.registry.EvidenceRecords;

import java.io.IOException;

/**
 * Keeps the bytes of protected items sealed at rest: when a committed write makes bytes those of a protected item
 * (an item raised to protected, a protected record naming bytes already held), and at start-up, for bytes left in
 * clear by a crash between a commit and its sealing (after {@link EarlierTelegramImports} has protected what earlier
 * versions imported).
 */
@Context
class ProtectedFiles {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProtectedFiles.class);

    private final FileStore files;
    private final EvidenceRecords evidenceRecords;
    private final EarlierTelegramImports earlierImports;

    ProtectedFiles(FileStore files, EvidenceRecords evidenceRecords, EarlierTelegramImports earlierImports) {
        this.files = files;
        this.evidenceRecords = evidenceRecords;
        this.earlierImports = earlierImports;
    }

    @PostConstruct
    void sweep() {
        earlierImports.protect();
        int sealed = 0;
        for (String sha : evidenceRecords.protectedFileHashes()) {
            if (files.holds(sha) && !files.sealed(sha)) {
                seal(sha);
                sealed++;
            }
        }
        if (sealed > 0) {
            LOG.info("Sealed at rest {} file(s) of protected items that were held in clear", sealed);
        }
    }

    @EventListener
    void on(BytesProtected event) {
        seal(event.sha256());
    }

    private void seal(String sha) {
        try {
            files.seal(sha);
        } catch (IOException | RuntimeException e) {
            // the next start sweeps again; the reason names no content
            LOG.warn("A protected file could not be sealed at rest yet ({}); it will be tried again at the next start",
                    e.getClass().getSimpleName());
        }
    }
}
