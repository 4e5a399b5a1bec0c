package org.chainline.registry.model;

import java.util.List;

/**
 * One property of a record type, as {@code graph-schema/model/<Type>.yaml} declares it.
 *
 * @param values   the vocabulary, for {@code vocabulary} properties
 * @param range    the record types an {@code entity} property may point to
 * @param edge     the relationship type from the record to the record pointed to
 * @param search   whether the value takes part in name search
 * @param index    whether the graph keeps an index on it (a migration must create it)
 */
public record Property(String name, PropertyType type, boolean required, boolean multiple, String description,
                       List<String> values, String defaultValue, List<String> range, String edge, Integer max,
                       Double minimum, Double maximum, boolean search, boolean index) {

    /** Length limit for text values. */
    public int maxLength() {
        if (max != null) {
            return max;
        }
        return type == PropertyType.LONGTEXT ? 20_000 : 500;
    }
}
