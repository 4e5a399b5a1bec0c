package org.chainline.refusal;

/** 403 for a rule that depends on the data, not only the route (a protected item's bytes need the grant). */
public final class Forbidden extends Refusal {

    public Forbidden(String field, String message) {
        super(field, message);
    }
}
