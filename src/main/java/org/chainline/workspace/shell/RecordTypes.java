package org.chainline.workspace.shell;

import jakarta.inject.Singleton;
import org.chainline.refusal.NotFound;
import org.chainline.registry.Records;
import org.chainline.registry.model.RecordType;

/** The kinds of record as the workspace's paths name them ({@code /records/unit-relation/…}). */
@Singleton
public class RecordTypes {

    private final Records records;

    RecordTypes(Records records) {
        this.records = records;
    }

    /** The type a path's slug names ("unit-relation"), or 404. */
    public RecordType type(String slug) {
        return records.model().types().stream().filter(t -> Links.slug(t).equals(slug)).findFirst()
                .orElseThrow(() -> NotFound.because("no kind of record is called '" + slug + "'"));
    }
}
