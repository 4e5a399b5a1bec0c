package org.chainline.registry;

/** The journal actions on records; the kind is the type in kebab case and the action, e.g. {@code posting.created}. */
public final class RecordEvents {

    public static final String CREATED = "created";
    public static final String CHANGED = "changed";
    public static final String RETIRED = "retired";

    private RecordEvents() {
    }

    public static String action(String kind) {
        return kind.substring(kind.lastIndexOf('.') + 1);
    }
}
