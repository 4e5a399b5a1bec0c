package org.chainline.sanctions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A person on a sanctions list, as the list file says: names (the caption first, then aliases), birth dates (partial
 * dates as written), countries and identifiers, the designations, the datasets it comes from and the dates the
 * publisher gives. Kept as JSON in {@code sanction_list_entry}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListEntry(String id, String schema, String caption, List<String> names, List<String> birthDates,
                        List<String> countries, List<String> identifiers, List<Designation> designations,
                        List<String> datasets, @Nullable String firstSeen, @Nullable String lastSeen,
                        @Nullable String lastChange) {

    /**
     * One designation of the entry: by whom (the jurisdiction, as told by the list or recognised from the dataset
     * and programme, see {@link Jurisdictions}; null when neither says), under which programme, since when, why.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Designation(@Nullable String jurisdiction, @Nullable String authority, String program,
                              @Nullable String programId, @Nullable String reason, @Nullable String status,
                              @Nullable String listingDate, @Nullable String endDate, @Nullable String sourceUrl) {
    }

    /** The entry without what changes on every export of an unchanged list (last seen), for change detection. */
    ListEntry comparable() {
        return new ListEntry(id, schema, caption, names, birthDates, countries, identifiers, designations, datasets,
                firstSeen, null, lastChange);
    }
}
