package org.chainline.workspace.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.Problems;
import org.chainline.security.Accounts;
import org.chainline.security.BrowserSessions;
import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Form;
import org.chainline.workspace.shell.FormAnswers;

import java.util.List;
import java.util.Map;

/** Signing in and out in the browser, and the one-time password's change. */
@Controller
@Hidden
@Produces(MediaType.TEXT_HTML)
final class SignInPages {

    /** The password form's fields as it labels them. */
    private static final Map<String, String> PASSWORD_LABELS = Map.of("currentPassword", "current or one-time password",
            "newPassword", "new password", "confirmPassword", "new password again");

    private final BrowserSessions sessions;
    private final Accounts accounts;

    SignInPages(BrowserSessions sessions, Accounts accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/sign-in")
    ModelAndView<SignInView> form(@QueryValue @Nullable String next) {
        return new ModelAndView<>("account/sign-in", new SignInView("", safeNext(next), List.of()));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post(value = "/sign-in", consumes = MediaType.ALL)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        String username = form.get("username", "");
        String next = safeNext(form.get("next"));
        BrowserSessions.Outcome outcome = sessions.signIn(request, username, form.get("password"));
        if (outcome instanceof BrowserSessions.SignedIn signed) {
            return FormAnswers.shown(signed.mustChangePassword() ? "/password" : next).cookie(signed.cookie());
        }
        BrowserSessions.Refused refused = (BrowserSessions.Refused) outcome;
        return FormAnswers.again("account/sign-in", new SignInView(username, next,
                List.of(new FieldError(refused.field() == null ? "password" : refused.field(), refused.message()))));
    }

    /**
     * Ends the session: a form's post (the header's button) goes to the sign-in page; a client that signed in with a
     * bearer token gets 204. Either way the token itself stops working, wherever it was copied to.
     */
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post(value = "/sign-out", consumes = MediaType.ALL)
    HttpResponse<?> signOut(HttpRequest<?> request, Authentication who) {
        var cleared = sessions.signOut(request, who);
        boolean bearer = request.getHeaders().getAuthorization().filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7)).isPresent();
        return (bearer ? HttpResponse.noContent() : FormAnswers.shown("/sign-in")).cookie(cleared);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/password")
    ModelAndView<PasswordView> passwordForm(Authentication who) {
        return new ModelAndView<>("account/password", new PasswordView(who.getName(), List.of()));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post(value = "/password", consumes = MediaType.ALL)
    HttpResponse<?> changePassword(HttpRequest<?> request, @Body @Nullable String body,
                                   Authentication who) {
        Form form = Form.parse(body);
        String current = form.get("currentPassword", "");
        String next = form.get("newPassword", "");
        Problems problems = new Problems();
        if (!next.equals(form.get("confirmPassword", ""))) {
            problems.add("confirmPassword", "is not the same as the new password");
        }
        try {
            accounts.changePassword(who.getName(), current, next, problems);
        } catch (InvalidInput e) {
            // the page's fields are named as the API's ("newPassword"), so are their controls' ids
            return FormAnswers.again("account/password", new PasswordView(who.getName(),
                    FormAnswers.errors(e, f -> f == null ? "newPassword" : f, f -> f, f -> PASSWORD_LABELS.getOrDefault(f, FieldError.label(f)))));
        }
        // the tokens issued before the change no longer count: sign in again with the new password
        BrowserSessions.Outcome outcome = sessions.signIn(request, who.getName(), next);
        if (outcome instanceof BrowserSessions.SignedIn signed) {
            return FormAnswers.shown("/").cookie(signed.cookie());
        }
        return FormAnswers.shown("/sign-in").cookie(sessions.signedOut(request));
    }

    /**
     * Only a path of this service: never another site (an open redirect). Browsers drop tabs and line breaks from a URL
     * and read a backslash as a slash, so "/\t/elsewhere" would become "//elsewhere": only plain URL characters pass.
     */
    static String safeNext(String next) {
        return next != null && next.length() < 2000 && next.matches("/[A-Za-z0-9\\-._~%!$&'()*+,;=:@/?]*")
                && !next.startsWith("//") && !next.startsWith("/sign-in") ? next : "/";
    }
}
