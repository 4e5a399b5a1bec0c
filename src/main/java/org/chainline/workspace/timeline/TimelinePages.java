package org.chainline.workspace.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.chainline.liability.ChainOfCommand;
import org.chainline.liability.LiabilityPaths;
import org.chainline.liability.Views;
import org.chainline.refusal.NotFound;
import org.chainline.registry.Records;
import org.chainline.workspace.drawing.CommandChartSvg;
import org.chainline.workspace.drawing.TimelineSvg;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.Dates;
import org.chainline.workspace.shell.Links;
import org.chainline.workspace.shell.Names;
import org.chainline.workspace.shell.RecordTitle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The timeline of a person (postings, incidents linked) or a unit (postings to it, incidents it took part in). */
@Controller
@Hidden
@Produces(MediaType.TEXT_HTML)
final class TimelinePages {

    private final ChainOfCommand chains;
    private final LiabilityPaths liability;
    private final Records records;

    private final CaseAccess access;

    TimelinePages(ChainOfCommand chains, LiabilityPaths liability, Records records, CaseAccess access) {
        this.access = access;
        this.chains = chains;
        this.liability = liability;
        this.records = records;
    }

    private record Item(TimelineSvg.Row row, TimelineView.Row table) {
    }

    @Secured(Roles.VIEWER)
    @Get("/records/{slug}/{id}/timeline")
    ModelAndView<TimelineView> page(@PathVariable String slug, @PathVariable String id, Authentication who) {
        Scope scope = access.scope(who);
        List<Item> items = new ArrayList<>();
        String title;
        switch (slug) {
            case "person" -> {
                Views.PersonChain career = chains.career(scope, id);
                title = CommandChartSvg.display(career.person());
                for (Views.Post post : career.posts()) {
                    Views.Step s = post.posting();
                    String label = role(s.summary()) + post.unit().name();
                    items.add(new Item(new TimelineSvg.Row(label, s.start(), s.end(), false),
                            new TimelineView.Row("posting", label, Names.lang(label), Dates.span(s.start(), s.end()),
                                    Links.record("Posting", s.claim()))));
                }
                for (Views.Link l : liability.ofPerson(scope, id, LiabilityPaths.DEFAULT_DEPTH).incidents()) {
                    incident(items, l.incident());
                }
            }
            case "unit" -> {
                JsonNode unit = records.get(scope, records.model().type("Unit").orElseThrow(), id);
                title = unit.path("names").path(0).path("value").asText(id);
                List<? extends JsonNode> about = records.claimsAbout(scope, id);
                Set<String> linked = new LinkedHashSet<>();
                about.forEach(c -> List.of("person", "incident").forEach(f -> {
                    if (c.hasNonNull(f)) {
                        linked.add(c.get(f).asText());
                    }
                }));
                Map<String, ObjectNode> named = records.getAll(scope, linked);
                for (JsonNode c : about) {
                    String type = c.path("type").asText();
                    if (type.equals("Posting")) {
                        String person = c.path("person").asText();
                        JsonNode holder = named.get(person);
                        String name = holder == null ? person : holder.path("names").path(0).path("value").asText(person);
                        String label = name + " · " + c.path("role").asText();
                        items.add(new Item(new TimelineSvg.Row(label, c.path("start").asText(null), c.path("end").asText(null), false),
                                new TimelineView.Row("posting", label, Names.lang(name),
                                        Dates.span(c.path("start").asText(null), c.path("end").asText(null)),
                                        Links.record("Posting", c.path("id").asText()))));
                    } else if (type.equals("Involvement") && named.containsKey(c.path("incident").asText())) {
                        JsonNode incident = named.get(c.path("incident").asText());
                        String label = incident.path("title").asText();
                        items.add(new Item(new TimelineSvg.Row(label, incident.path("start").asText(null), null, true),
                                new TimelineView.Row("incident", label, Names.lang(label),
                                        Dates.show(incident.path("start").asText(null)), Links.record("Incident", incident.path("id").asText()))));
                    }
                }
            }
            default -> throw NotFound.because("a timeline is drawn for a person or a unit, not for a " + slug);
        }
        items.sort(Comparator.comparing((Item i) -> i.row().start() == null ? "9999" : i.row().start()));
        String svg = TimelineSvg.draw("Timeline of " + title, items.stream().map(Item::row).toList());
        return new ModelAndView<>("timeline/timeline", new TimelineView(Chrome.of(who, "search"),
                RecordTitle.of(slug.equals("person") ? "Person" : "Unit", id, title), svg, items.stream().map(Item::table).toList()));
    }

    /** "Name: deputy-commander of Unit (dates)" gives "deputy-commander · ". */
    private static String role(String summary) {
        int colon = summary.indexOf(": ");
        int of = summary.indexOf(" of ", colon + 2);
        return colon < 0 || of < 0 ? "" : summary.substring(colon + 2, of).split(",")[0] + " · ";
    }

    private static void incident(List<Item> items, Views.IncidentRef incident) {
        items.add(new Item(new TimelineSvg.Row(incident.name(), incident.start(), incident.end(), true),
                new TimelineView.Row("incident", incident.name(), Names.lang(incident.name()),
                        Dates.span(incident.start(), incident.end()), Links.record("Incident", incident.id()))));
    }
}
