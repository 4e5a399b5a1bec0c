package org.chainline.journal;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Every projected node and relationship as sorted lines, to compare two graphs exactly. The projection's own
 * bookkeeping (its position, batches and generation) is left out: a rebuilt graph is a new generation of the same graph.
 */
public final class GraphDump {

    private GraphDump() {
    }

    public static List<String> of(Driver driver) {
        List<String> lines = new ArrayList<>();
        try (Session s = driver.session()) {
            s.run("MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:ProjectionState RETURN labels(n) AS labels, properties(n) AS props")
                    .forEachRemaining(r -> lines.add("node " + r.get("labels").asList() + " "
                            + new TreeMap<>(r.get("props").asMap())));
            s.run("MATCH (a)-[r]->(b) RETURN type(r) AS type, properties(r) AS props, a.id AS from, b.id AS to")
                    .forEachRemaining(r -> lines.add("rel " + r.get("type").asString() + " " + r.get("from")
                            + "->" + r.get("to") + " " + new TreeMap<>(r.get("props").asMap())));
        }
        lines.sort(String::compareTo);
        return lines;
    }
}
