package org.chainline.liability;

import jakarta.inject.Singleton;
import org.chainline.cases.Scope;
import org.chainline.graph.CypherQueries;
import org.chainline.graph.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The liability questions' Cypher, and one mapping function per kind of row. */
@Singleton
final class LiabilityGraph {

    static final List<String> COMMAND_ROLES = LiabilityPaths.COMMAND_ROLES;

    private final Graph graph;
    private final String incidentPaths = CypherQueries.load("liability/incident-paths");
    private final String personPaths = CypherQueries.load("liability/person-paths");
    private final String claims = CypherQueries.load("liability/claims");
    private final String records = CypherQueries.load("liability/records");
    private final String unitChain = CypherQueries.load("liability/unit-chain");
    private final String unitBelow = CypherQueries.load("liability/unit-below");
    private final String commanders = CypherQueries.load("liability/commanders");
    private final String personPostings = CypherQueries.load("liability/person-postings");
    private final String identities = CypherQueries.load("liability/identities");
    private final String alsoKnownAs = CypherQueries.load("liability/also-known-as");

    LiabilityGraph(Graph graph) {
        this.graph = graph;
    }

    record PathRow(String person, String incident, String route, String role, List<String> claims, List<String> units,
                   int depth, List<String> knowledge, List<String> failures) {

        /** This path of another record of the same person, continued by the Identity claims to {@code person}. */
        PathRow via(String samePerson, List<String> identityClaims) {
            List<String> all = new ArrayList<>(claims);
            all.addAll(identityClaims);
            return new PathRow(samePerson, incident, route, role, List.copyOf(all), units, depth, knowledge, failures);
        }
    }

    record RecordFacts(String id, String type, String name, String latinName, String start, String end,
                       Validity.Window window, String placeName, List<String> violations, String investigation) {
        Views.Ref ref() {
            return new Views.Ref(id, type, name, latinName);
        }

        Views.IncidentRef incident() {
            return new Views.IncidentRef(id, name, start, end, placeName, violations, investigation);
        }
    }

    /** A walk through UNDER links: units from the start outwards, and the claims linking them. */
    record Walk(List<String> units, List<String> links) {
    }

    record Held(String unit, String person, String role, String claim) {
    }

    /**
     * Runs one question in one read transaction: a transaction costs more here than the queries in it, so each
     * answer makes one.
     */
    <T> T read(TransactionCallback<T> question) {
        return graph.read(question);
    }

    List<PathRow> pathsOfIncident(TransactionContext tx, Scope scope, String id, int maxDepth) {
        return tx.run(incidentPaths, scope.parameters("id", id, "roles", COMMAND_ROLES, "maxDepth", maxDepth))
                .list(LiabilityGraph::asPathRow);
    }

    List<PathRow> pathsOfPerson(TransactionContext tx, Scope scope, String id, int maxDepth) {
        return tx.run(personPaths, scope.parameters("id", id, "roles", COMMAND_ROLES, "maxDepth", maxDepth))
                .list(LiabilityGraph::asPathRow);
    }

    /** The person and every record Identity claims make the same person, each with the claims that say so. */
    Map<String, List<String>> identities(TransactionContext tx, Scope scope, String person) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        tx.run(identities, scope.parameters("id", person)).list()
                .forEach(r -> found.put(r.get("person").asString(), strings(r.get("claims"))));
        return found;
    }

    /** For each person, the other records of the same person. */
    Map<String, List<String>> alsoKnownAs(TransactionContext tx, Scope scope, Collection<String> persons) {
        Map<String, List<String>> found = new HashMap<>();
        tx.run(alsoKnownAs, scope.parameters("ids", List.copyOf(persons))).list()
                .forEach(r -> found.put(r.get("person").asString(), strings(r.get("others"))));
        return found;
    }

    Map<String, ClaimFacts> claims(TransactionContext tx, Scope scope, Collection<String> ids) {
        Map<String, ClaimFacts> found = new HashMap<>();
        tx.run(claims, scope.parameters("ids", List.copyOf(ids))).list(ClaimSummaries::asClaim).forEach(c -> found.put(c.id(), c));
        return found;
    }

    Map<String, RecordFacts> records(TransactionContext tx, Scope scope, Collection<String> ids) {
        Map<String, RecordFacts> found = new HashMap<>();
        tx.run(records, scope.parameters("ids", List.copyOf(ids))).list(LiabilityGraph::asRecord).forEach(r -> found.put(r.id(), r));
        return found;
    }

    List<Walk> above(TransactionContext tx, Scope scope, String unit, Validity.Window at, int maxDepth) {
        return walk(tx, scope, unitChain, unit, at, maxDepth);
    }

    List<Walk> below(TransactionContext tx, Scope scope, String unit, Validity.Window at, int maxDepth) {
        return walk(tx, scope, unitBelow, unit, at, maxDepth);
    }

    private List<Walk> walk(TransactionContext tx, Scope scope, String query, String unit, Validity.Window at, int maxDepth) {
        return tx.run(query, scope.parameters("id", unit, "atMin", at.startMin(), "atMax", at.endMax(),
                "maxDepth", maxDepth)).list(r -> new Walk(strings(r.get("units")), strings(r.get("links"))));
    }

    List<Held> commanders(TransactionContext tx, Scope scope, Collection<String> units, Validity.Window at) {
        return tx.run(commanders, scope.parameters("units", List.copyOf(units), "roles", COMMAND_ROLES,
                "atMin", at.startMin(), "atMax", at.endMax())).list(r -> new Held(r.get("unit").asString(),
                r.get("person").asString(), null, r.get("claim").asString()));
    }

    List<Held> postings(TransactionContext tx, Scope scope, String person, Validity.Window at) {
        return tx.run(personPostings, scope.parameters("id", person, "atMin", at.startMin(),
                "atMax", at.endMax())).list(r -> new Held(r.get("unit").asString(), person, r.get("role").asString(),
                r.get("claim").asString()));
    }

    private static PathRow asPathRow(Record r) {
        return new PathRow(r.get("person").asString(), r.get("incident").asString(), r.get("route").asString(),
                r.get("role").asString(null), strings(r.get("claims")), strings(r.get("units")), r.get("depth").asInt(),
                strings(r.get("knowledge")), strings(r.get("failures")));
    }

    private static RecordFacts asRecord(Record r) {
        Validity.Window window = r.get("startMin").isNull() ? null : new Validity.Window(date(r.get("startMin")),
                date(r.get("startMax")), date(r.get("endMin")), date(r.get("endMax")));
        return new RecordFacts(r.get("id").asString(), r.get("type").asString(null), r.get("name").asString(null),
                r.get("latinName").asString(null), r.get("start").asString(null), r.get("end").asString(null), window,
                r.get("placeName").asString(null), strings(r.get("violations")), r.get("investigation").asString(null));
    }

    static List<String> strings(Value v) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        v.values().forEach(x -> {
            if (!x.isNull()) {
                out.add(x.asString());
            }
        });
        return out;
    }

    static LocalDate date(Value v) {
        return v.isNull() ? null : v.asLocalDate();
    }
}
