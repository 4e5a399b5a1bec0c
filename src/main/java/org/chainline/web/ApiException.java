package org.chainline.web;

import io.micronaut.http.HttpStatus;

/** A request Chainline refuses, with the status, the field at fault (if any) and why. */
public abstract sealed class ApiException extends RuntimeException permits InvalidInput, NotFound, Conflict, TooLarge, Forbidden {

    private final HttpStatus status;
    private final String field;

    protected ApiException(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    /** The field at fault, or null when the whole request is. */
    public String field() {
        return field;
    }
}
