package org.chainline.refusal;

import java.util.List;

/**
 * A request Chainline refuses: its kind (the permitted subclasses), the field at fault (if any) and why. It names no
 * transport; the HTTP layer gives each kind its status, the command line prints the message.
 */
public abstract sealed class Refusal extends RuntimeException permits InvalidInput, NotFound, Conflict, TooLarge, Forbidden,
        TryLater {

    /**
     * The request attribute under which a step that cannot throw (an authentication provider, whose exceptions the
     * framework swallows) leaves its refusal, for the HTTP layer to answer with in place of the plain failure.
     */
    public static final String ON_REQUEST = "chainline.refusal";

    private final String field;

    protected Refusal(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault, or null when the whole request is. */
    public String field() {
        return field;
    }

    /**
     * Every field at fault, the first being {@link #field()} with this refusal's message: a form shows each at its
     * field, all at once, where a refusal that stops at its first problem has one.
     */
    public List<Problem> problems() {
        return List.of(new Problem(field, getMessage()));
    }

    /** One field at fault (null: the whole request) and the sentence that says why, the field's name first. */
    public record Problem(String field, String message) {
    }
}
