package org.chainline.sanctions;

import jakarta.inject.Singleton;
import org.chainline.cases.Scope;
import org.chainline.graph.CypherQueries;
import org.chainline.graph.Graph;
import org.neo4j.driver.Values;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The graph's answers the sanctions feature needs (graph-schema/queries/sanctions). */
@Singleton
class SanctionGraph {

    private final Graph graph;
    private final String personSanctions = CypherQueries.load("sanctions/person-sanctions");
    private final String listMatches = CypherQueries.load("sanctions/list-matches");
    private final String matchedSanctions = CypherQueries.load("sanctions/matched-sanctions");
    private final String persons = CypherQueries.load("sanctions/persons");
    private final String designated = CypherQueries.load("sanctions/designated");

    SanctionGraph(Graph graph) {
        this.graph = graph;
    }

    record Decision(String id, String person, String list, String entry, String decision) {
    }

    List<String> sanctionsOf(String person) {
        return graph.read(tx -> tx.run(personSanctions, Values.parameters("person", person)).list(r -> r.get("id").asString()));
    }

    List<Decision> decisions(String person, String list) {
        return graph.read(tx -> tx.run(listMatches, Values.parameters("person", person, "list", list))
                .list(r -> new Decision(r.get("id").asString(), r.get("person").asString(), r.get("list").asString(),
                        r.get("entry").asString(), r.get("decision").asString())));
    }

    List<String> sanctionsMatchedBy(String match) {
        return graph.read(tx -> tx.run(matchedSanctions, Values.parameters("match", match)).list(r -> r.get("id").asString()));
    }

    /** Every live person the scope sees, by id. */
    List<String> persons(Scope scope) {
        return graph.read(tx -> tx.run(persons, scope.parameters()).list(r -> r.get("id").asString()));
    }

    /** Persons the scope sees with an active designation by a jurisdiction, on a designation the scope sees. */
    Set<String> designatedBy(Scope scope, String jurisdiction) {
        return new HashSet<>(graph.read(tx -> tx.run(designated, scope.parameters("jurisdiction", jurisdiction))
                .list(r -> r.get("id").asString())));
    }
}
