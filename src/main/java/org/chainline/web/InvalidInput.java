package org.chainline.web;

import io.micronaut.http.HttpStatus;

/** 400: a field's value is missing or not acceptable; the message says why, after the field's name. */
public final class InvalidInput extends ApiException {

    public InvalidInput(String field, String reason) {
        super(HttpStatus.BAD_REQUEST, field, field + " " + reason);
    }
}
