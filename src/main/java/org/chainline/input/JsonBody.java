package org.chainline.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.Refusal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one way a JSON request body is read: as text, into a checked object tree ({@link #object}), or from that tree into
 * a record of fixed shape ({@link #as}). Every problem is a refusal naming the field, in one wording: a body that is
 * missing or not an object, JSON that does not parse (with its line and column), a NUL anywhere, and a value of the
 * wrong kind ({@code roles: expected a list, got a number}, nested fields as {@code a.b[1].c}).
 */
public final class JsonBody {

    /** Binding is strict where Jackson would guess: no text from a number, no number or truth from text. */
    private static final ObjectMapper BINDING = strict(Json.MAPPER.copy());

    private JsonBody() {
    }

    /** The body as a JSON object, or a refusal naming {@code body}. */
    public static ObjectNode object(String body) {
        return object(body, "");
    }

    /** As {@link #object(String)}, the refusal of a missing or non-object body showing the {@code shape} expected. */
    public static ObjectNode object(String body, String shape) {
        String expected = shape.isEmpty() ? "" : ": " + shape;
        if (body == null || body.isBlank()) {
            throw new InvalidInput("body", "is required: a JSON object" + expected);
        }
        return parsed(body, expected);
    }

    /** The body as a JSON object, an empty one when there is no body. */
    public static ObjectNode objectOrEmpty(String body) {
        return body == null || body.isBlank() ? Json.MAPPER.createObjectNode() : parsed(body, "");
    }

    /** The body as a {@code type}, null when there is none (unless {@code required}). */
    public static <T> T as(String body, Class<T> type, boolean required) {
        if (body == null || body.isBlank()) {
            if (required) {
                throw new InvalidInput("body", "is required: a JSON object");
            }
            return null;
        }
        ObjectNode tree = parsed(body, "");
        try {
            return BINDING.treeToValue(tree, type);
        } catch (MismatchedInputException e) {
            String field = path(e.getPath());
            if (field.isEmpty()) {
                throw InvalidInput.because("body", "body: " + e.getOriginalMessage());
            }
            throw InvalidInput.wrongType(field, expected(e.getTargetType()), kind(tree.at(pointer(e.getPath()))));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof Refusal refusal) {
                throw refusal;
            }
            throw InvalidInput.because("body", "body cannot be read: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw InvalidInput.because("body", "body cannot be read: " + e.getOriginalMessage());
        }
    }

    /** An optional text field of a body (at most 2,000 characters), kept as {@link TextInput} keeps text. */
    public static String text(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw InvalidInput.wrongType(field, "text", kind(v));
        }
        return TextInput.clean(field, v.asText(), 2000, false);
    }

    /** What a value is, in the words of the refusals: text, a number, a list... */
    public static String kind(JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "null";
        }
        return switch (v.getNodeType()) {
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static ObjectNode parsed(String body, String expected) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new InvalidInput("body", "must be a JSON object" + expected);
            }
            StorableText.checkJson(node, "body");
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw InvalidInput.because("body", at == null ? "Invalid JSON: " + e.getOriginalMessage()
                    : "Invalid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + e.getOriginalMessage());
        }
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "another kind of value";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "a list";
        }
        if (CharSequence.class.isAssignableFrom(target) || target.isEnum()) {
            return "text";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != char.class)) {
            return "a number";
        }
        return Map.class.isAssignableFrom(target) || target.isRecord() ? "an object" : "another kind of value";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String pointer(List<JsonMappingException.Reference> references) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            pointer.append('/').append(r.getFieldName() != null
                    ? r.getFieldName().replace("~", "~0").replace("/", "~1") : String.valueOf(r.getIndex()));
        }
        return pointer.toString();
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType t : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }
}
