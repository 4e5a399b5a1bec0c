package org.chainline.workspace.shell;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

/** Which paths are the workspace's pages (the rest is the API, health, the static assets), and who reads them. */
public final class Pages {

    private Pages() {
    }

    public static boolean isPage(String path) {
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/health") || path.equals("/login")
                || path.startsWith("/assets/") || path.startsWith("/webjars/") || path.startsWith("/swagger"));
    }

    /** Whether the request comes from a browser: it names HTML among what it accepts (not merely anything). */
    public static boolean fromBrowser(HttpRequest<?> request) {
        return request.getHeaders().accept().stream()
                .anyMatch(m -> m.matches(MediaType.TEXT_HTML_TYPE) && !m.equals(MediaType.ALL_TYPE));
    }
}
