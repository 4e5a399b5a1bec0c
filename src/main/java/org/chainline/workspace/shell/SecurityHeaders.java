package org.chainline.workspace.shell;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Every answer, page or API, may load nothing from anywhere but this service (the workspace works on an air-gapped
 * laptop, and an injected script could not call out), may not be framed, and is not sniffed. Pages are not kept by
 * the browser's cache: they show case material.
 */
@ServerFilter("/**")
public final class SecurityHeaders {

    public static final String POLICY = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";
    /** Where the generated API documentation's page lies; its one inline script is allowed by its hash alone. */
    public static final String DOCS_PAGE = "META-INF/swagger/views/swagger-ui/index.html";

    /**
     * The API documentation's policy: the service's own scripts and the page's inline script by its SHA-256 (nothing
     * else inline runs), inline styles and data: images for Swagger UI's own icons; still nothing from elsewhere.
     */
    private final String docsPolicy;

    SecurityHeaders() {
        docsPolicy = docsPolicy(getClass().getClassLoader().getResource(DOCS_PAGE));
    }

    public static String docsPolicy(URL page) {
        StringBuilder hashes = new StringBuilder();
        if (page != null) {
            try (var in = page.openStream()) {
                String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                var scripts = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
                while (scripts.find()) {
                    byte[] digest = MessageDigest.getInstance("SHA-256")
                            .digest(scripts.group(1).getBytes(StandardCharsets.UTF_8));
                    hashes.append(" 'sha256-").append(Base64.getEncoder().encodeToString(digest)).append('\'');
                }
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("the API documentation's page cannot be read: " + e.getMessage(), e);
            }
        }
        return POLICY + "; script-src 'self'" + hashes + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:";
    }

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!response.getHeaders().contains("Content-Security-Policy")) { // a download's own, stricter policy stays
            response.header("Content-Security-Policy", request.getPath().startsWith("/swagger-ui/") ? docsPolicy : POLICY);
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
