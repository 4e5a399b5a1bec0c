package org.chainline.dossier;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chainline.access.Roles;
import org.chainline.input.JsonBody;
import org.chainline.refusal.InvalidInput;
import org.chainline.regime.Regime;
import org.chainline.regime.Regimes;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Sanctions regimes, and dossiers: generate (a job with progress), status, list, download, regenerate. */
@Controller("/api")
@Tag(name = "Dossiers")
class DossierController {

    private final Regimes regimes;
    private final Dossiers dossiers;
    private final DossierJobs jobs;

    DossierController(Regimes regimes, Dossiers dossiers, DossierJobs jobs) {
        this.regimes = regimes;
        this.dossiers = dossiers;
        this.jobs = jobs;
    }

    @Operation(summary = "The sanctions regimes a dossier can be generated under (templates/regimes)")
    @Secured(Roles.VIEWER)
    @Get("/regimes")
    List<Regime> regimes() {
        return regimes.all();
    }

    @Operation(summary = "Generate a dossier {subject, regime, audience, draft, annex}: 202 with a job to follow, or with ?wait=true 201"
            + " with the dossier; annex (holders of the witness-protection grant, government-confidential only): ids of cited"
            + " protected items whose SHA-256 this version prints")
    @Secured(Roles.COUNSEL)
    @Post(value = "/dossiers", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> generate(@Body @Nullable String text, @QueryValue(defaultValue = "false") boolean wait, Authentication who) {
        String shape = "{\"subject\": PERSON_ID, \"regime\": REGIME_ID, \"audience\": \"government-confidential\" or \"public\","
                + " \"draft\": true or false, \"annex\": [EVIDENCE_ID, …]}";
        if (text == null || text.isBlank()) {
            throw new InvalidInput("body", "must be a JSON object: " + shape);
        }
        JsonNode body = JsonBody.object(text, shape);
        for (String field : List.of("subject", "regime", "audience")) {
            if (body.has(field) && !body.get(field).isTextual()) {
                throw new InvalidInput(field, "must be text");
            }
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!List.of("subject", "regime", "audience", "draft", "annex").contains(f)) {
                throw new InvalidInput(f, "is not a field of a dossier order (subject, regime, audience, draft, annex)");
            }
        });
        if (body.has("draft") && !body.get("draft").isBoolean()) {
            throw new InvalidInput("draft", "must be true or false");
        }
        List<String> annex = new ArrayList<>();
        if (body.has("annex")) {
            if (!body.get("annex").isArray()) {
                throw new InvalidInput("annex", "must be a list of evidence ids");
            }
            for (JsonNode id : body.get("annex")) {
                if (!id.isTextual() || id.asText().isBlank()) {
                    throw new InvalidInput("annex", "must be a list of evidence ids (text)");
                }
                annex.add(id.asText());
            }
        }
        Dossiers.Order order = dossiers.check(body.path("subject").asText(null), body.path("regime").asText(null),
                body.path("audience").asText(null), body.path("draft").asBoolean(false), annex,
                who.getRoles().contains(Roles.WITNESS_PROTECTION));
        if (wait) {
            Dossiers.Generated generated = dossiers.generate(who.getName(), order, (stage, percent) -> { });
            return (generated.existed() ? HttpResponse.ok(generated.dossier())
                    : HttpResponse.created(generated.dossier())).header("Location", "/api/dossiers/" + generated.dossier().id());
        }
        DossierJobs.Job job = jobs.submit(who.getName(), order);
        return HttpResponse.accepted(URI.create("/api/dossiers/jobs/" + job.id())).body(job);
    }

    @Operation(summary = "A generation job: queued, running (stage and percent), done (with the dossier) or failed (why)")
    @Secured(Roles.COUNSEL)
    @Get("/dossiers/jobs/{id}")
    DossierJobs.Job job(@PathVariable String id) {
        return jobs.get(id);
    }

    @Operation(summary = "Dossiers generated, newest first; of one subject with ?subject=")
    @Secured(Roles.COUNSEL)
    @Get("/dossiers")
    List<Dossier> list(@QueryValue @Nullable String subject) {
        return dossiers.list(subject);
    }

    @Operation(summary = "One dossier's record: subject, regime, audience, journal position, author, time, SHA-256")
    @Secured(Roles.COUNSEL)
    @Get("/dossiers/{id}")
    Dossier get(@PathVariable String id) {
        return dossiers.get(id);
    }

    @Operation(summary = "The PDF as delivered")
    @Secured(Roles.COUNSEL)
    @Get(value = "/dossiers/{id}/pdf", produces = "application/pdf")
    HttpResponse<byte[]> pdf(@PathVariable String id, Authentication who) {
        Dossier dossier = dossiers.readable(id, who.getRoles().contains(Roles.WITNESS_PROTECTION));
        return HttpResponse.ok(dossiers.pdf(id)).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + dossier.id() + "-" + dossier.regime() + ".pdf\"")
                .header("X-Content-SHA256", dossier.deliveredSha256());
    }

    @Operation(summary = "Approve a dossier for submission (counsel, not its author): drawn without DRAFT, approval on the cover, signed where a key is set")
    @Secured(Roles.COUNSEL)
    @Post("/dossiers/{id}/approve")
    Dossier approve(@PathVariable String id, Authentication who) {
        return dossiers.approve(who.getName(), id, who.getRoles().contains(Roles.WITNESS_PROTECTION));
    }

    @Operation(summary = "The machine-readable dossier (the JSON attached inside the PDF)")
    @Secured(Roles.COUNSEL)
    @Get(value = "/dossiers/{id}/content", produces = MediaType.APPLICATION_JSON)
    HttpResponse<byte[]> content(@PathVariable String id, Authentication who) {
        dossiers.readable(id, who.getRoles().contains(Roles.WITNESS_PROTECTION));
        return HttpResponse.ok(dossiers.content(id)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** The outcome of drawing an earlier dossier again. */
    @Serdeable
    record Regeneration(Dossier dossier, String sha256, boolean identical) {
    }

    @Operation(summary = "Draw an earlier dossier again from the content it keeps and say whether the bytes are identical")
    @Secured(Roles.COUNSEL)
    @Post("/dossiers/{id}/regenerate")
    Regeneration regenerate(@PathVariable String id) {
        Dossiers.Regenerated r = dossiers.regenerate(id);
        return new Regeneration(r.dossier(), r.sha256(), r.identical());
    }
}
