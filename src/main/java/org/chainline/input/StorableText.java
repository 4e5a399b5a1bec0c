package org.chainline.input;

import com.fasterxml.jackson.databind.JsonNode;
import org.chainline.refusal.InvalidInput;

import java.util.Iterator;
import java.util.Map;

/**
 * The one rule for characters no store can keep: a NUL (U+0000) cannot be stored in PostgreSQL text, so it is refused
 * wherever it comes in (path, query, JSON body, login), as a refusal that names the field, before anything is read or
 * written. Other control characters are the business of {@link TextInput}, field by field.
 */
public final class StorableText {

    /** The reason a field holding such a character is refused. */
    public static final String REASON = "contains a NUL character (U+0000), which cannot be stored";

    private StorableText() {
    }

    /** Whether a text can be stored as it is. */
    public static boolean storable(String text) {
        return text == null || text.indexOf('\u0000') < 0;
    }

    /** Refuses a JSON body holding a NUL in a key or a text value, naming where it is. */
    public static void checkJson(JsonNode node, String at) {
        if (node.isTextual()) {
            if (!storable(node.asText())) {
                throw new InvalidInput(at, REASON);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> f = fields.next();
                String name = at.equals("body") ? f.getKey() : at + "." + f.getKey();
                if (!storable(f.getKey())) {
                    throw new InvalidInput(at, "has a property name that " + REASON);
                }
                checkJson(f.getValue(), name);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkJson(node.get(i), at + "[" + i + "]");
            }
        }
    }
}
