package org.chainline.registry;


import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chainline.access.Roles;
import org.chainline.cases.CaseAccess;
import org.chainline.cases.Filing;
import org.chainline.input.Json;
import org.chainline.input.JsonBody;
import org.chainline.refusal.NotFound;
import org.chainline.registry.model.RecordType;

import java.net.URI;
import java.util.List;

/**
 * Every type of the model at {@code /api/<plural>} ({@code /api/persons}, {@code /api/postings}, ...): list and
 * search, create, read, change, retire. Bodies are records as in the import format.
 */
@Controller("/api")
@Tag(name = "Records")
@Produces(MediaType.APPLICATION_JSON)
class RecordController {

    private final Records records;

    private final EvidenceHashes hashes;
    private final CaseAccess access;

    RecordController(Records records, EvidenceHashes hashes, CaseAccess access) {
        this.records = records;
        this.hashes = hashes;
        this.access = access;
    }

    private static boolean grant(Authentication who) {
        return who.getRoles().contains(Roles.WITNESS_PROTECTION);
    }

    @Operation(summary = "List a type's records, or search them by name across scripts (q)")
    @Secured(Roles.VIEWER)
    @Get("/{collection}")
    String list(@PathVariable String collection, @QueryValue @Nullable String q,
                @QueryValue(defaultValue = "false") boolean retired, @QueryValue(defaultValue = "0") int offset,
                @QueryValue(defaultValue = "100") int limit, Authentication who) {
        return Json.write(hashes.shown(records.list(access.scope(who), type(collection), q, retired, offset, limit), grant(who)));
    }

    @Operation(summary = "Search every type by name across scripts")
    @Secured(Roles.VIEWER)
    @Get("/search")
    String search(@QueryValue @Nullable String q, @QueryValue(defaultValue = "0") int offset,
                  @QueryValue(defaultValue = "50") int limit, Authentication who) {
        return Json.write(hashes.shown(records.list(access.scope(who), null, q, false, offset, limit), grant(who)));
    }

    @Operation(summary = "Create a record in one of your cases (case; needed when you write in several); the id may be given (stable ids) or is generated")
    @Secured(Roles.ANALYST)
    @Post("/{collection}")
    HttpResponse<String> create(@PathVariable String collection, @Body @Nullable String body, Authentication who) {
        RecordType type = type(collection);
        JsonNode json = JsonBody.object(body);
        var created = records.create(new Filing(access.scope(who), null), type, json, JsonBody.text(json, "reason"));
        return HttpResponse.created(Json.write(hashes.shown(created, grant(who))), URI.create("/api/" + collection + "/" + created.get("id").asText()))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Operation(summary = "One record, with its version and journal positions under meta")
    @Secured(Roles.VIEWER)
    @Get("/{collection}/{id}")
    String get(@PathVariable String collection, @PathVariable String id, Authentication who) {
        return Json.write(hashes.shown(records.get(access.scope(who), type(collection), id), grant(who)));
    }

    @Operation(summary = "Change a record (JSON merge patch: a null removes a property)")
    @Secured(Roles.ANALYST)
    @Patch("/{collection}/{id}")
    String change(@PathVariable String collection, @PathVariable String id, @Body @Nullable String body, Authentication who) {
        JsonNode json = JsonBody.object(body);
        return Json.write(hashes.shown(records.change(access.scope(who), type(collection), id, json, JsonBody.text(json, "reason"),
                who.getRoles().contains(Roles.WITNESS_PROTECTION)), grant(who)));
    }

    @Operation(summary = "Retire a record (it stays readable; nothing is deleted); a reason is required")
    @Secured(Roles.ANALYST)
    @Post("/{collection}/{id}/retire")
    String retire(@PathVariable String collection, @PathVariable String id, @Body @Nullable String body, Authentication who) {
        JsonNode json = JsonBody.object(body);
        return Json.write(hashes.shown(records.retire(access.scope(who), type(collection), id, JsonBody.text(json, "reason")), grant(who)));
    }

    @Operation(summary = "Reveal the protected identity of a witness, victim or source (journaled, with a reason)")
    @Secured(Roles.WITNESS_PROTECTION)
    @Post("/{collection}/{id}/reveal")
    String reveal(@PathVariable String collection, @PathVariable String id, @Body @Nullable String body, Authentication who) {
        JsonNode json = JsonBody.object(body);
        return Json.write(records.reveal(access.scope(who), type(collection), id, JsonBody.text(json, "reason")));
    }

    @Operation(summary = "What an evidence item supports or contradicts: the claims citing it")
    @Secured(Roles.VIEWER)
    @Get("/evidence/{id}/cited-by")
    List<RecordGraph.Citing> citedBy(@PathVariable String id, Authentication who) {
        return records.citedBy(access.scope(who), id);
    }

    private RecordType type(String collection) {
        return records.model().collection(collection)
                .orElseThrow(() -> NotFound.because("no collection /api/" + collection + " (collections: "
                        + String.join(", ", records.model().types().stream().map(RecordType::plural).sorted().toList()) + ")"));
    }
}
