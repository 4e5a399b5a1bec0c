package org.chainline.liability;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chainline.cases.CaseAccess;
import org.chainline.access.Roles;

/** Chains of command at a date and liability paths, for persons, units and incidents. */
@Controller("/api")
@Tag(name = "Liability")
class LiabilityController {

    private final ChainOfCommand chains;
    private final LiabilityPaths paths;

    private final CaseAccess access;

    LiabilityController(ChainOfCommand chains, LiabilityPaths paths, CaseAccess access) {
        this.access = access;
        this.chains = chains;
        this.paths = paths;
    }

    @Operation(summary = "A unit's superior units at a date, to the top, with the commanders of each then")
    @Secured(Roles.VIEWER)
    @Get("/units/{id}/chain-of-command")
    Views.UnitChain unitChain(@PathVariable String id, @QueryValue @Nullable String at,
                              @QueryValue(defaultValue = "" + LiabilityPaths.DEFAULT_DEPTH) int maxDepth, Authentication who) {
        return chains.ofUnit(access.scope(who), id, at, maxDepth);
    }

    @Operation(summary = "A person's posts at a date and, for command posts, the units below then")
    @Secured(Roles.VIEWER)
    @Get("/persons/{id}/chain-of-command")
    Views.PersonChain personChain(@PathVariable String id, @QueryValue @Nullable String at,
                                  @QueryValue(defaultValue = "" + LiabilityPaths.DEFAULT_DEPTH) int maxDepth, Authentication who) {
        return chains.ofPerson(access.scope(who), id, at, maxDepth);
    }

    @Operation(summary = "Every incident a person may bear responsibility for: paths of claims, art. 28 elements, strength")
    @Secured(Roles.VIEWER)
    @Get("/persons/{id}/liability")
    Views.PersonLiability person(@PathVariable String id,
                                 @QueryValue(defaultValue = "" + LiabilityPaths.DEFAULT_DEPTH) int maxDepth, Authentication who) {
        return paths.ofPerson(access.scope(who), id, maxDepth);
    }

    @Operation(summary = "Every person who may bear responsibility for an incident, ranked")
    @Secured(Roles.VIEWER)
    @Get("/incidents/{id}/liability")
    Views.IncidentLiability incident(@PathVariable String id,
                                     @QueryValue(defaultValue = "" + LiabilityPaths.DEFAULT_DEPTH) int maxDepth, Authentication who) {
        return paths.ofIncident(access.scope(who), id, maxDepth);
    }
}
