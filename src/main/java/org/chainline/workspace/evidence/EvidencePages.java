package org.chainline.workspace.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.chainline.cases.CaseRole;
import org.chainline.cases.Cases;
import org.chainline.cases.Scope;
import org.chainline.cases.CaseAccess;
import org.chainline.access.Roles;
import org.chainline.registry.EvidenceHashes;
import org.chainline.registry.Records;
import org.chainline.registry.model.Property;
import org.chainline.registry.model.RecordType;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.Links;
import org.chainline.workspace.shell.RecordWords;

import java.util.Comparator;
import java.util.List;

/**
 * The evidence screen. Files and Telegram exports stream from the browser to the API's own upload endpoints (the
 * same limits, hashing and custody), with the session's cookie; the page shows their progress and the import's report.
 */
@Controller
@Hidden
@Produces(MediaType.TEXT_HTML)
final class EvidencePages {

    static final int LISTED = 200;

    private final Records records;

    private final EvidenceHashes hashes;

    private final CaseAccess access;

    private final Cases cases;

    EvidencePages(Records records, EvidenceHashes hashes, CaseAccess access, Cases cases) {
        this.cases = cases;
        this.access = access;
        this.records = records;
        this.hashes = hashes;
    }

    @Secured(Roles.VIEWER)
    @Get("/evidence")
    ModelAndView<EvidenceView> page(Authentication who) {
        RecordType evidence = records.model().type("Evidence").orElseThrow();
        List<EvidenceView.Item> items = hashes.shown(records.list(access.scope(who), evidence, null, false, 0, LISTED),
                        who.getRoles().contains(Roles.WITNESS_PROTECTION)).stream()
                .sorted(Comparator.comparingLong((JsonNode r) -> -r.path("meta").path("updatedSeq").asLong()))
                .map(r -> new EvidenceView.Item(r.path("id").asText(), Links.record("Evidence", r.path("id").asText()),
                        r.path("title").asText(r.path("id").asText()), r.path("kind").asText(), RecordWords.fileStatus(r),
                        r.path("confidentiality").asText("restricted"), r.path("sha256").asText(null)))
                .toList();
        return new ModelAndView<>("evidence/evidence", new EvidenceView(Chrome.of(who, "evidence"), items,
                evidence.property("kind").map(Property::values).orElse(List.of()),
                evidence.property("confidentiality").map(Property::values).orElse(List.of()), writable(who)));
    }

    /** The cases an upload may go into when the writer is an analyst in several (one needs no choice). */
    private List<EvidenceView.CaseChoice> writable(Authentication who) {
        Scope scope = access.scope(who);
        List<String> writable = scope.casesWhere(CaseRole.ANALYST);
        return writable.size() < 2 ? List.of() : cases.list(scope, false, null, 0, 500).stream()
                .filter(c -> writable.contains(c.id())).map(c -> new EvidenceView.CaseChoice(c.id(), c.title())).toList();
    }
}
