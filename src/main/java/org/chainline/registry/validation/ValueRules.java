package org.chainline.registry.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chainline.input.TextInput;
import org.chainline.registry.model.PartialDate;
import org.chainline.registry.model.Property;
import org.chainline.registry.model.PropertyType;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rules of each property type: a JSON value in, its canonical value out, or a violation naming the field. */
final class ValueRules {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> NAME_KINDS = List.of("primary", "alias", "transliteration", "previous");
    private static final List<String> CASUALTY_CATEGORIES = List.of("killed", "injured", "detained", "disappeared", "missing");
    private static final List<String> STANCES = List.of("supports", "contradicts");

    private final List<Violation> violations;
    private final List<Ref> refs;

    ValueRules(List<Violation> violations, List<Ref> refs) {
        this.violations = violations;
        this.refs = refs;
    }

    Optional<JsonNode> value(Property p, JsonNode value) {
        String field = p.name();
        if (p.multiple()) {
            if (!value.isArray()) {
                return fail(field, "must be a list");
            }
            ArrayNode out = JSON.arrayNode();
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < value.size(); i++) {
                single(p, field + "[" + i + "]", value.get(i)).ifPresent(v -> {
                    if (seen.add(v.asText())) {
                        out.add(v);
                    }
                });
            }
            return Optional.of(out);
        }
        return single(p, field, value);
    }

    private Optional<JsonNode> single(Property p, String field, JsonNode v) {
        return switch (p.type()) {
            case TEXT, LONGTEXT -> text(field, v, p.maxLength(), p.type() == PropertyType.LONGTEXT).map(JSON::textNode);
            case URL -> text(field, v, 2000, false).flatMap(s -> url(field, s)).map(JSON::textNode);
            case SHA256 -> text(field, v, 64, false).flatMap(s -> s.matches("[0-9a-fA-F]{64}")
                    ? Optional.of(JSON.textNode(s.toLowerCase())) : fail(field, "must be 64 hexadecimal digits (a SHA-256)"));
            case COUNTRY -> text(field, v, 2, false).flatMap(s -> s.matches("[A-Za-z]{2}")
                    ? Optional.of(JSON.textNode(s.toUpperCase())) : fail(field, "must be a two-letter country code (ISO 3166-1 alpha-2)"));
            case VOCABULARY -> text(field, v, 100, false).flatMap(s -> p.values().contains(s)
                    ? Optional.of(JSON.textNode(s)) : fail(field, "must be one of " + String.join(", ", p.values()) + " (it is '" + s + "')"));
            case INTEGER -> number(field, v, p, true);
            case NUMBER -> number(field, v, p, false);
            case PARTIAL_DATE -> text(field, v, 10, false).flatMap(s -> PartialDate.parse(s).isPresent()
                    ? Optional.of(JSON.textNode(s)) : fail(field, "must be a date as YYYY, YYYY-MM or YYYY-MM-DD (it is '" + s + "')"));
            case TIMESTAMP -> text(field, v, 40, false).flatMap(s -> timestamp(field, s));
            case PROTECTED -> ProtectedShape.shape(field, v, violations);
            case ENTITY -> reference(field, v, p.range());
            case NAMES -> objects(field, v, (f, o) -> names(f, o));
            case IDENTIFIERS -> objects(field, v, (f, o) -> identifier(f, o));
            case CASUALTIES -> objects(field, v, (f, o) -> casualty(f, o));
            case CITATIONS -> objects(field, v, (f, o) -> citation(f, o));
        };
    }

    private Optional<String> text(String field, JsonNode v, int max, boolean lines) {
        if (v.isMissingNode()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            return fail(field, "must be a string");
        }
        String s = TextInput.normal(v.asText());
        String problem = TextInput.problem(s, max, lines);
        return problem == null ? Optional.of(s) : fail(field, problem);
    }

    private Optional<String> url(String field, String s) {
        try {
            URI uri = new URI(s);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(s);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return fail(field, "must be an http or https URL");
    }

    private Optional<JsonNode> timestamp(String field, String s) {
        try {
            return Optional.of(JSON.textNode(Instant.parse(s).toString()));
        } catch (DateTimeParseException e) {
            return fail(field, "must be a UTC time as YYYY-MM-DDThh:mm:ssZ (it is '" + s + "')");
        }
    }

    private Optional<JsonNode> number(String field, JsonNode v, Property p, boolean integral) {
        if (!v.isNumber() || (integral && !v.canConvertToLong()) || (integral && !v.isIntegralNumber())) {
            return fail(field, integral ? "must be a whole number" : "must be a number");
        }
        double d = v.asDouble();
        if ((p.minimum() != null && d < p.minimum()) || (p.maximum() != null && d > p.maximum())) {
            return fail(field, "must be between " + fmt(p.minimum()) + " and " + fmt(p.maximum()));
        }
        return Optional.of(integral ? JSON.numberNode(v.asLong()) : JSON.numberNode(d));
    }

    private static String fmt(Double d) {
        return d == null ? "any" : d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(d);
    }

    private Optional<JsonNode> reference(String field, JsonNode v, List<String> range) {
        Optional<String> id = text(field, v, 128, false);
        if (id.isPresent() && !RecordValidator.ID.matcher(id.get()).matches()) {
            return fail(field, "is not a record id");
        }
        id.ifPresent(i -> refs.add(new Ref(field, i, range)));
        return id.map(JSON::textNode);
    }

    private interface ObjectRule {
        Optional<ObjectNode> apply(String field, JsonNode object);
    }

    private Optional<JsonNode> objects(String field, JsonNode v, ObjectRule rule) {
        if (!v.isArray()) {
            return fail(field, "must be a list of objects");
        }
        ArrayNode out = JSON.arrayNode();
        for (int i = 0; i < v.size(); i++) {
            String f = field + "[" + i + "]";
            if (!v.get(i).isObject()) {
                fail(f, "must be an object");
                continue;
            }
            rule.apply(f, v.get(i)).ifPresent(out::add);
        }
        return Optional.of(out);
    }

    private Optional<ObjectNode> names(String f, JsonNode o) {
        ObjectNode out = fields(f, o, Map.of("value", true, "script", false, "lang", false, "kind", false));
        text(f + ".value", o.path("value"), 200, false).ifPresent(s -> out.put("value", s));
        optional(o, "script").flatMap(s -> text(f + ".script", s, 4, false)).ifPresent(s -> {
            if (s.matches("[A-Z][a-z]{3}")) {
                out.put("script", s);
            } else {
                fail(f + ".script", "must be an ISO 15924 script code such as Cyrl or Latn");
            }
        });
        optional(o, "lang").flatMap(s -> text(f + ".lang", s, 16, false)).ifPresent(s -> out.put("lang", s));
        String kind = optional(o, "kind").flatMap(s -> text(f + ".kind", s, 20, false)).orElse("primary");
        if (!NAME_KINDS.contains(kind)) {
            fail(f + ".kind", "must be one of " + String.join(", ", NAME_KINDS));
        }
        out.put("kind", kind);
        return Optional.of(out);
    }

    private Optional<ObjectNode> identifier(String f, JsonNode o) {
        ObjectNode out = fields(f, o, Map.of("kind", true, "value", true, "country", false));
        text(f + ".kind", o.path("kind"), 50, false).ifPresent(s -> out.put("kind", s));
        text(f + ".value", o.path("value"), 100, false).ifPresent(s -> out.put("value", s));
        optional(o, "country").flatMap(s -> text(f + ".country", s, 2, false)).ifPresent(s -> out.put("country", s.toUpperCase()));
        return Optional.of(out);
    }

    private Optional<ObjectNode> casualty(String f, JsonNode o) {
        ObjectNode out = fields(f, o, Map.of("category", true, "min", false, "max", false, "best", false, "source", false));
        text(f + ".category", o.path("category"), 20, false).ifPresent(s -> {
            if (CASUALTY_CATEGORIES.contains(s)) {
                out.put("category", s);
            } else {
                fail(f + ".category", "must be one of " + String.join(", ", CASUALTY_CATEGORIES));
            }
        });
        Long min = count(f + ".min", o.get("min"));
        Long max = count(f + ".max", o.get("max"));
        Long best = count(f + ".best", o.get("best"));
        if (min == null && max == null && best == null) {
            fail(f, "needs at least one of min, max and best");
        }
        if (min != null && max != null && max < min) {
            fail(f + ".max", "is less than min");
        }
        if (best != null && ((min != null && best < min) || (max != null && best > max))) {
            fail(f + ".best", "must lie between min and max");
        }
        if (min != null) out.put("min", min);
        if (max != null) out.put("max", max);
        if (best != null) out.put("best", best);
        optional(o, "source").flatMap(s -> text(f + ".source", s, 200, false)).ifPresent(s -> out.put("source", s));
        return Optional.of(out);
    }

    private Long count(String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || v.asLong() < 0) {
            fail(field, "must be a whole number, zero or more");
            return null;
        }
        return v.asLong();
    }

    private Optional<ObjectNode> citation(String f, JsonNode o) {
        ObjectNode out = fields(f, o, Map.of("evidence", true, "stance", false, "pinpoint", false));
        reference(f + ".evidence", o.path("evidence"), List.of("Evidence")).ifPresent(id -> out.set("evidence", id));
        String stance = optional(o, "stance").flatMap(s -> text(f + ".stance", s, 20, false)).orElse("supports");
        if (!STANCES.contains(stance)) {
            fail(f + ".stance", "must be supports or contradicts");
        }
        out.put("stance", stance);
        optional(o, "pinpoint").flatMap(s -> text(f + ".pinpoint", s, 200, false)).ifPresent(s -> out.put("pinpoint", s));
        return Optional.of(out);
    }

    private ObjectNode fields(String f, JsonNode o, Map<String, Boolean> known) {
        for (var names = o.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.containsKey(name)) {
                fail(f + "." + name, "is not a field here (allowed: " + String.join(", ", known.keySet().stream().sorted().toList()) + ")");
            }
        }
        known.forEach((name, required) -> {
            if (required && (o.get(name) == null || o.get(name).isNull())) {
                fail(f + "." + name, "is required");
            }
        });
        return JSON.objectNode();
    }

    private static Optional<JsonNode> optional(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    private <T> Optional<T> fail(String field, String reason) {
        violations.add(new Violation(field, reason));
        return Optional.empty();
    }
}
