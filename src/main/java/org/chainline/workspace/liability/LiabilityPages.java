package org.chainline.workspace.liability;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.chainline.cases.Scope;
import org.chainline.cases.CaseAccess;
import org.chainline.access.Roles;
import org.chainline.liability.LiabilityPaths;
import org.chainline.liability.Views;
import org.chainline.refusal.NotFound;
import org.chainline.workspace.drawing.CommandChartSvg;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.Names;
import org.chainline.workspace.shell.RecordTitle;

/** Liability paths of a person or an incident, organised as the ICC Case Matrix is: by mode and by element. */
@Controller
@Hidden
@Produces(MediaType.TEXT_HTML)
final class LiabilityPages {

    private final LiabilityPaths liability;

    private final CaseAccess access;

    LiabilityPages(LiabilityPaths liability, CaseAccess access) {
        this.access = access;
        this.liability = liability;
    }

    @Secured(Roles.VIEWER)
    @Get("/records/{slug}/{id}/liability")
    ModelAndView<LiabilityView> page(@PathVariable String slug, @PathVariable String id, Authentication who) {
        Chrome chrome = Chrome.of(who, "search");
        return switch (slug) {
            case "person" -> {
                Views.PersonLiability of = liability.ofPerson(access.scope(who), id, LiabilityPaths.DEFAULT_DEPTH);
                yield new ModelAndView<>("liability/liability", new LiabilityView(chrome,
                        new RecordTitle("Person", id, CommandChartSvg.display(of.person()), Names.lang(of.person().name())), true,
                        of.maxDepth(), of.incidents()));
            }
            case "incident" -> {
                Views.IncidentLiability of = liability.ofIncident(access.scope(who), id, LiabilityPaths.DEFAULT_DEPTH);
                yield new ModelAndView<>("liability/liability", new LiabilityView(chrome,
                        RecordTitle.of("Incident", id, of.incident().name()), false, of.maxDepth(), of.persons()));
            }
            default -> throw NotFound.because("liability is asked of a person or an incident, not of a " + slug);
        };
    }
}
