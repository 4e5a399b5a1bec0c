package org.chainline.workspace.shell;

import com.fasterxml.jackson.databind.JsonNode;
import org.chainline.registry.model.Property;
import org.chainline.registry.model.RecordType;

import java.util.ArrayList;
import java.util.List;

/** What the pages say of a record in words: its searchable spellings, what is known of an item's file. */
public final class RecordWords {

    private RecordWords() {
    }

    /** The record's searchable text values, its primary name first. */
    public static List<String> spellings(RecordType type, JsonNode record) {
        List<String> out = new ArrayList<>();
        for (Property p : type.properties().values()) {
            if (!p.search()) {
                continue;
            }
            JsonNode value = record.path(p.name());
            if (value.isArray()) {
                for (JsonNode v : value) {
                    String s = v.isObject() ? v.path("value").asText(null) : v.asText(null);
                    if (s != null && !s.isBlank()) {
                        out.add(s);
                    }
                }
            } else if (value.isTextual() && !value.asText().isBlank()) {
                out.add(value.asText());
            }
        }
        return out;
    }

    /** What is known of an item's file, in words: stored, never collected, or known by its hash. */
    public static String fileStatus(JsonNode item) {
        String status = item.path("fileStatus").asText(null);
        if (status != null) {
            return status.replace('-', ' ');
        }
        return item.hasNonNull("sha256") ? "recorded by its SHA-256" : "no file";
    }
}
