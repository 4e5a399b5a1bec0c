package org.chainline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.chainline.input.Json;
import org.chainline.registry.model.Model;
import org.chainline.registry.model.Property;
import org.chainline.registry.model.PropertyType;
import org.chainline.registry.model.RecordType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Import lines as the baseline writes them: flat properties and reference edges, with no checks at all. */
final class RawRows {

    private final Model model;

    RawRows(Model model) {
        this.model = model;
    }

    Map<String, Object> row(String line) throws IOException {
        JsonNode node = Json.MAPPER.readTree(line);
        RecordType type = model.type(node.get("type").asText()).orElseThrow();
        Map<String, Object> props = new HashMap<>();
        List<Map<String, Object>> edges = new ArrayList<>();
        node.fields().forEachRemaining(f -> {
            Property p = type.property(f.getKey()).orElse(null);
            JsonNode v = f.getValue();
            if (p != null && p.type() == PropertyType.ENTITY) {
                (v.isArray() ? iterable(v) : List.of(v)).forEach(t -> edges.add(Map.of("type", p.edge(), "to", t.asText())));
            } else if (p != null && p.type() == PropertyType.CITATIONS) {
                v.forEach(c -> edges.add(Map.of("type", "CITES", "to", c.get("evidence").asText())));
            } else if (v.isTextual()) {
                props.put(f.getKey(), v.asText());
            } else if (v.isNumber()) {
                props.put(f.getKey(), v.numberValue());
            } else {
                props.put(f.getKey(), v.toString());
            }
        });
        return Map.of("id", node.get("id").asText(), "label", type.name(), "props", props, "edges", edges);
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
