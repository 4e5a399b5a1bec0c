package org.chainline.registry.model;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of value a model property holds; each is validated and projected in one way. */
public enum PropertyType {
    TEXT("text"),
    LONGTEXT("longtext"),
    URL("url"),
    SHA256("sha256"),
    COUNTRY("country"),
    VOCABULARY("vocabulary"),
    INTEGER("integer"),
    NUMBER("number"),
    PARTIAL_DATE("partial-date"),
    TIMESTAMP("timestamp"),
    PROTECTED("protected"),
    ENTITY("entity"),
    NAMES("names"),
    IDENTIFIERS("identifiers"),
    CASUALTIES("casualties"),
    CITATIONS("citations");

    private final String yamlName;

    PropertyType(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    static Optional<PropertyType> named(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
    }

    /** Types that may be declared {@code multiple: true}. */
    boolean canBeMultiple() {
        return this == VOCABULARY || this == ENTITY || this == COUNTRY || this == TEXT;
    }
}
