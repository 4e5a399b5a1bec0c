package org.chainline.journal;



/**
 * One change to append: its kind (e.g. {@code case.opened}), the id of the record it changes, and its payload,
 * a {@code @Serdeable} record that becomes the entry's JSON.
 */
public record Change(String kind, String targetId, Object payload) {

    /** A payload that is already JSON text (for records shaped by the model rather than by a Java type). */
    public record Json(String text) {
    }

    public Change {
        if (kind == null || !kind.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
            throw new IllegalArgumentException("journal kind must be dotted lower case, like case.opened: " + kind);
        }
        if (targetId == null || targetId.isBlank()) {
            throw new IllegalArgumentException("journal target id must not be blank");
        }
        if (payload == null) {
            throw new IllegalArgumentException("journal payload must not be null");
        }
    }
}
