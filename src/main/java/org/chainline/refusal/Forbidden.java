package org.chainline.refusal;

/** Refused by a rule that depends on the data, not only the route: a protected item's bytes need the grant (403 over HTTP). */
public final class Forbidden extends Refusal {

    public Forbidden(String field, String message) {
        super(field, message);
    }
}
