package org.chainline.refusal;

/** 409: the request is well formed but contradicts what is stored. */
public final class Conflict extends Refusal {

    public Conflict(String field, String message) {
        super(field, message);
    }
}
