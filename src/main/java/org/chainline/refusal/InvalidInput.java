package org.chainline.refusal;

import java.util.List;

/**
 * A field's value is missing or not acceptable (400 over HTTP); the message says why, after the field's name. One
 * refusal may name several fields ({@link Problems}), so that a form shows every mistake in one answer.
 */
public final class InvalidInput extends Refusal {

    private final List<Problem> problems;

    public InvalidInput(String field, String reason) {
        super(field, field + " " + reason);
        this.problems = List.of(new Problem(field, getMessage()));
    }

    private InvalidInput(List<Problem> problems) {
        super(problems.getFirst().field(), problems.getFirst().message());
        this.problems = List.copyOf(problems);
    }

    /** A value of the wrong kind: {@code roles: expected a list, got a number}. */
    public static InvalidInput wrongType(String field, String expected, String actual) {
        return because(field, field + ": expected " + expected + ", got " + actual);
    }

    /** When the message is not about one field's value, e.g. a body that is not JSON: the whole message. */
    public static InvalidInput because(String field, String message) {
        return new InvalidInput(List.of(new Problem(field, message)));
    }

    /** Every problem found, in the order found; the first is the refusal's field and message. */
    static InvalidInput of(List<Problem> problems) {
        return new InvalidInput(problems);
    }

    @Override
    public List<Problem> problems() {
        return problems;
    }
}
