package org.chainline.registry;

/** The journal actions on records; the kind is the type in kebab case and the action, e.g. {@code posting.created}. */
final class RecordEvents {

    static final String CREATED = "created";
    static final String CHANGED = "changed";
    static final String RETIRED = "retired";

    private RecordEvents() {
    }

    static String action(String kind) {
        return kind.substring(kind.lastIndexOf('.') + 1);
    }
}
