package org.chainline.registry.imports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chainline.access.Roles;
import org.chainline.cases.CaseAccess;
import org.chainline.cases.Filing;
import org.chainline.input.TextInput;
import org.chainline.refusal.InvalidInput;
import org.chainline.registry.Records;


/** Bulk import of records as newline-delimited JSON (the request body, up to the server's request size limit). */
@Controller("/api/import")
@Tag(name = "Records")
class ImportController {

    private final RecordImport recordImport;
    private final CaseAccess access;

    ImportController(RecordImport recordImport, CaseAccess access) {
        this.recordImport = recordImport;
        this.access = access;
    }

    @Operation(summary = "Import records from newline-delimited JSON into one of your cases (case; needed when you write in several), all or nothing; 400 lists every error by line")
    @Secured(Roles.ANALYST)
    @Post
    @Consumes({"application/x-ndjson", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    HttpResponse<ImportReport> importRecords(@Body @Nullable byte[] body, @QueryValue @Nullable String reason,
                                             @QueryValue("case") @Nullable String caseId, Authentication who) {
        if (body == null || body.length == 0) {
            throw new InvalidInput("body", "is required: newline-delimited JSON, one record per line");
        }
        String why = TextInput.clean("reason", reason, 2000, false);
        // the body is read from memory: a spool on disk would hold witnesses' names in clear until it was deleted
        ImportReport report = recordImport.run(new Filing(access.scope(who), caseId), why, body, RecordImport.Progress.NONE);
        return report.applied() ? HttpResponse.ok(report) : HttpResponse.badRequest(report);
    }
}
