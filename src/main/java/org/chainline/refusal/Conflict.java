package org.chainline.refusal;

/** The request is well formed but contradicts what is stored (409 over HTTP). */
public final class Conflict extends Refusal {

    public Conflict(String field, String message) {
        super(field, message);
    }
}
