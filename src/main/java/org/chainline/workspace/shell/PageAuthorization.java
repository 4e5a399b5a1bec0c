package org.chainline.workspace.shell;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;
import org.chainline.access.Roles;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A page asked for without signing in sends the browser to the sign-in form (and back to the page after it); one asked
 * for with a one-time password, to the password change. The API keeps its 401 and 403 with the reason.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public final class PageAuthorization extends DefaultAuthorizationExceptionHandler {

    PageAuthorization(ErrorResponseProcessor<?> errors, RedirectConfiguration redirects, RedirectService redirectService,
                      @Nullable PriorToLoginPersistence priorToLogin) {
        super(errors, redirects, redirectService, priorToLogin);
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        // a browser (it asks for HTML) is sent on; a program calling a page gets the API's 401 or 403
        if (Pages.fromBrowser(request) && request.getMethod() == HttpMethod.GET && Pages.isPage(request.getPath())) {
            if (!exception.isForbidden()) {
                String query = request.getUri().getRawQuery();
                String next = query == null ? request.getPath() : request.getPath() + "?" + query;
                return HttpResponse.seeOther(URI.create("/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
            }
            if (exception.getAuthentication() != null
                    && exception.getAuthentication().getRoles().contains(Roles.PASSWORD_CHANGE_REQUIRED)) {
                return HttpResponse.seeOther(URI.create("/password"));
            }
        }
        return super.handle(request, exception);
    }
}
