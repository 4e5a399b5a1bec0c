package org.chainline.refusal;

/** No record of that kind with that id or name (404 over HTTP). */
public final class NotFound extends Refusal {

    public NotFound(String what, String id) {
        this("no " + what + " with id " + id);
    }

    private NotFound(String message) {
        super(null, message);
    }

    /** When the thing missing is not a record, e.g. a collection: the whole message. */
    public static NotFound because(String message) {
        return new NotFound(message);
    }

    /** For records people know by name rather than id, such as accounts. */
    public static NotFound named(String what, String name) {
        return new NotFound("no " + what + " named " + name);
    }
}
