package org.chainline.sanctions;

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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chainline.cases.Scope;
import org.chainline.cases.CaseAccess;
import org.chainline.access.Roles;
import org.chainline.input.JsonBody;
import org.chainline.refusal.InvalidInput;

import java.io.InputStream;
import java.util.List;

/** Sanctions lists, candidate matches and decisions, designation status and the gap report over HTTP. */
@Controller("/api/sanctions")
@Tag(name = "Sanctions")
class SanctionsController {

    private final SanctionLists lists;
    private final Screening screening;
    private final Designations designations;
    private final GapReport gaps;

    private final CaseAccess access;

    SanctionsController(SanctionLists lists, Screening screening, Designations designations, GapReport gaps, CaseAccess access) {
        this.access = access;
        this.lists = lists;
        this.screening = screening;
        this.designations = designations;
        this.gaps = gaps;
    }

    @Operation(summary = "Import a sanctions list file (OpenSanctions targets.simple.csv or FtM JSON lines) sent as the body; "
            + "a newer file under the same ?list= records what changed")
    @Secured(Roles.ANALYST)
    @Post(value = "/lists", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<SanctionLists.Report> importList(@Body InputStream body, @QueryValue @Nullable String list,
                                                  @QueryValue @Nullable String format, @QueryValue @Nullable String fileName,
                                                  @QueryValue @Nullable String date, Authentication who) {
        SanctionLists.Report report = lists.importFile(who.getName(), list, format, fileName, body, date);
        return report.unchanged() ? HttpResponse.ok(report) : HttpResponse.created(report);
    }

    @Operation(summary = "The imports of every list (or of one), newest first, with what each changed")
    @Secured(Roles.VIEWER)
    @Get(value = "/lists{?list}", produces = MediaType.APPLICATION_JSON)
    List<SanctionListStore.Import> imports(@QueryValue @Nullable String list) {
        return lists.imports(list);
    }

    @Operation(summary = "The listings, delistings, relistings and changes one import recorded")
    @Secured(Roles.VIEWER)
    @Get(value = "/lists/imports/{importId}/changes", produces = MediaType.APPLICATION_JSON)
    List<SanctionListStore.Change> changes(@PathVariable String importId) {
        long id;
        try {
            id = Long.parseLong(importId);
        } catch (NumberFormatException e) {
            throw new InvalidInput("importId", "must be a whole number");
        }
        return lists.changes(id);
    }

    @Operation(summary = "One list entry as the newest import holds it")
    @Secured(Roles.VIEWER)
    @Get(value = "/lists/{list}/entries/{entry}", produces = MediaType.APPLICATION_JSON)
    ListEntry entry(@PathVariable String list, @PathVariable String entry) {
        return lists.entry(list, entry);
    }

    @Operation(summary = "Candidate list entries for a person, company or vessel (?person=its id), scored and explained, or every undecided one")
    @Secured(Roles.VIEWER)
    @Get(value = "/candidates{?person,min}", produces = MediaType.APPLICATION_JSON)
    List<Screening.Candidate> candidates(@QueryValue @Nullable String person, @QueryValue @Nullable String min) {
        double threshold = min == null ? 0.5 : number("min", min);
        return person == null ? screening.undecided(threshold) : screening.candidates(person, threshold);
    }

    @Operation(summary = "Confirm or reject a candidate: {person, list, entry, decision: confirmed|rejected, note}; "
            + "a confirmation records the entry's designations as Sanction records of the person")
    @Secured(Roles.ANALYST)
    @Post(value = "/decisions", produces = MediaType.APPLICATION_JSON)
    HttpResponse<Designations.DecisionResult> decide(@Body @Nullable String body, Authentication who) {
        JsonNode json = JsonBody.object(body);
        Designations.DecisionRequest request = new Designations.DecisionRequest(JsonBody.text(json, "person"),
                JsonBody.text(json, "list"), JsonBody.text(json, "entry"), JsonBody.text(json, "decision"),
                JsonBody.text(json, "note"));
        return HttpResponse.created(designations.decide(access.scope(who), request));
    }

    @Operation(summary = "A person's designation status: who designated them, under which programme, since when")
    @Secured(Roles.VIEWER)
    @Get(value = "/designations/{person}", produces = MediaType.APPLICATION_JSON)
    Designations.Status status(@PathVariable String person, Authentication who) {
        return designations.status(access.scope(who), person);
    }

    @Operation(summary = "Gap report: persons with established or probable paths to violations a regime covers, not designated "
            + "by its jurisdiction, ranked; ?format=csv for a spreadsheet")
    @Secured(Roles.VIEWER)
    @Get(value = "/gaps{?regime,minimum,format}", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    HttpResponse<?> gaps(@QueryValue @Nullable String regime, @QueryValue @Nullable String minimum,
                         @QueryValue @Nullable String format, Authentication who) {
        GapReport.Report report = gaps.current(access.scope(who), regime, minimum);
        if (format == null || format.equals("json")) {
            return HttpResponse.ok(report).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        if (format.equals("csv")) {
            return HttpResponse.ok(GapReport.csv(report)).contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"gaps-" + report.regime() + ".csv\"");
        }
        throw new InvalidInput("format", "must be json or csv");
    }

    private static double number(String field, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "must be a number between 0 and 1");
        }
    }
}
