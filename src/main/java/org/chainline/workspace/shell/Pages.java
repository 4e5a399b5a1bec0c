package org.chainline.workspace.shell;

/** Which paths are the workspace's pages (the rest is the API, health, the static assets). */
public final class Pages {

    private Pages() {
    }

    public static boolean isPage(String path) {
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/health") || path.equals("/login")
                || path.startsWith("/assets/") || path.startsWith("/webjars/") || path.startsWith("/swagger"));
    }
}
