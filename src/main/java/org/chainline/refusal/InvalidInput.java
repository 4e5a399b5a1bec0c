package org.chainline.refusal;

/** 400: a field's value is missing or not acceptable; the message says why, after the field's name. */
public final class InvalidInput extends Refusal {

    public InvalidInput(String field, String reason) {
        super(field, field + " " + reason);
    }
}
