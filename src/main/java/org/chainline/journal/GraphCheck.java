package org.chainline.journal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Singleton;
import org.chainline.graph.CypherQueries;
import org.chainline.graph.Graph;
import org.chainline.input.Json;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares the graph with what the journal implies: nodes by label and relationships by type, counted from the
 * records and cases as PostgreSQL holds them (in the snapshot in which the journal's head is read), against the graph
 * at that same position; and relationships that repeat another (same nodes, type and key), which projection never
 * makes. The last result is kept in PostgreSQL, so that every instance's {@code /health} reports it.
 */
@Singleton
public class GraphCheck {

    private static final int ATTEMPTS = 5;

    private final TransactionOperations<Connection> transactions;
    private final Graph graph;
    private final List<GraphProjection> projections;
    private final Clock clock;
    private final String nodesQuery = CypherQueries.load("journal/census-nodes");
    private final String relationshipsQuery = CypherQueries.load("journal/census-relationships");
    private final String duplicatesQuery = CypherQueries.load("journal/census-duplicates");

    GraphCheck(TransactionOperations<Connection> transactions, Graph graph, List<GraphProjection> projections, Clock clock) {
        this.transactions = transactions;
        this.graph = graph;
        this.projections = projections;
        this.clock = clock;
    }

    /** One count that differs: of nodes with a label or of relationships of a type. */
    @Serdeable
    public record Difference(String of, String name, long expected, long found) {
    }

    /**
     * What a check found. {@code status}: {@code consistent}; {@code drift} (counts differ, or relationships repeat);
     * {@code moving} (the journal moved on during every attempt, so counts could not be compared; repeats still are);
     * {@code rebuilding}.
     */
    @Serdeable
    public record Report(String status, String checkedAt, long journalHead, long graphPosition, long nodes,
                         long relationships, long duplicateRelationships, List<Difference> differences, long millis) {

        public boolean consistent() {
            return status.equals("consistent");
        }
    }

    /** Checks now, keeps the result for {@link #last()}, and returns it. */
    public Report check() {
        long started = System.nanoTime();
        Report report = null;
        for (int attempt = 0; attempt < ATTEMPTS && (report == null || report.status().equals("moving")); attempt++) {
            report = attempt(started);
        }
        Report kept = report;
        transactions.executeWrite(status -> {
            try (PreparedStatement upsert = status.getConnection().prepareStatement("""
                    INSERT INTO graph_check (id, checked_at, report) VALUES (1, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET checked_at = EXCLUDED.checked_at, report = EXCLUDED.report""")) {
                upsert.setTimestamp(1, Timestamp.from(Instant.parse(kept.checkedAt())));
                upsert.setString(2, Json.write(kept));
                upsert.executeUpdate();
            } catch (SQLException e) {
                throw new DataAccessException("the graph check cannot be kept: " + e.getMessage(), e);
            }
            return null;
        });
        return kept;
    }

    /** The last check's result, by whichever instance ran it. */
    public Optional<Report> last() {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("SELECT report FROM graph_check WHERE id = 1");
                 ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(Json.MAPPER.readValue(rs.getString(1), Report.class)) : Optional.<Report>empty();
            } catch (SQLException | IOException e) {
                throw new DataAccessException("the graph check cannot be read: " + e.getMessage(), e);
            }
        });
    }

    private Report attempt(long started) {
        String now = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        Graph.State before = graph.state();
        if (before.rebuilding()) {
            return new Report("rebuilding", now, -1, before.position(), 0, 0, 0, List.of(), elapsed(started));
        }
        DefaultTransactionDefinition snapshot = new DefaultTransactionDefinition();
        snapshot.setIsolationLevel(TransactionDefinition.Isolation.REPEATABLE_READ);
        snapshot.setReadOnly(true);
        Census expected = new Census();
        long head = transactions.execute(snapshot, status -> {
            Connection connection = status.getConnection();
            long seq;
            try (PreparedStatement select = connection.prepareStatement("SELECT seq FROM journal_head WHERE id = 1");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            } catch (SQLException e) {
                throw new DataAccessException("the journal's head cannot be read: " + e.getMessage(), e);
            }
            for (GraphProjection projection : projections) {
                projection.census(expected, connection);
            }
            return seq;
        });
        Census found = new Census();
        long[] duplicates = new long[1];
        graph.read(tx -> {
            tx.run(nodesQuery).forEachRemaining(r -> found.nodes(r.get("label").asString(), r.get("n").asLong()));
            tx.run(relationshipsQuery).forEachRemaining(r -> found.relationships(r.get("type").asString(), r.get("n").asLong()));
            tx.run(duplicatesQuery).forEachRemaining(r -> duplicates[0] += r.get("extra").asLong());
            return null;
        });
        Graph.State after = graph.state();
        long nodes = found.nodes().values().stream().mapToLong(Long::longValue).sum();
        long relationships = found.relationships().values().stream().mapToLong(Long::longValue).sum();
        boolean comparable = before.position() == head && after.position() == head && after.generation() == before.generation();
        if (!comparable) {
            return new Report(duplicates[0] > 0 ? "drift" : "moving", now, head, after.position(), nodes, relationships,
                    duplicates[0], List.of(), elapsed(started));
        }
        List<Difference> differences = new ArrayList<>();
        compare("nodes", expected.nodes(), found.nodes(), differences);
        compare("relationships", expected.relationships(), found.relationships(), differences);
        return new Report(differences.isEmpty() && duplicates[0] == 0 ? "consistent" : "drift", now, head, after.position(),
                nodes, relationships, duplicates[0], differences, elapsed(started));
    }

    private static void compare(String of, Map<String, Long> expected, Map<String, Long> found, List<Difference> into) {
        TreeSet<String> names = new TreeSet<>(expected.keySet());
        names.addAll(found.keySet());
        for (String name : names) {
            long e = expected.getOrDefault(name, 0L);
            long f = found.getOrDefault(name, 0L);
            if (e != f) {
                into.add(new Difference(of, name, e, f));
            }
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** For {@code /health}: the last result in a line's worth of fields, or null if no check ran yet. */
    public static @Nullable Report lastQuietly(GraphCheck check) {
        try {
            return check.last().orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
