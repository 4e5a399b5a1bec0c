package org.chainline.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chainline.access.Roles;
import org.chainline.cases.CaseAccess;
import org.chainline.cases.Filing;
import org.chainline.input.JsonBody;
import org.chainline.input.Upload;
import org.chainline.refusal.TooLarge;
import org.chainline.registry.EvidenceHashes;
import org.chainline.registry.imports.RecordImport;
import org.chainline.storage.DataDirectory;

import java.io.IOException;
import java.io.InputStream;

/** The evidence locker over HTTP: upload files, read items (journaled), download, custody, verify. */
@Controller("/api/evidence")
@Tag(name = "Evidence locker")
class EvidenceController {

    private final EvidenceLocker locker;
    private final Integrity integrity;
    private final TelegramExportImport telegram;
    private final DataDirectory data;
    private final EvidenceSettings settings;

    private final EvidenceHashes hashes;

    /** A downloaded file runs nothing and loads nothing, even if a browser were to open it in place. */
    static final String DOWNLOAD_POLICY = "sandbox; default-src 'none'";

    private final CaseAccess access;

    EvidenceController(EvidenceLocker locker, Integrity integrity, TelegramExportImport telegram, DataDirectory data,
                       EvidenceSettings settings, EvidenceHashes hashes, CaseAccess access) {
        this.access = access;
        this.hashes = hashes;
        this.locker = locker;
        this.integrity = integrity;
        this.telegram = telegram;
        this.data = data;
        this.settings = settings;
    }

    @Operation(summary = "Import a Telegram Desktop export sent as a zip (the export folder zipped, result.json and media)")
    @Secured(Roles.ANALYST)
    @Post(value = "/telegram", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<TelegramReport> telegram(@Body InputStream body, @QueryValue @Nullable String username,
                                          @QueryValue @Nullable String reason, @QueryValue("case") @Nullable String caseId,
                                          Authentication who) throws IOException {
        var options = new TelegramExportImport.Options(username);
        long limit = settings.maxExportBytes();
        // the export names senders and forwarders, the people at risk: its spool is sealed, never in clear on disk
        try (Upload zip = Upload.spoolSealed(data.spoolFile(".zip"), body, limit, "the export", () -> new TooLarge(
                "export", "the export is larger than the limit of " + (limit >> 20) + " MiB"), null);
             var channel = zip.channel()) {
            TelegramReport report = telegram.run(new Filing(access.scope(who), caseId), reason, channel, options, RecordImport.Progress.NONE);
            return HttpResponse.<TelegramReport>status(report.applied() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).body(report);
        }
    }

    @Operation(summary = "Upload one file as the raw request body; hashed while it streams, stored once per content;"
            + " with ?evidence=ID, the file of an item already recorded with its SHA-256")
    @Secured(Roles.ANALYST)
    @Post(value = "/files", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<EvidenceLocker.Received> upload(@Body InputStream body,
                                                 @Header(HttpHeaders.CONTENT_TYPE) @Nullable String contentType,
                                                 @QueryValue @Nullable String fileName, @QueryValue @Nullable String kind,
                                                 @QueryValue @Nullable String title, @QueryValue @Nullable String source,
                                                 @QueryValue @Nullable String confidentiality,
                                                 @QueryValue @Nullable String evidence,
                                                 @QueryValue @Nullable String reason,
                                                 @QueryValue("case") @Nullable String caseId, Authentication who) {
        var received = locker.shownTo(locker.receive(new Filing(access.scope(who), caseId), reason, body, new EvidenceLocker.Upload(fileName,
                contentType == null ? null : contentType.split(";")[0].strip(), kind, title, source, confidentiality, "api upload",
                evidence)), who.getRoles().contains(Roles.WITNESS_PROTECTION));
        return HttpResponse.<EvidenceLocker.Received>status(received.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(received);
    }

    @Operation(summary = "One evidence item; the viewing is journaled in its custody")
    @Secured(Roles.VIEWER)
    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    ObjectNode item(@PathVariable String id, Authentication who) {
        return hashes.shown(locker.view(access.scope(who), id), who.getRoles().contains(Roles.WITNESS_PROTECTION));
    }

    @Operation(summary = "The item's stored file; the download is journaled (protected items need the witness-protection grant)")
    @Secured(Roles.VIEWER)
    @Get("/{id}/file")
    HttpResponse<StreamedFile> file(@PathVariable String id, Authentication who) {
        var download = locker.download(access.scope(who), id, who.getRoles().contains(Roles.WITNESS_PROTECTION));
        // sent as bytes to save, never under the uploader's type: a file sent as text/javascript must not run as a
        // script of this service's origin, nor an HTML file as one of its pages
        return HttpResponse.ok(new StreamedFile(download.bytes(), MediaType.APPLICATION_OCTET_STREAM_TYPE,
                        System.currentTimeMillis(), download.size()).attach(download.fileName()))
                .header("Content-Security-Policy", DOWNLOAD_POLICY);
    }

    @Operation(summary = "The item's chain of custody: every arrival, view, download, citation, check and hand-over")
    @Secured(Roles.VIEWER)
    @Get(value = "/{id}/custody", produces = MediaType.APPLICATION_JSON)
    EvidenceLocker.CustodyReport custody(@PathVariable String id, Authentication who) {
        return locker.custody(access.scope(who), id, who.getRoles().contains(Roles.WITNESS_PROTECTION));
    }

    @Operation(summary = "Record a hand-over of the item: {\"to\": ..., \"note\": ..., \"reason\": ...}")
    @Secured(Roles.ANALYST)
    @Post(value = "/{id}/custody", produces = MediaType.APPLICATION_JSON)
    EvidenceLocker.CustodyReport transfer(@PathVariable String id, @Body @Nullable String body, Authentication who) {
        return locker.transfer(access.scope(who), id, json(body));
    }

    @Operation(summary = "Re-hash every stored file and report missing or altered ones (each check is journaled)")
    @Secured(Roles.ANALYST)
    @Post(value = "/verify", produces = MediaType.APPLICATION_JSON)
    Integrity.Report verify(Authentication who) {
        Integrity.Report report = integrity.verify(who.getName(), null);
        if (who.getRoles().contains(Roles.WITNESS_PROTECTION) || report.problems().isEmpty()) {
            return report;
        }
        // a missing or altered protected file is reported by its keyed digest, as everywhere outside the grant
        var protectedBytes = hashes.protectedAmong(report.problems().stream().map(Integrity.Problem::sha256).toList());
        return new Integrity.Report(report.checked(), report.intact(), report.problems().stream()
                .map(p -> protectedBytes.contains(p.sha256()) ? new Integrity.Problem(hashes.keyed(p.sha256()), p.evidence(),
                        p.problem(), p.foundSha256() == null ? null : hashes.keyed(p.foundSha256())) : p).toList(),
                report.unrecorded(), report.bytes(), report.millis());
    }

    static JsonNode json(String body) {
        return JsonBody.objectOrEmpty(body);
    }
}
