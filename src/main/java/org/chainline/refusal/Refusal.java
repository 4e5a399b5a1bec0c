package org.chainline.refusal;

/**
 * A request Chainline refuses: its kind (the permitted subclasses), the field at fault (if any) and why. It names no
 * transport; the HTTP layer gives each kind its status, the command line prints the message.
 */
public abstract sealed class Refusal extends RuntimeException permits InvalidInput, NotFound, Conflict, TooLarge, Forbidden {

    private final String field;

    protected Refusal(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault, or null when the whole request is. */
    public String field() {
        return field;
    }
}
