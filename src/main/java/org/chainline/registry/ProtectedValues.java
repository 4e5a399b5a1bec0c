package org.chainline.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import org.chainline.protection.IdentityProtection;
import org.chainline.web.TextInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Properties of type {@code protected} (the identity of a witness, a protected victim, a source): given in clear as a
 * name or an object of text fields, sealed before the record reaches the journal, and shown to nobody as anything but
 * {@code {"protected": true}} (revealing is a journaled act of its own, {@link Records#reveal}).
 */
@Singleton
final class ProtectedValues {

    static final String SEALED = "sealed";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_FIELDS = 20;

    private final IdentityProtection protection;

    ProtectedValues(IdentityProtection protection) {
        this.protection = protection;
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

    /**
     * Seals the record's protected properties in place. A value that arrives sealed must open for this record and
     * property (it is one kept from the stored record, or a copy of it).
     */
    List<Violation> seal(ValidRecord record) {
        List<Violation> problems = new ArrayList<>();
        for (Property p : record.type().properties().values()) {
            if (p.type() != PropertyType.PROTECTED) {
                continue;
            }
            JsonNode v = record.content().get(p.name());
            if (v == null) {
                continue;
            }
            if (v.has(SEALED)) {
                try {
                    protection.open(record.id(), p.name(), v.get(SEALED).asText());
                } catch (IdentityProtection.SealBroken e) {
                    problems.add(new Violation(p.name(), "the sealed value " + e.getMessage()));
                }
            } else {
                record.content().set(p.name(), JSON.objectNode().put(SEALED, protection.seal(record.id(), p.name(), v)));
            }
        }
        return problems;
    }

    /** The clear value of one sealed property. */
    JsonNode open(String recordId, String property, JsonNode sealed) {
        return protection.open(recordId, property, sealed.get(SEALED).asText());
    }

    /** Replaces every sealed value of a record view by a marker that says only that it is there. */
    static void mask(ObjectNode view) {
        view.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isObject() && v.size() == 1 && v.has(SEALED)) {
                e.setValue(JSON.objectNode().put("protected", true));
            }
        });
    }
}
