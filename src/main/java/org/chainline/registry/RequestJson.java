package org.chainline.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.chainline.web.InvalidInput;
import org.chainline.web.TextInput;

/** Request bodies of record endpoints, read as JSON trees (the model, not a Java type, gives their shape). */
final class RequestJson {

    private RequestJson() {
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput("body", "is required: a JSON object");
        }
        try {
            JsonNode node = RecordWrites.JSON.readTree(body);
            if (!node.isObject()) {
                throw new InvalidInput("body", "must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new InvalidInput("body", "is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    static String write(Object node) {
        try {
            return RecordWrites.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidInput(field, "must be a string");
        }
        return TextInput.clean(field, v.asText(), 2000, false);
    }
}
