package org.chainline.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chainline.access.Roles;
import org.chainline.input.JsonBody;

import java.util.List;

/** What the holders of the witness-protection grant are told about refused protected names, and how they restore. */
@Controller("/api/protection")
@Tag(name = "Protection")
class ProtectedNamesController {

    private final ProtectedNames names;

    ProtectedNamesController(ProtectedNames names) {
        this.names = names;
    }

    @Operation(summary = "Accounts whose free text was refused for naming a protected identity, and which are suspended")
    @Secured(Roles.WITNESS_PROTECTION)
    @Get("/refusals")
    List<ProtectedNames.Refusals> refusals() {
        return names.refusals();
    }

    @Operation(summary = "Restore an account's free-text writing, with a reason (journaled; nobody restores their own)")
    @Secured(Roles.WITNESS_PROTECTION)
    @Post("/refusals/{username}/restore")
    ProtectedNames.Refusals restore(@PathVariable String username, @Body @Nullable String body, Authentication who) {
        return names.restore(who.getName(), username, JsonBody.text(JsonBody.objectOrEmpty(body), "reason"));
    }
}
