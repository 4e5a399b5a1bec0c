package org.chainline.registry.model;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The accountability model: every node and claim type, read from {@code graph-schema/model/*.yaml}. */
public final class Model {

    private final Map<String, RecordType> byName;
    private final Map<String, RecordType> byPlural;

    Model(Map<String, RecordType> byName, Map<String, RecordType> byPlural) {
        this.byName = Map.copyOf(byName);
        this.byPlural = Map.copyOf(byPlural);
    }

    /** The model packaged with Chainline; a broken model file stops start-up naming the file and the field. */
    public static Model load() {
        return ModelLoader.fromClasspath();
    }

    public Collection<RecordType> types() {
        return byName.values();
    }

    public Optional<RecordType> type(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** The type served at {@code /api/<plural>}. */
    public Optional<RecordType> collection(String plural) {
        return Optional.ofNullable(plural == null ? null : byPlural.get(plural));
    }
}
