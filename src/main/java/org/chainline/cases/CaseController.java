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

    CaseController(Cases cases) {
        this.cases = cases;
    }

    @Operation(summary = "List cases, newest first")
    @Secured(Roles.VIEWER)
    @Get
    List<Case> list(@QueryValue @Nullable String status, @QueryValue(defaultValue = "0") int offset,
                    @QueryValue(defaultValue = "100") int limit) {
        return cases.list(status, offset, limit);
    }

    @Operation(summary = "One case")
    @Secured(Roles.VIEWER)
    @Get("/{id}")
    Case get(@PathVariable String id) {
        return cases.get(id);
    }

    @Operation(summary = "Open a case")
    @Secured(Roles.ANALYST)
    @Post
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CaseRequest.class)))
    HttpResponse<Case> open(@Body @Nullable String body, Authentication who) {
        CaseRequest request = required(JsonBody.as(body, CaseRequest.class, false));
        Case opened = cases.open(who.getName(), request.title(), request.summary(), request.reason());
        return HttpResponse.created(opened, URI.create("/api/cases/" + opened.id()));
    }

    @Operation(summary = "Change a case's title or summary")
    @Secured(Roles.ANALYST)
    @Patch("/{id}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CaseRequest.class)))
    Case revise(@PathVariable String id, @Body @Nullable String body, Authentication who) {
        CaseRequest request = required(JsonBody.as(body, CaseRequest.class, false));
        return cases.revise(who.getName(), id, request.title(), request.summary(), request.reason());
    }

    @Operation(summary = "Close a case")
    @Secured(Roles.ANALYST)
    @Post("/{id}/close")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Reason.class)))
    Case close(@PathVariable String id, @Body @Nullable String body, Authentication who) {
        Reason reason = JsonBody.as(body, Reason.class, false);
        return cases.close(who.getName(), id, reason == null ? null : reason.reason());
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

    /** Why. */
    @Serdeable
    record Reason(@Nullable String reason) {
    }
}
