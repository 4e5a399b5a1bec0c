package org.chainline.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.chainline.cases.Scope;
import org.chainline.graph.CypherQueries;
import org.chainline.graph.Graph;
import org.chainline.registry.model.RecordType;
import org.chainline.registry.names.NameKeys;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.ClientException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Questions across records, answered by the graph: pages and name search (as ids), references and citations. */
@Singleton
public final class RecordGraph {

    private final Graph graph;
    private final String list = CypherQueries.load("registry/list");
    private final String search = CypherQueries.load("registry/search");
    private final String referrers = CypherQueries.load("registry/referrers");
    private final String referring = CypherQueries.load("registry/referring");
    private final String claimsAbout = CypherQueries.load("registry/claims-about");
    private final String citedBy = CypherQueries.load("registry/cited-by");
    private final String resampleIndexes = CypherQueries.load("registry/resample-indexes");
    private final String clearQueryCaches = CypherQueries.load("registry/clear-query-caches");

    RecordGraph(Graph graph) {
        this.graph = graph;
    }

    /** A record found by a list or a search: its id and, for a search, how well it matched. */
    record Hit(String id, Double score) {
    }

    List<Hit> list(Scope scope, RecordType type, boolean includeRetired, int skip, int limit) {
        return graph.read(tx -> tx.run(list, scope.parameters("label", type.name(), "includeRetired", includeRetired,
                "skip", skip, "limit", limit)).list(RecordGraph::asHit));
    }

    List<Hit> search(Scope scope, RecordType type, String query, boolean includeRetired, int skip, int limit) {
        return graph.read(tx -> tx.run(search, scope.parameters("query", lucene(query), "label", type == null ? null : type.name(),
                "includeRetired", includeRetired, "skip", skip, "limit", limit)).list(RecordGraph::asHit));
    }


    /**
     * Every query word must match, allowing a typo or two in longer words (Lucene fuzzy terms) or the beginning of a
     * word. The words are folded Latin letters and digits only, so nothing in them is Lucene syntax.
     */
    static String lucene(String query) {
        List<String> terms = new ArrayList<>();
        for (String word : NameKeys.words(query)) {
            int edits = word.length() <= 3 ? 0 : word.length() <= 6 ? 1 : 2;
            terms.add(edits == 0 ? "(" + word + " OR " + word + "*)" : "(" + word + "~" + edits + " OR " + word + "*)");
        }
        return terms.stream().collect(Collectors.joining(" AND "));
    }

    List<String> claimsAbout(Scope scope, String id) {
        return graph.read(tx -> tx.run(claimsAbout, scope.parameters("id", id)).list(r -> r.get("id").asString()));
    }

    List<String> referring(Scope scope, String type, String id) {
        return graph.read(tx -> tx.run(referring, scope.parameters("id", id, "type", type)).list(r -> r.get("id").asString()));
    }

    /** Live records that refer to a record: those the scope sees, by type and id, and whether others do too. */
    record Referrers(List<String> seen, boolean unseen) {
    }

    Referrers referrers(Scope scope, String id) {
        List<Record> rows = graph.read(tx -> tx.run(referrers, scope.parameters("id", id)).list());
        List<String> seen = rows.stream().filter(r -> r.get("seen").asBoolean())
                .map(r -> r.get("type").asString("Record") + " " + r.get("id").asString()).limit(10).toList();
        return new Referrers(seen, rows.stream().anyMatch(r -> !r.get("seen").asBoolean()));
    }

    List<Citing> citedBy(Scope scope, String id) {
        return graph.read(tx -> tx.run(citedBy, scope.parameters("id", id)).list(r -> new Citing(r.get("claim").asString(),
                r.get("type").asString(), r.get("stance").asString(), r.get("pinpoint").asString(null), r.get("retired").asBoolean())));
    }

    /**
     * After a bulk import: plans cached while the graph was small walk it badly once it is large (measured: person
     * liability p50 210 ms instead of 6 ms at 10^5 records), so statistics are resampled and plans dropped.
     */
    public void refreshStatistics() {
        try (var session = graph.session()) {
            session.run(resampleIndexes).consume();
            session.run(clearQueryCaches).consume();
        } catch (ClientException e) {
            // an external Neo4j may not let this account run them; queries are then replanned when Neo4j decides
            org.slf4j.LoggerFactory.getLogger(RecordGraph.class).info("Could not refresh the graph's statistics: {}", e.code());
        }
    }

    private static Hit asHit(Record r) {
        return new Hit(r.get("id").asString(), r.get("score").isNull() ? null : Math.round(r.get("score").asDouble() * 1000) / 1000.0);
    }

    /** A claim citing an evidence item. */
    @Serdeable
    public record Citing(String claim, String type, String stance, @Nullable String pinpoint, boolean retired) {
    }
}
