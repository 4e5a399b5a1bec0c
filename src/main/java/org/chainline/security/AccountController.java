package org.chainline.security;

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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chainline.access.Roles;
import org.chainline.input.JsonBody;
import org.chainline.input.TextInput;
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
    @RequestBody(content = @Content(schema = @Schema(implementation = NewAccount.class)))
    HttpResponse<IssuedPassword> create(@Body @Nullable String body, Authentication who) {
        NewAccount account = JsonBody.as(body, NewAccount.class, true);
        return HttpResponse.created(accounts.create(who.getName(), account.username(), account.roles(), account.organisation()));
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
    @RequestBody(content = @Content(schema = @Schema(implementation = Reason.class)))
    AccountView withdraw(@PathVariable String username, @Body @Nullable String body, Authentication who) {
        Reason why = JsonBody.as(body, Reason.class, false);
        String reason = why == null ? null : TextInput.clean("reason", why.reason(), 2000, true);
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
    @RequestBody(content = @Content(schema = @Schema(implementation = PasswordChange.class)))
    void changePassword(@Body @Nullable String body, Authentication who) {
        PasswordChange change = JsonBody.as(body, PasswordChange.class, true);
        accounts.changePassword(who.getName(), change.currentPassword(), change.newPassword());
    }

    /** A request to create an account with these roles. */
    @Serdeable
    record NewAccount(String username, Set<String> roles, @Nullable String organisation) {
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
