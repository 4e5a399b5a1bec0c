package org.chainline.registry.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chainline.registry.model.PartialDate;
import org.chainline.registry.model.Property;
import org.chainline.registry.model.RecordType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks one record against its type in the model and gives its canonical form. Everything that can be known from
 * the record alone is checked here (fields, types, vocabularies, dates in order); whether referenced records exist
 * is checked by the caller, which knows the store.
 */
public final class RecordValidator {

    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private RecordValidator() {
    }

    /** The record in canonical form, or what is wrong with it. */
    public static Checked check(RecordType type, String id, JsonNode body) {
        List<Violation> violations = new ArrayList<>();
        if (body == null || !body.isObject()) {
            violations.add(new Violation("body", "must be a JSON object with the fields of " + RecordType.withArticle(type.name())));
            return new Checked(null, violations, List.of());
        }
        if (id == null || !ID.matcher(id).matches()) {
            violations.add(new Violation("id", "must be 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit"));
        }
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.put("type", type.name());
        content.put("id", id);
        JsonNode home = body.get("case");
        if (home != null && !home.isNull()) {
            if (!home.isTextual() || !ID.matcher(home.asText()).matches()) {
                violations.add(new Violation("case", "must be the id of a case (letters, digits, '.', '_', ':' or '-')"));
            } else {
                content.put("case", home.asText());
            }
        }
        List<Ref> refs = new ArrayList<>();
        ValueRules rules = new ValueRules(violations, refs);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (type.claim() && name.equals("status")) {
                violations.add(new Violation(name, "is not typed: a claim is accepted, rejected or disputed in review, by someone"
                        + " who wrote none of its versions (POST /api/reviews); your own research status is research"
                        + " (needs-work, conflicting-sources)"));
            } else if (!List.of("type", "id", "case", "reason", "meta").contains(name) && type.property(name).isEmpty()) {
                violations.add(new Violation(name, "is not a property of " + type.name() + " (its properties: "
                        + String.join(", ", type.properties().keySet()) + ")"));
            }
        }
        for (Property property : type.properties().values()) {
            JsonNode value = body.get(property.name());
            if (value == null || value.isNull() || (value.isArray() && value.isEmpty())) {
                if (property.required()) {
                    violations.add(new Violation(property.name(), "is required"));
                } else if (property.defaultValue() != null) {
                    content.put(property.name(), property.defaultValue());
                }
                continue;
            }
            rules.value(property, value).ifPresent(v -> content.set(property.name(), v));
        }
        checkDates(type, content, violations);
        if (type.name().equals("Identity") && content.path("person").asText().equals(content.path("samePerson").asText())
                && content.has("person")) {
            violations.add(new Violation("samePerson", "must be another person record than person"));
        }
        return violations.isEmpty()
                ? new Checked(new ValidRecord(type, id, content, List.copyOf(refs)), List.of(), List.copyOf(refs))
                : new Checked(null, violations, List.copyOf(refs));
    }

    /**
     * Either a valid record or its violations; {@code refs} are the references of its well-formed fields either way,
     * so that an import checks them in the same run as the violations.
     */
    public record Checked(ValidRecord record, List<Violation> violations, List<Ref> refs) {
        public boolean valid() {
            return record != null;
        }
    }

    private static void checkDates(RecordType type, ObjectNode content, List<Violation> violations) {
        Optional<PartialDate> start = PartialDate.parse(content.path("start").asText(null));
        Optional<PartialDate> end = PartialDate.parse(content.path("end").asText(null));
        if (start.isPresent() && end.isPresent() && end.get().latest().isBefore(start.get().earliest())) {
            violations.add(new Violation("end", "(" + end.get().text() + ") is before start (" + start.get().text() + ")"));
        }
    }
}
