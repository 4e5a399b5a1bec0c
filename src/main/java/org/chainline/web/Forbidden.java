package org.chainline.web;

import io.micronaut.http.HttpStatus;

/** 403 for a rule that depends on the data, not only the route (a protected item's bytes need the grant). */
public final class Forbidden extends ApiException {

    public Forbidden(String field, String message) {
        super(HttpStatus.FORBIDDEN, field, message);
    }
}
