package org.chainline.cases;

import jakarta.inject.Singleton;
import org.chainline.graph.CypherQueries;
import org.chainline.graph.Graph;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Cases as the graph holds them. */
@Singleton
final class CaseRepository {

    private final Graph graph;
    private final String find = CypherQueries.load("cases/find");
    private final String list = CypherQueries.load("cases/list");

    CaseRepository(Graph graph) {
        this.graph = graph;
    }

    Optional<Case> find(String id) {
        return graph.read(tx -> tx.run(find, Values.parameters("id", id)).list()).stream().findFirst().map(CaseRepository::asCase);
    }

    List<Case> list(Scope scope, String status, int skip, int limit) {
        return graph.read(tx -> tx.run(list, Values.parameters("status", status, "skip", skip, "limit", limit,
                        "everyCase", scope.isEveryCase(), "cases", scope.cases())).list())
                .stream().map(CaseRepository::asCase).toList();
    }

    static Case asCase(Record record) {
        Value c = record.get("c");
        return new Case(c.get("id").asString(), c.get("title").asString(), c.get("summary").asString(null),
                c.get("status").asString(), instant(c.get("openedAt")), c.get("openedBy").asString(),
                instant(c.get("updatedAt")), c.get("closedAt").isNull() ? null : instant(c.get("closedAt")));
    }

    private static Instant instant(Value value) {
        return value.asZonedDateTime().toInstant();
    }
}
