package org.chainline.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.chainline.refusal.InvalidInput;

/**
 * JSON request bodies read as trees, so that a wrong type or a malformed body is refused naming the field (the model,
 * not a Java type, gives records their shape).
 */
public final class RequestJson {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private RequestJson() {
    }

    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput("body", "is required: a JSON object");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (!node.isObject()) {
                throw new InvalidInput("body", "must be a JSON object");
            }
            StorableText.checkJson(node, "body");
            return node;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new InvalidInput("body", "is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    public static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(JsonNode body, String field) {
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
