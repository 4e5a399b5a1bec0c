package org.chainline.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The one error format of every 4xx and 5xx: the HTTP status, its reason phrase, a sentence for people,
 * the field it is about where there is one, and the request path (absent only when the request was refused
 * before it had one). A refusal that found several problems lists each in {@code problems}, the first being
 * {@code field} and {@code message}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String message, @Nullable String field, @Nullable String path,
                       @Nullable List<Problem> problems) {

    @Creator
    public ApiError {
    }

    public ApiError(int status, String error, String message, @Nullable String field, @Nullable String path) {
        this(status, error, message, field, path, null);
    }

    /** One field at fault and why. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(@Nullable String field, String message) {
    }
}
