package org.chainline.sanctions.ftm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chainline.Sha256;
import org.chainline.input.Json;
import org.chainline.registry.model.PartialDate;
import org.chainline.sanctions.Jurisdictions;
import tech.followthemoney.entity.ValueEntity;
import tech.followthemoney.exc.SchemaException;
import tech.followthemoney.model.Property;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The small conversions every FtM mapper shares: values of an entity, dates, countries, records and their fields. */
final class FtmValues {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private FtmValues() {
    }

    // ---- reading FtM entities

    static List<String> values(ValueEntity e, String property) {
        Property p = e.getSchema().getProperty(property);
        if (p == null) {
            return List.of();
        }
        return e.getValues(p).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    static String first(ValueEntity e, String... properties) {
        for (String property : properties) {
            List<String> v = values(e, property);
            if (!v.isEmpty()) {
                return v.getFirst();
            }
        }
        return null;
    }

    static String date(String value) {
        return PartialDate.leading(value);
    }

    static String country(String value) {
        return Jurisdictions.code(value).orElse(null);
    }

    // ---- writing Chainline records

    static ObjectNode record(String type, String ftmId) {
        String id = ID.matcher(ftmId).matches() ? ftmId : "ftm-" + Sha256.hex(ftmId).substring(0, 24);
        return Json.MAPPER.createObjectNode().put("type", type).put("id", id);
    }

    /** A claim of {@code type} from entity {@code e}, with its dates and one citation of the imported file. */
    static ObjectNode claim(String type, ValueEntity e, String evidence) {
        ObjectNode claim = record(type, e.getId());
        put(claim, "start", date(first(e, "startDate", "date")));
        put(claim, "end", date(first(e, "endDate")));
        ArrayNode citations = Json.MAPPER.createArrayNode();
        citations.add(Json.MAPPER.createObjectNode().put("evidence", evidence).put("stance", "supports")
                .put("pinpoint", "FtM entity " + clip(e.getId(), 180)));
        claim.set("citations", citations);
        return claim;
    }

    static ObjectNode name(String value, String kind) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("value", value);
        boolean cyrillic = value.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
        n.put("script", cyrillic ? "Cyrl" : "Latn");
        n.put("kind", kind);
        return n;
    }

    static void put(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    // ---- reading Chainline records, writing FtM entities

    /** Adds a value through FtM's model, which refuses a property the schema does not have. */
    static void add(ValueEntity entity, String property, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            entity.addValue(property, value);
        } catch (SchemaException e) {
            throw new IllegalStateException("FtM " + entity.getSchema().getName() + " has no property " + property, e);
        }
    }

    static void dates(ValueEntity e, JsonNode claim) {
        add(e, "startDate", text(claim, "start"));
        add(e, "endDate", text(claim, "end"));
    }

    static String id(JsonNode record) {
        return record.path("id").asText();
    }

    static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
