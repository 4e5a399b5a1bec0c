package org.chainline.security;

import org.chainline.access.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chainline.refusal.InvalidInput;

import java.util.List;
import java.util.Set;

@Controller("/api")
@Tag(name = "Accounts")
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "List accounts")
    @Secured(Roles.ADMIN)
    @Get("/accounts")
    List<AccountView> list() {
        return accounts.list();
    }

    @Operation(summary = "Create an account; answers its one-time password, shown only this once")
    @Secured(Roles.ADMIN)
    @Post("/accounts")
    HttpResponse<IssuedPassword> create(@Body NewAccount body, Authentication who) {
        if (body == null) {
            throw new InvalidInput("body", "is required");
        }
        return HttpResponse.created(accounts.create(who.getName(), body.username(), body.roles()));
    }

    @Operation(summary = "Issue a new one-time password for an account")
    @Secured(Roles.ADMIN)
    @Post("/accounts/{username}/password-reset")
    IssuedPassword reset(@PathVariable String username, Authentication who) {
        return accounts.resetPassword(who.getName(), username);
    }

    @Operation(summary = "Consent, as a holder of the witness-protection grant, to another account's grant (asked for by an"
            + " administrator, or suspended by a password reset)")
    @Secured(Roles.WITNESS_PROTECTION)
    @Post("/accounts/{username}/protection-consent")
    AccountView consent(@PathVariable String username, Authentication who) {
        return accounts.consentToProtection(who.getName(), username);
    }

    @Operation(summary = "Withdraw an account's witness-protection grant or the request for it: {\"reason\": ...}")
    @Secured({Roles.ADMIN, Roles.WITNESS_PROTECTION})
    @Post("/accounts/{username}/protection-withdrawal")
    AccountView withdraw(@PathVariable String username, @Body @Nullable Reason body, Authentication who) {
        String reason = body == null ? null : org.chainline.input.TextInput.clean("reason", body.reason(), 2000, true);
        if (reason == null) {
            throw new InvalidInput("reason", "is required: say why the grant is withdrawn");
        }
        return accounts.withdrawProtection(who.getName(), username, reason);
    }

    /** Why. */
    @Serdeable
    record Reason(@Nullable String reason) {
    }

    @Operation(summary = "Who am I: my name and the roles in my token")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/me")
    Me me(Authentication who) {
        return new Me(who.getName(), List.copyOf(who.getRoles()));
    }

    @Operation(summary = "Change my own password (required after a one-time password); log in again afterwards")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Put("/me/password")
    @Status(HttpStatus.NO_CONTENT)
    void changePassword(@Body PasswordChange body, Authentication who) {
        if (body == null) {
            throw new InvalidInput("body", "is required");
        }
        accounts.changePassword(who.getName(), body.currentPassword(), body.newPassword());
    }

    /** A request to create an account with these roles. */
    @Serdeable
    record NewAccount(String username, Set<String> roles) {
    }

    /** The current password and the new one. */
    @Serdeable
    record PasswordChange(String currentPassword, String newPassword) {
    }

    /** The caller as the token describes them. */
    @Serdeable
    record Me(String username, List<String> roles) {
    }
}
