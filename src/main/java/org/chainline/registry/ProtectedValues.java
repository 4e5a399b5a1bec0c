package org.chainline.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import org.chainline.protection.IdentityProtection;
import org.chainline.input.TextInput;

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
    private final io.micronaut.context.event.ApplicationEventPublisher<BytesProtected> published;

    ProtectedValues(IdentityProtection protection, io.micronaut.context.event.ApplicationEventPublisher<BytesProtected> published) {
        this.protection = protection;
        this.published = published;
    }

    void bytesProtected(String sha256) {
        published.publishEvent(new BytesProtected(sha256));
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
     * Checks the protected values that arrive already sealed: each must open for this record and property (it is one
     * kept from the stored record). Clear values are sealed later, by {@link #sealClear}, when the stored record is at
     * hand.
     */
    List<Violation> checkSealed(ValidRecord record) {
        List<Violation> problems = new ArrayList<>();
        for (Property p : protectedProperties(record)) {
            JsonNode v = record.content().get(p.name());
            if (v.has(SEALED)) {
                try {
                    protection.open(record.id(), p.name(), v.get(SEALED).asText());
                } catch (IdentityProtection.SealBroken e) {
                    problems.add(new Violation(p.name(), "the sealed value " + e.getMessage()));
                }
            }
        }
        return problems;
    }

    /** Whether the record holds a protected value given in clear, still to be sealed. */
    static boolean holdsClear(ValidRecord record) {
        for (Property p : record.type().properties().values()) {
            JsonNode v = p.type() == PropertyType.PROTECTED ? record.content().get(p.name()) : null;
            if (v != null && !v.has(SEALED)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Seals the record's clear protected values in place, each with a fresh nonce. A value imported again from the same
     * file ({@code origin}, its SHA-256) as the stored one, and equal to it, keeps the stored sealed text, so that
     * importing a file twice changes nothing; anything else (a PATCH, another file) is sealed anew and is a change,
     * whatever it holds, so that nobody can test a guessed name against a sealed one by watching the version.
     */
    void sealClear(ValidRecord record, String storedContent, String origin) {
        ObjectNode stored = storedContent == null ? null : RecordJson.parse(storedContent);
        for (Property p : protectedProperties(record)) {
            JsonNode v = record.content().get(p.name());
            if (v.has(SEALED)) {
                continue;
            }
            JsonNode before = stored == null ? null : stored.get(p.name());
            if (origin != null && before != null && before.has(SEALED)) {
                try {
                    IdentityProtection.Opened opened = protection.openWithOrigin(record.id(), p.name(), before.get(SEALED).asText());
                    if (origin.equals(opened.origin()) && v.equals(opened.value())) {
                        record.content().set(p.name(), before);
                        continue;
                    }
                } catch (IdentityProtection.SealBroken e) {
                    // sealed anew below
                }
            }
            record.content().set(p.name(), JSON.objectNode().put(SEALED, protection.seal(record.id(), p.name(), v, origin)));
        }
    }

    private static List<Property> protectedProperties(ValidRecord record) {
        List<Property> found = new ArrayList<>();
        for (Property p : record.type().properties().values()) {
            if (p.type() == PropertyType.PROTECTED && record.content().get(p.name()) != null) {
                found.add(p);
            }
        }
        return found;
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
