package org.chainline.sanctions.ftm;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chainline.cases.Filing;
import org.chainline.cases.CaseAccess;
import org.chainline.access.Roles;
import org.chainline.refusal.InvalidInput;

import java.io.InputStream;
import java.io.StringWriter;

/** FollowTheMoney in and out over HTTP. */
@Controller("/api/ftm")
@Tag(name = "FollowTheMoney")
class FtmController {

    private final FtmExport export;
    private final FtmImport ftmImport;

    private final CaseAccess access;

    FtmController(FtmExport export, FtmImport ftmImport, CaseAccess access) {
        this.access = access;
        this.export = export;
        this.ftmImport = ftmImport;
    }

    @Operation(summary = "The graph as FtM entities (JSON lines); protected identities and evidence never, restricted evidence "
            + "with ?restricted=true")
    @Secured(Roles.ANALYST)
    @Get(value = "/export{?restricted}", produces = "application/x-ndjson")
    HttpResponse<String> export(@QueryValue @Nullable String restricted) {
        if (restricted != null && !restricted.equals("true") && !restricted.equals("false")) {
            throw new InvalidInput("restricted", "must be true or false");
        }
        StringWriter out = new StringWriter();
        export.write(out, "true".equals(restricted));
        return HttpResponse.ok(out.toString()).contentType("application/x-ndjson; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"chainline.ftm.json\"");
    }

    @Operation(summary = "Import FtM entities (JSON lines) sent as the body into the graph, as claims citing the file "
            + "(kept in the evidence locker); ?dataset= names it")
    @Secured(Roles.ANALYST)
    @Post(value = "/import{?dataset,fileName,case}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<FtmImport.Report> importFile(@Body InputStream body, @QueryValue @Nullable String dataset,
                                              @QueryValue @Nullable String fileName,
                                              @QueryValue("case") @Nullable String caseId, Authentication who) {
        return HttpResponse.created(ftmImport.run(new Filing(access.scope(who), caseId), dataset, fileName, body));
    }
}
