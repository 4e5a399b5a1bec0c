package org.chainline.registry.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.chainline.input.TextInput;

import java.util.List;
import java.util.Optional;

/** The shape a protected value may arrive in: a name, an object of text fields, or a value already sealed. */
public final class ProtectedShape {

    /** The one field of a sealed value. */
    public static final String SEALED = "sealed";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_FIELDS = 20;

    private ProtectedShape() {
    }

    /** The canonical clear form ({@code {"name": ...}} for a bare name), or an already sealed value as it is. */
    static Optional<JsonNode> shape(String field, JsonNode v, List<Violation> violations) {
        if (v.isTextual()) {
            String s = TextInput.normal(v.asText());
            String problem = TextInput.problem(s, 500, false);
            if (problem != null) {
                violations.add(new Violation(field, problem));
                return Optional.empty();
            }
            return Optional.of(JSON.objectNode().put("name", s));
        }
        if (!v.isObject() || v.isEmpty()) {
            violations.add(new Violation(field, "must be a name or an object of text fields (name, contact, notes...)"));
            return Optional.empty();
        }
        if (v.has(SEALED)) {
            if (v.size() != 1 || !v.get(SEALED).isTextual()) {
                violations.add(new Violation(field, "a sealed value is an object with the one field sealed"));
                return Optional.empty();
            }
            return Optional.of(v);
        }
        if (v.size() > MAX_FIELDS) {
            violations.add(new Violation(field, "must have at most " + MAX_FIELDS + " fields"));
            return Optional.empty();
        }
        ObjectNode out = JSON.objectNode();
        int before = violations.size();
        v.fields().forEachRemaining(f -> {
            String name = field + "." + f.getKey();
            if (!f.getKey().matches("[a-zA-Z][a-zA-Z0-9]{0,39}")) {
                violations.add(new Violation(name, "is not a field name (letters and digits, starting with a letter)"));
            } else if (!f.getValue().isTextual()) {
                violations.add(new Violation(name, "must be a string"));
            } else {
                String s = TextInput.normal(f.getValue().asText());
                String problem = TextInput.problem(s, 2000, true);
                if (problem != null) {
                    violations.add(new Violation(name, problem));
                } else {
                    out.put(f.getKey(), s);
                }
            }
        });
        return violations.size() == before ? Optional.of(out) : Optional.empty();
    }
}
