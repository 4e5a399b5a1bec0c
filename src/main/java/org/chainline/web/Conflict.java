package org.chainline.web;

import io.micronaut.http.HttpStatus;

/** 409: the request is well formed but contradicts what is stored. */
public final class Conflict extends ApiException {

    public Conflict(String field, String message) {
        super(HttpStatus.CONFLICT, field, message);
    }
}
