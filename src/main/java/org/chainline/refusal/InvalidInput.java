package org.chainline.refusal;

/** A field's value is missing or not acceptable (400 over HTTP); the message says why, after the field's name. */
public final class InvalidInput extends Refusal {

    public InvalidInput(String field, String reason) {
        super(field, field + " " + reason);
    }

    private InvalidInput(String field, String message, boolean whole) {
        super(field, message);
    }

    /** A value of the wrong kind: {@code roles: expected a list, got a number}. */
    public static InvalidInput wrongType(String field, String expected, String actual) {
        return new InvalidInput(field, field + ": expected " + expected + ", got " + actual, true);
    }

    /** When the message is not about one field's value, e.g. a body that is not JSON: the whole message. */
    public static InvalidInput because(String field, String message) {
        return new InvalidInput(field, message, true);
    }
}
