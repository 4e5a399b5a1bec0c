package org.chainline.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chainline.access.Roles;
import org.chainline.input.JsonBody;
import org.chainline.refusal.InvalidInput;

import java.net.URI;
import java.util.List;

@Controller("/api/cases")
@Tag(name = "Cases")
class CaseController {

    private final Cases cases;
    private final CaseAccess access;

    CaseController(Cases cases, CaseAccess access) {
        this.cases = cases;
        this.access = access;
    }

    @Operation(summary = "List the cases you are a member of, newest first (an administrator: every case, without summaries)")
    @Secured({Roles.VIEWER, Roles.ADMIN})
    @Get
    List<Case> list(@QueryValue @Nullable String status, @QueryValue(defaultValue = "0") int offset,
                    @QueryValue(defaultValue = "100") int limit, Authentication who) {
        return cases.list(access.scope(who), administrator(who), status, offset, limit);
    }

    @Operation(summary = "One of your cases; any other id answers 404, as one that does not exist")
    @Secured(Roles.VIEWER)
    @Get("/{id}")
    Case get(@PathVariable String id, Authentication who) {
        return cases.get(access.scope(who), id);
    }

    @Operation(summary = "Open a case: you are its first owner")
    @Secured(Roles.COUNSEL)
    @Post
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseRequest.class)))
    HttpResponse<Case> open(@Body @Nullable String body, Authentication who) {
        CaseRequest request = required(JsonBody.as(body, CaseRequest.class, false));
        Case opened = cases.open(who.getName(), request.title(), request.summary(), request.reason());
        return HttpResponse.created(opened, URI.create("/api/cases/" + opened.id()));
    }

    @Operation(summary = "Change a case's title or summary (an analyst of the case or above)")
    @Secured(Roles.ANALYST)
    @Patch("/{id}")
    @RequestBody(content = @Content(schema = @Schema(implementation = CaseRequest.class)))
    Case revise(@PathVariable String id, @Body @Nullable String body, Authentication who) {
        CaseRequest request = required(JsonBody.as(body, CaseRequest.class, false));
        return cases.revise(access.scope(who), id, request.title(), request.summary(), request.reason());
    }

    @Operation(summary = "Close a case (an owner of the case)")
    @Secured(Roles.COUNSEL)
    @Post("/{id}/close")
    @RequestBody(content = @Content(schema = @Schema(implementation = Reason.class)))
    Case close(@PathVariable String id, @Body @Nullable String body, Authentication who) {
        Reason reason = JsonBody.as(body, Reason.class, false);
        return cases.close(access.scope(who), id, reason == null ? null : reason.reason());
    }

    @Operation(summary = "Who is and was in a case, with role, organisation and dates (its members; an administrator)")
    @Secured({Roles.VIEWER, Roles.ADMIN})
    @Get("/{id}/members")
    List<Membership> members(@PathVariable String id, Authentication who) {
        return cases.members(access.scope(who), administrator(who), id);
    }

    @Operation(summary = "Add an account to a case with a role, a guest until a day (an owner of the case; an administrator; never oneself)")
    @Secured({Roles.COUNSEL, Roles.ADMIN})
    @Post("/{id}/members")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewMember.class)))
    HttpResponse<Membership> addMember(@PathVariable String id, @Body @Nullable String body, Authentication who) {
        NewMember member = JsonBody.as(body, NewMember.class, true);
        Membership added = cases.addMember(access.scope(who), administrator(who), id, member.account(), member.role(),
                member.until(), member.reason());
        return HttpResponse.created(added, URI.create("/api/cases/" + id + "/members"));
    }

    @Operation(summary = "End a membership (an owner of the case; an administrator; a member their own)")
    @Secured({Roles.VIEWER, Roles.ADMIN})
    @Post("/{id}/members/{account}/end")
    @RequestBody(content = @Content(schema = @Schema(implementation = Reason.class)))
    Membership endMember(@PathVariable String id, @PathVariable String account, @Body @Nullable String body,
                         Authentication who) {
        Reason reason = JsonBody.as(body, Reason.class, false);
        return cases.endMember(access.scope(who), administrator(who), id, account, reason == null ? null : reason.reason());
    }

    private static boolean administrator(Authentication who) {
        return who.getRoles().contains(Roles.ADMIN);
    }

    private static CaseRequest required(CaseRequest body) {
        if (body == null) {
            throw new InvalidInput("body", "is required: a JSON object with title, summary and reason");
        }
        return body;
    }

    /** Title and summary of a case, and why the change is made. */
    @Serdeable
    record CaseRequest(@Nullable String title, @Nullable String summary, @Nullable String reason) {
    }

    /** An account to add, its role in the case, a guest's last day (YYYY-MM-DD), and why. */
    @Serdeable
    record NewMember(@Nullable String account, @Nullable String role, @Nullable String until, @Nullable String reason) {
    }

    /** Why. */
    @Serdeable
    record Reason(@Nullable String reason) {
    }
}
