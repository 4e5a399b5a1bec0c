package org.chainline.workspace;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Every answer, page or API, may load nothing from anywhere but this service (the workspace works on an air-gapped
 * laptop, and an injected script could not call out), may not be framed, and is not sniffed. Pages are not kept by
 * the browser's cache: they show case material.
 */
@ServerFilter("/**")
final class SecurityHeaders {

    static final String POLICY = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!response.getHeaders().contains("Content-Security-Policy")) { // a download's own, stricter policy stays
            response.header("Content-Security-Policy", POLICY);
        }
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin"); // "no-referrer" would make a form's Origin "null"
        String path = request.getPath();
        if (!path.startsWith("/assets/") && !path.startsWith("/webjars/") && !response.getHeaders().contains("Cache-Control")) {
            response.header("Cache-Control", "no-store");
        }
    }
}
