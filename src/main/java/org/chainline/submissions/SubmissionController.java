package org.chainline.submissions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chainline.access.Roles;
import org.chainline.input.JsonBody;

import java.util.List;

/** Submission tracking over HTTP (counsel). */
@Controller("/api/submissions")
@Tag(name = "Submissions")
@Secured(Roles.COUNSEL)
class SubmissionController {

    private final Submissions submissions;

    SubmissionController(Submissions submissions) {
        this.submissions = submissions;
    }

    @Operation(summary = "Record that a dossier version went to an authority: {dossier | sha256, submittedOn, authority, "
            + "channel, reference, note}")
    @Post(produces = MediaType.APPLICATION_JSON)
    HttpResponse<Submission> submit(@Body @Nullable String body, Authentication who) {
        Submission s = submissions.submit(who.getName(), JsonBody.object(body));
        return HttpResponse.created(s).header("Location", "/api/submissions/" + s.id());
    }

    @Operation(summary = "Submissions, newest first: of one subject (?subject=) or one dossier (?dossier=)")
    @Get(value = "{?subject,dossier}", produces = MediaType.APPLICATION_JSON)
    List<Submission> list(@QueryValue @Nullable String subject, @QueryValue @Nullable String dossier) {
        return submissions.list(subject, dossier);
    }

    @Operation(summary = "One submission with its responses")
    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    Submission get(@PathVariable String id) {
        return submissions.get(id);
    }

    @Operation(summary = "Record a response: {status: acknowledged|under-review|designated|rejected, receivedOn, summary, "
            + "evidence, program, listingDate}; designated records a Sanction of the subject")
    @Post(value = "/{id}/responses", produces = MediaType.APPLICATION_JSON)
    HttpResponse<Submission> respond(@PathVariable String id, @Body @Nullable String body, Authentication who) {
        return HttpResponse.created(submissions.respond(who.getName(), id, JsonBody.object(body)));
    }
}
