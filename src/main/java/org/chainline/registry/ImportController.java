package org.chainline.registry;

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
import org.chainline.web.InvalidInput;
import org.chainline.web.Roles;
import org.chainline.web.TextInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bulk import of records as newline-delimited JSON (the request body, up to the server's request size limit). */
@Controller("/api/import")
@Tag(name = "Records")
class ImportController {

    private final RecordImport recordImport;
    private final org.chainline.storage.DataDirectory data;

    ImportController(RecordImport recordImport, org.chainline.storage.DataDirectory data) {
        this.recordImport = recordImport;
        this.data = data;
    }

    @Operation(summary = "Import records from newline-delimited JSON, all or nothing; 400 lists every error by line")
    @Secured(Roles.ANALYST)
    @Post
    @Consumes({"application/x-ndjson", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    HttpResponse<ImportReport> importRecords(@Body @Nullable byte[] body, @QueryValue @Nullable String reason, Authentication who) {
        if (body == null || body.length == 0) {
            throw new InvalidInput("body", "is required: newline-delimited JSON, one record per line");
        }
        String why = TextInput.clean("reason", reason, 2000, false);
        Path file = null;
        try {
            file = data.spoolFile(".ndjson");
            Files.write(file, body);
            ImportReport report = recordImport.run(who.getName(), why, file, RecordImport.Progress.NONE);
            return report.applied() ? HttpResponse.ok(report) : HttpResponse.badRequest(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a spool file; the data directory's spool is emptied at the next start
                }
            }
        }
    }
}
