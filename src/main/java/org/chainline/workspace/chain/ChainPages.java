package org.chainline.workspace.chain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.chainline.cases.Scope;
import org.chainline.cases.CaseAccess;
import org.chainline.access.Roles;
import org.chainline.liability.ChainOfCommand;
import org.chainline.liability.LiabilityPaths;
import org.chainline.liability.Views;
import org.chainline.refusal.InvalidInput;
import org.chainline.workspace.drawing.CommandChartSvg;
import org.chainline.workspace.drawing.TimelineSvg;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.Dates;
import org.chainline.workspace.shell.Links;
import org.chainline.workspace.shell.Names;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The chain of command above a unit at a date; the date field (and its slider) re-draws chart and table in place. */
@Controller
@Hidden
@Produces(MediaType.TEXT_HTML)
final class ChainPages {

    /** The slider's span: the years a case of this kind covers around the date shown. */
    static final LocalDate SLIDER_FROM = LocalDate.of(2015, 1, 1);

    private final ChainOfCommand chains;

    private final CaseAccess access;

    ChainPages(ChainOfCommand chains, CaseAccess access) {
        this.access = access;
        this.chains = chains;
    }

    @Secured(Roles.VIEWER)
    @Get("/units/{id}/chain")
    ModelAndView<ChainView> chain(@PathVariable String id, @QueryValue @Nullable String date, HttpRequest<?> request,
                                  Authentication who) {
        String at = date == null || date.isBlank() ? LocalDate.now().toString() : date.strip();
        // a date the chain cannot be drawn at is said, not replaced by today's chain
        if (!at.matches("\\d{4}(-\\d{2}(-\\d{2})?)?") || at.startsWith("0000")) {
            throw new InvalidInput("date", "must be a year from 0001 to 9999, a year and month (2025-03) or a day (2025-03-06)"
                    + " (it is '" + (at.length() > 40 ? at.substring(0, 40) + "…" : at) + "')");
        }
        Views.UnitChain chain = chains.ofUnit(access.scope(who), id, at, LiabilityPaths.MAX_DEPTH);
        List<ChainView.Row> rows = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Views.Level level : chain.levels()) {
            if (seen.putIfAbsent(level.unit().id() + "/" + (level.below() == null ? "" : level.below().id()), true) != null) {
                continue;
            }
            rows.add(new ChainView.Row(level.depth(), level.unit().id(), CommandChartSvg.display(level.unit()),
                    Links.record("Unit", level.unit().id()),
                    level.below() == null ? "" : "above " + CommandChartSvg.display(level.below()),
                    level.link() == null ? "" : level.link().strength().word(),
                    level.commanders().stream().map(c -> new ChainView.Commander(c.person().id(), CommandChartSvg.display(c.person()),
                            Links.record("Person", c.person().id()), c.posting().summary(),
                            Dates.span(c.posting().start(), c.posting().end()), c.posting().strength().word(),
                            c.posting().validity())).toList()));
        }
        LocalDate day = day(at);
        int max = (int) ChronoUnit.DAYS.between(SLIDER_FROM, LocalDate.now().plusYears(1));
        int value = (int) Math.max(0, Math.min(max, ChronoUnit.DAYS.between(SLIDER_FROM, day)));
        ChainView view = new ChainView(Chrome.of(who, "search"),
                new ChainView.Unit(id, CommandChartSvg.display(chain.unit()), Names.lang(chain.unit().name())),
                new ChainView.Day(at, Dates.show(at), SLIDER_FROM.toString(), max, value), CommandChartSvg.draw(chain, null), rows);
        return new ModelAndView<>(request.getHeaders().contains("HX-Request") ? "chain/chainSection" : "chain/chain", view);
    }

    /** The slider's day for the date shown: its first day (a date the calendar has not, such as 30 February, is today). */
    private static LocalDate day(String partial) {
        LocalDate first = TimelineSvg.earliest(partial);
        return first == null ? LocalDate.now() : first;
    }
}
