package org.chainline.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.chainline.input.StorableText;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link StorableText}'s rule at the door: a NUL in the path or the query is refused with a 400 naming where it is. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class StorableTextFilter {

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        // the path as sent is still percent-encoded: a NUL arrives as %00
        if (!StorableText.storable(request.getPath()) || request.getPath().toLowerCase(Locale.ROOT).contains("%00")) {
            return refuse(request, "path");
        }
        for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
            if (!StorableText.storable(parameter.getKey())) {
                return refuse(request, "query");
            }
            for (String value : parameter.getValue()) {
                if (!StorableText.storable(value)) {
                    return refuse(request, parameter.getKey());
                }
            }
        }
        return null;
    }

    private static HttpResponse<ApiError> refuse(HttpRequest<?> request, String field) {
        String shownPath = request.getPath().replace("\u0000", "%00");
        return HttpResponse.<ApiError>status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError(400, HttpStatus.BAD_REQUEST.getReason(), field + " " + StorableText.REASON, field, shownPath));
    }
}
