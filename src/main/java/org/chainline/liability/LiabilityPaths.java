package org.chainline.liability;

import jakarta.inject.Singleton;
import org.chainline.cases.Scope;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.NotFound;
import org.neo4j.driver.TransactionContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Liability paths (graph-schema/README.md): for a person, every incident reachable by direct involvement, ordering,
 * command and failure to act; for an incident, every person who may bear responsibility, ranked. Computed on each
 * question from the graph, never stored. Ranked by strength, then by the involvement the path runs through
 * ({@link StrengthRule.Involvement}: the unit that acted before one merely present), then mode, then depth.
 */
@Singleton
public class LiabilityPaths {

    public static final int DEFAULT_DEPTH = 6;
    public static final int MAX_DEPTH = 12;
    private static final List<String> MODES = List.of("direct", "ordering", "command", "failure-to-act");
    /** Posting roles that carry effective control of the unit (and of what is below it). */
    public static final List<String> COMMAND_ROLES = List.of("commander", "head", "minister");
    /** Investigation states that count as inaction (the failure-to-punish element). */
    public static final List<String> INACTION = List.of("none", "closed-without-charges");

    private final LiabilityGraph graph;

    LiabilityPaths(LiabilityGraph graph) {
        this.graph = graph;
    }

    /**
     * Claims as steps, each with its summary, status, derived strength and citations (graded), in the order asked; a
     * claim the graph does not hold is left out. Their validity is not judged: no date is asked about.
     */
    public List<Views.Step> claims(Scope scope, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ClaimFacts> found = graph.read(tx -> graph.claims(tx, scope, ids));
        return ids.stream().map(found::get).filter(Objects::nonNull).map(c -> PathAssembly.step(c, null)).toList();
    }

    public Views.PersonLiability ofPerson(Scope scope, String personId, int maxDepth) {
        checkDepth(maxDepth);
        return graph.read(tx -> ofPerson(tx, scope, personId, maxDepth));
    }

    private Views.PersonLiability ofPerson(TransactionContext tx, Scope scope, String personId, int maxDepth) {
        LiabilityGraph.RecordFacts person = graph.records(tx, scope, List.of(personId)).get(personId);
        if (person == null || !"Person".equals(person.type())) {
            throw new NotFound("person", personId);
        }
        List<LiabilityGraph.PathRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<String>> same : graph.identities(tx, scope, personId).entrySet()) {
            for (LiabilityGraph.PathRow row : graph.pathsOfPerson(tx, scope, same.getKey(), maxDepth)) {
                rows.add(same.getKey().equals(personId) ? row : row.via(personId, same.getValue()));
            }
        }
        return new Views.PersonLiability(person.ref(), maxDepth, links(tx, scope, rows, Comparator.comparing(
                (Views.Link l) -> -l.strongest().ordinal())
                .thenComparing(l -> l.incident().start() == null ? "" : l.incident().start())
                .thenComparing(l -> l.incident().id())));
    }

    public Views.IncidentLiability ofIncident(Scope scope, String incidentId, int maxDepth) {
        checkDepth(maxDepth);
        return graph.read(tx -> ofIncident(tx, scope, incidentId, maxDepth));
    }

    private Views.IncidentLiability ofIncident(TransactionContext tx, Scope scope, String incidentId, int maxDepth) {
        LiabilityGraph.RecordFacts incident = graph.records(tx, scope, List.of(incidentId)).get(incidentId);
        if (incident == null || !"Incident".equals(incident.type())) {
            throw new NotFound("incident", incidentId);
        }
        List<LiabilityGraph.PathRow> rows = graph.pathsOfIncident(tx, scope, incidentId, maxDepth);
        return new Views.IncidentLiability(incident.incident(), maxDepth, links(tx, scope, rows, Comparator.comparing(
                (Views.Link l) -> -l.strongest().ordinal())
                .thenComparing(l -> StrengthRule.Involvement.of(l.paths().getFirst().involvement()).rank())
                .thenComparing(l -> MODES.indexOf(l.paths().getFirst().mode()))
                .thenComparing(l -> l.paths().getFirst().depth())
                .thenComparing(l -> l.person().id())));
    }

    private static void checkDepth(int maxDepth) {
        if (maxDepth < 0 || maxDepth > MAX_DEPTH) {
            throw new InvalidInput("maxDepth", "must be between 0 and " + MAX_DEPTH);
        }
    }

    private List<Views.Link> links(TransactionContext tx, Scope scope, List<LiabilityGraph.PathRow> rows, Comparator<Views.Link> order) {
        Set<String> claimIds = new HashSet<>();
        Set<String> recordIds = new HashSet<>();
        for (LiabilityGraph.PathRow row : rows) {
            claimIds.addAll(row.claims());
            claimIds.addAll(row.knowledge());
            claimIds.addAll(row.failures());
            recordIds.add(row.person());
            recordIds.add(row.incident());
            recordIds.addAll(row.units());
        }
        Set<String> persons = new HashSet<>();
        rows.forEach(r -> persons.add(r.person()));
        Map<String, List<String>> alsoKnownAs = graph.alsoKnownAs(tx, scope, persons);
        alsoKnownAs.values().forEach(recordIds::addAll);
        Map<String, ClaimFacts> claims = graph.claims(tx, scope, claimIds);
        Map<String, LiabilityGraph.RecordFacts> records = graph.records(tx, scope, recordIds);
        Map<String, List<Views.Path>> byPair = new LinkedHashMap<>();
        for (LiabilityGraph.PathRow row : rows) {
            LiabilityGraph.RecordFacts incident = records.get(row.incident());
            List<Views.Path> paths = byPair.computeIfAbsent(row.person() + "\n" + row.incident(), k -> new ArrayList<>());
            PathAssembly.paths(row, incident, claims, records).forEach(p -> {
                if (!paths.contains(p)) {
                    paths.add(p);
                }
            });
        }
        List<Views.Link> links = new ArrayList<>();
        byPair.forEach((key, paths) -> {
            String[] ids = key.split("\n");
            paths.sort(Comparator.comparing((Views.Path p) -> -p.strength().ordinal())
                    .thenComparing(p -> StrengthRule.Involvement.of(p.involvement()).rank())
                    .thenComparing(p -> MODES.indexOf(p.mode())).thenComparing(Views.Path::depth));
            List<Views.Ref> others = alsoKnownAs.getOrDefault(ids[0], List.of()).stream().sorted()
                    .map(id -> records.get(id).ref()).toList();
            links.add(new Views.Link(records.get(ids[0]).ref(), others, records.get(ids[1]).incident(), paths.getFirst().strength(), paths));
        });
        links.sort(order);
        return links;
    }

    static boolean inaction(String investigation) {
        return investigation != null && INACTION.contains(investigation);
    }
}
