package org.chainline.workspace.evidence;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.Page;

import java.util.List;

/** The evidence screen: uploads (files, Telegram exports) with progress, and the items held, newest changes first. */
@Introspected
public record EvidenceView(Chrome chrome, List<Item> items, List<String> kinds, List<String> confidentialities,
                           List<CaseChoice> cases) implements Page {

    /** A case an upload may go into (a choice for a writer in several), by id and title. */
    public record CaseChoice(String id, String title) {
    }

    public record Item(String id, String link, String title, String kind, @Nullable String fileStatus, String confidentiality,
                       @Nullable String sha256) {
    }
}
