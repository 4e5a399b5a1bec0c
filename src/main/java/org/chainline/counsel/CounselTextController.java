package org.chainline.counsel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chainline.access.Roles;
import org.chainline.input.JsonBody;
import org.chainline.refusal.NotFound;

import java.util.List;

/** Counsel's own words per subject and regime: read, check (citations), write a new version, list the versions. */
@Controller("/api/counsel-texts")
@Tag(name = "Counsel's text")
@Produces(MediaType.APPLICATION_JSON)
@Secured(Roles.COUNSEL)
class CounselTextController {

    private final CounselTexts texts;

    CounselTextController(CounselTexts texts) {
        this.texts = texts;
    }

    @Operation(summary = "The current version of counsel's text for a subject under a regime")
    @Get("/{subject}/{regime}")
    CounselText get(@PathVariable String subject, @PathVariable String regime) {
        return texts.versions(subject, regime).stream().findFirst()
                .orElseThrow(() -> NotFound.because("no counsel's text for " + subject + " under " + regime + " yet"));
    }

    @Operation(summary = "Every version, newest first")
    @Get("/{subject}/{regime}/versions")
    List<CounselText> versions(@PathVariable String subject, @PathVariable String regime) {
        return texts.versions(subject, regime);
    }

    @Serdeable
    record Check(List<Citation.Problem> problems) {
    }

    @Operation(summary = "Check a draft's citations without saving it: each that does not resolve, where, and why")
    @Post("/{subject}/{regime}/check")
    Check check(@PathVariable String subject, @PathVariable String regime, @Body @Nullable String body) {
        return new Check(texts.problems(subject, regime, texts.draft(JsonBody.object(body))));
    }

    @Operation(summary = "Write a new version: {letter, summary, impact, incidents: {id: text}, version (the one you read)}")
    @Put("/{subject}/{regime}")
    CounselText write(@PathVariable String subject, @PathVariable String regime, @Body @Nullable String body,
                      Authentication who) {
        var json = JsonBody.object(body);
        return texts.write(who.getName(), subject, regime, texts.draft(json), JsonBody.text(json, "reason"));
    }
}
