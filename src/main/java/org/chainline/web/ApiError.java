package org.chainline.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The one error format of every 4xx and 5xx: the HTTP status, its reason phrase, a sentence for people,
 * the field it is about where there is one, and the request path (absent only when the request was refused
 * before it had one).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String message, @Nullable String field, @Nullable String path) {
}
