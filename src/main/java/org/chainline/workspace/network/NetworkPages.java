package org.chainline.workspace.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
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
import org.chainline.input.Json;
import org.chainline.refusal.NotFound;
import org.chainline.registry.Records;
import org.chainline.registry.model.Property;
import org.chainline.registry.model.PropertyType;
import org.chainline.registry.model.RecordType;
import org.chainline.workspace.drawing.CommandChartSvg;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.Dates;
import org.chainline.workspace.shell.Links;
import org.chainline.workspace.shell.RecordTitle;
import org.chainline.workspace.shell.RecordTypes;
import org.chainline.workspace.shell.RecordWords;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The network around a record: Cytoscape.js draws it (expand a node to fetch its own neighbourhood), the table says the
 * same, and it exports as JSON and as SVG (drawn here, so it needs no script).
 */
@Controller
@Hidden
final class NetworkPages {

    static final int MAX_CLAIMS = 300;

    private final Records records;
    private final RecordTypes types;

    private final CaseAccess access;

    NetworkPages(Records records, RecordTypes types, CaseAccess access) {
        this.access = access;
        this.records = records;
        this.types = types;
    }

    @Secured(Roles.VIEWER)
    @Get("/records/{slug}/{id}/network")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<NetworkView> page(@PathVariable String slug, @PathVariable String id, Authentication who) {
        RecordType type = types.type(slug);
        NetworkView.Neighbourhood graph = neighbourhood(access.scope(who), id);
        String title = graph.nodes().stream().filter(n -> n.id().equals(id)).findFirst().map(NetworkView.Node::label).orElse(id);
        return new ModelAndView<>("network/network", new NetworkView(Chrome.of(who, "search"), RecordTitle.of(type.name(), id, title),
                Links.network(type.name(), id) + ".json", graph));
    }

    @Secured(Roles.VIEWER)
    @Get("/records/{slug}/{id}/network.json")
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<String> json(@PathVariable String slug, @PathVariable String id, Authentication who) {
        types.type(slug);
        return HttpResponse.ok(Json.write(neighbourhood(access.scope(who), id))).header("Content-Disposition", "inline; filename=\"" + id + "-network.json\"");
    }

    @Secured(Roles.VIEWER)
    @Get("/records/{slug}/{id}/network.svg")
    @Produces("image/svg+xml")
    HttpResponse<String> svg(@PathVariable String slug, @PathVariable String id, Authentication who) {
        types.type(slug);
        return HttpResponse.ok(drawn(neighbourhood(access.scope(who), id))).header("Content-Disposition", "attachment; filename=\"" + id + "-network.svg\"");
    }

    /** The record, every live claim about it, and each claim's other endpoints. */
    NetworkView.Neighbourhood neighbourhood(Scope scope, String id) {
        JsonNode centre;
        try {
            centre = records.get(scope, null, id);
        } catch (NotFound e) {
            throw NotFound.because("no record with id " + id);
        }
        Map<String, NetworkView.Node> nodes = new LinkedHashMap<>();
        nodes.put(id, node(centre));
        List<NetworkView.Edge> edges = new ArrayList<>();
        for (JsonNode claim : records.claimsAbout(scope, id).stream().limit(MAX_CLAIMS).toList()) {
            RecordType type = records.model().type(claim.path("type").asText()).orElse(null);
            if (type == null) {
                continue;
            }
            List<String> ends = new ArrayList<>();
            for (Property p : type.properties().values()) {
                if (p.type() != PropertyType.ENTITY) {
                    continue;
                }
                JsonNode v = claim.path(p.name());
                for (JsonNode one : v.isArray() ? v : List.of(v)) {
                    if (one.isTextual()) {
                        ends.add(one.asText());
                    }
                }
            }
            List<String> others = ends.stream().filter(e -> !e.equals(id)).distinct().toList();
            for (String other : others) {
                nodes.computeIfAbsent(other, o -> {
                    try {
                        return node(records.get(scope, null, o));
                    } catch (NotFound e) {
                        return null;
                    }
                });
                if (nodes.get(other) == null) {
                    nodes.remove(other);
                    continue;
                }
                String label = type.name() + (claim.hasNonNull("role") ? " · " + claim.get("role").asText()
                        : claim.hasNonNull("relation") ? " · " + claim.get("relation").asText() : "");
                edges.add(new NetworkView.Edge(claim.path("id").asText() + ":" + other, id, other, type.name(), label,
                        claim.path("start").asText(null), claim.path("end").asText(null),
                        Dates.span(claim.path("start").asText(null), claim.path("end").asText(null)),
                        Links.record(type.name(), claim.path("id").asText())));
            }
        }
        return new NetworkView.Neighbourhood(id, List.copyOf(nodes.values()), edges);
    }

    private NetworkView.Node node(JsonNode record) {
        RecordType type = records.model().type(record.path("type").asText()).orElseThrow();
        List<String> spellings = RecordWords.spellings(type, record);
        String id = record.path("id").asText();
        return new NetworkView.Node(id, type.name(), spellings.isEmpty() ? id : spellings.getFirst(), Links.record(type.name(), id),
                Links.network(type.name(), id) + ".json");
    }

    /** The neighbourhood on a circle around its centre. */
    static String drawn(NetworkView.Neighbourhood graph) {
        int size = 720;
        double cx = size / 2.0;
        double radius = size / 2.0 - 110;
        Map<String, double[]> at = new LinkedHashMap<>();
        List<NetworkView.Node> around = graph.nodes().stream().filter(n -> !n.id().equals(graph.centre())).toList();
        at.put(graph.centre(), new double[] {cx, cx});
        for (int i = 0; i < around.size(); i++) {
            double a = 2 * Math.PI * i / Math.max(1, around.size());
            at.put(around.get(i).id(), new double[] {cx + radius * Math.cos(a), cx + radius * Math.sin(a)});
        }
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
                + " width=\"%d\" height=\"%d\" font-family=\"Liberation Sans, DejaVu Sans, Arial, sans-serif\">", size, size, size, size));
        for (NetworkView.Edge e : graph.edges()) {
            double[] a = at.get(e.source());
            double[] b = at.get(e.target());
            if (a == null || b == null) {
                continue;
            }
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#8c959f\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" fill=\"#57606a\">%s</text>", a[0], a[1], b[0], b[1],
                    (a[0] + b[0]) / 2, (a[1] + b[1]) / 2, CommandChartSvg.xml(e.label())));
        }
        for (NetworkView.Node n : graph.nodes()) {
            double[] p = at.get(n.id());
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1b1f24\">%s</text>", p[0], p[1],
                    n.id().equals(graph.centre()) ? 12 : 8, colour(n.type()), p[0], p[1] + 22, CommandChartSvg.xml(n.label())));
        }
        return svg.append("</svg>").toString();
    }

    static String colour(String type) {
        return switch (type) {
            case "Person" -> "#0b4f8a";
            case "Unit" -> "#116329";
            case "Incident" -> "#a40e26";
            case "Evidence" -> "#6e40c9";
            default -> "#9a3b00";
        };
    }
}
