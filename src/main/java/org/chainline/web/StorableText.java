package org.chainline.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Iterator;
import java.util.Map;

/**
 * The one rule for characters no store can keep: a NUL (U+0000) cannot be stored in PostgreSQL text, so it is refused
 * wherever it comes in (path, query, JSON body, login), as a 400 that names the field, before anything is read or
 * written. Other control characters are the business of {@link TextInput}, field by field.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class StorableText {

    /** Whether a text can be stored as it is. */
    public static boolean storable(String text) {
        return text == null || text.indexOf('\u0000') < 0;
    }

    /** The reason a field holding such a character is refused. */
    public static final String REASON = "contains a NUL character (U+0000), which cannot be stored";

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        // the path as sent is still percent-encoded: a NUL arrives as %00
        if (!storable(request.getPath()) || request.getPath().toLowerCase(java.util.Locale.ROOT).contains("%00")) {
            return refuse(request, "path");
        }
        for (Map.Entry<String, java.util.List<String>> parameter : request.getParameters().asMap().entrySet()) {
            if (!storable(parameter.getKey())) {
                return refuse(request, "query");
            }
            for (String value : parameter.getValue()) {
                if (!storable(value)) {
                    return refuse(request, parameter.getKey());
                }
            }
        }
        return null;
    }

    /** Refuses a JSON body holding a NUL in a key or a text value, naming where it is. */
    public static void checkJson(JsonNode node, String at) {
        if (node.isTextual()) {
            if (!storable(node.asText())) {
                throw new InvalidInput(at, REASON);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> f = fields.next();
                String name = at.equals("body") ? f.getKey() : at + "." + f.getKey();
                if (!storable(f.getKey())) {
                    throw new InvalidInput(at, "has a property name that " + REASON);
                }
                checkJson(f.getValue(), name);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkJson(node.get(i), at + "[" + i + "]");
            }
        }
    }

    private static HttpResponse<ApiError> refuse(HttpRequest<?> request, String field) {
        String shownPath = request.getPath().replace("\u0000", "%00");
        return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError(400, HttpStatus.BAD_REQUEST.getReason(), field + " " + REASON, field, shownPath));
    }
}
