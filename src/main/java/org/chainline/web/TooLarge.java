package org.chainline.web;

import io.micronaut.http.HttpStatus;

/** 413: the upload or export is larger than this instance accepts. */
public final class TooLarge extends ApiException {

    public TooLarge(String field, String message) {
        super(HttpStatus.REQUEST_ENTITY_TOO_LARGE, field, message);
    }
}
