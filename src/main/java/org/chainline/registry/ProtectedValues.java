package org.chainline.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.chainline.protection.IdentityProtection;
import org.chainline.registry.model.Property;
import org.chainline.registry.model.PropertyType;
import org.chainline.registry.validation.ProtectedShape;
import org.chainline.registry.validation.ValidRecord;
import org.chainline.registry.validation.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * Properties of type {@code protected} (the identity of a witness, a protected victim, a source): given in clear as a
 * name or an object of text fields, sealed before the record reaches the journal, and shown to nobody as anything but
 * {@code {"protected": true}} (revealing is a journaled act of its own, {@link Records#reveal}).
 */
@Singleton
public final class ProtectedValues {

    static final String SEALED = ProtectedShape.SEALED;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final IdentityProtection protection;
    private final ApplicationEventPublisher<BytesProtected> published;

    ProtectedValues(IdentityProtection protection, ApplicationEventPublisher<BytesProtected> published) {
        this.protection = protection;
        this.published = published;
    }

    void bytesProtected(String sha256) {
        published.publishEvent(new BytesProtected(sha256));
    }

    /**
     * Checks the protected values that arrive already sealed: each must open for this record and property (it is one
     * kept from the stored record). Clear values are sealed later, by {@link #sealClear}, when the stored record is at
     * hand.
     */
    public List<Violation> checkSealed(ValidRecord record) {
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
    public static boolean holdsClear(ValidRecord record) {
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
