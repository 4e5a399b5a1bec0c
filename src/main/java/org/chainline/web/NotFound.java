package org.chainline.web;

import io.micronaut.http.HttpStatus;

/** 404: no record of that kind with that id. */
public final class NotFound extends ApiException {

    public NotFound(String what, String id) {
        super(HttpStatus.NOT_FOUND, null, "no " + what + " with id " + id);
    }
}
