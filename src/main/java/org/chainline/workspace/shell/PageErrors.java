package org.chainline.workspace.shell;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import org.chainline.access.Roles;
import org.chainline.web.ApiError;

import java.io.IOException;
import java.io.StringWriter;

/**
 * A page that cannot be shown (a record that does not exist, a role that may not see it, a store that is down) is
 * answered to a browser with a page that says so in words and offers a way on, with the same status the API would
 * give; a program asking for the page's path gets the API's error.
 */
@ServerFilter("/**")
public final class PageErrors implements Ordered {

    private final ViewsRendererLocator views;

    PageErrors(ViewsRendererLocator views) {
        this.views = views;
    }

    /** What went wrong, for the error page. */
    @Introspected
    public record ErrorView(@Nullable Chrome chrome, int status, String title, String message) implements Page {
    }

    @ResponseFilter
    @SuppressWarnings("unchecked")
    public void render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getMethod() != HttpMethod.GET || !Pages.isPage(request.getPath()) || !Pages.fromBrowser(request)
                || response.getStatus().getCode() < 400
                || !(response.getBody().orElse(null) instanceof ApiError error)) {
            return;
        }
        Chrome chrome = request.getUserPrincipal(Authentication.class).map(a -> Chrome.of(a, "")).orElse(null);
        String title = switch (error.status()) {
            case 401 -> "Sign in first";
            case 404 -> "Not found";
            case 403 -> "Not for your role";
            case 400 -> "That cannot be shown";
            case 503 -> "Try again in a moment";
            default -> "Something went wrong";
        };
        boolean adminOnly = request.getUserPrincipal(Authentication.class)
                .filter(a -> a.getRoles().contains(Roles.ADMIN) && !a.getRoles().contains(Roles.VIEWER))
                .isPresent();
        String message = error.status() != 403 ? error.message() : adminOnly
                ? "Administrators manage accounts and keys and do not read case material. Manage accounts with the command"
                  + " line or the API (GET and POST /api/accounts); give yourself a reader's role to use the workspace."
                : "Your roles do not allow this page.";
        ErrorView view = new ErrorView(chrome, error.status(), title, message);
        var renderer = views.resolveViewsRenderer("shell/error", MediaType.TEXT_HTML, view);
        if (renderer.isEmpty()) {
            return;
        }
        StringWriter page = new StringWriter();
        try {
            ((ViewsRenderer<Object, HttpRequest<?>>) renderer.get()).render("shell/error", view, request).writeTo(page);
        } catch (IOException e) {
            return; // the API's answer stands
        }
        ((MutableHttpResponse<Object>) response).body(page.toString()).contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8");
    }

    /**
     * Before security in the chain, so that its response filter sees the answers security gives without passing them on
     * (a role that may not see a page); a filter after it never hears of them.
     */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
