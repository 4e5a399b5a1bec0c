package org.chainline.evidence;

import io.micronaut.context.annotation.Context;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PostConstruct;
import org.chainline.registry.BytesProtected;
import org.chainline.registry.Records;

import java.io.IOException;
import java.util.List;

/**
 * Keeps the bytes of protected items sealed at rest: when a committed write makes bytes those of a protected item
 * (an item raised to protected, a protected record naming bytes already held), and at start-up, for bytes left in
 * clear by a crash between a commit and its sealing, after raising to protected the raw Telegram exports that an
 * earlier version kept restricted.
 */
@Context
class ProtectedFiles {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProtectedFiles.class);

    private final FileStore files;
    private final Records records;

    ProtectedFiles(FileStore files, Records records) {
        this.files = files;
        this.records = records;
    }

    @PostConstruct
    void sweep() {
        protectEarlierExports();
        int sealed = 0;
        for (String sha : records.protectedFileHashes()) {
            if (files.holds(sha) && !files.sealed(sha)) {
                seal(sha);
                sealed++;
            }
        }
        if (sealed > 0) {
            LOG.info("Sealed at rest {} file(s) of protected items that were held in clear", sealed);
        }
    }

    /**
     * Telegram exports imported before raw exports were protected kept their result.json as a restricted item that
     * any viewer could download, though it names every sender: they are raised to protected (journaled, with why).
     */
    private void protectEarlierExports() {
        List<String> earlier = records.unprotectedEvidence("result.json", "application/json",
                List.of("Telegram export of ", "Telegram account export"));
        if (earlier.isEmpty()) {
            return;
        }
        var type = records.model().type("Evidence").orElseThrow();
        for (String id : earlier) {
            records.change("system", type, id, Custody.JSON.createObjectNode().put("confidentiality", "protected"),
                    "a Telegram export's result.json names every sender and forwarder: protected");
        }
        LOG.info("Raised {} Telegram export(s) imported earlier to protected; their files are sealed at rest", earlier.size());
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
