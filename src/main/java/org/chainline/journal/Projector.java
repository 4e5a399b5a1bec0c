package org.chainline.journal;

import jakarta.inject.Singleton;
import org.chainline.graph.CypherQueries;
import org.chainline.graph.Graph;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Carries journal entries into the graph in order, remembering in the graph itself (in the same Neo4j
 * transaction as the changes) the last position applied. Entries at or before that position are never
 * applied again; if the graph was down, the next catch-up resumes where it stopped.
 */
@Singleton
public class Projector {

    private static final Logger LOG = LoggerFactory.getLogger(Projector.class);
    static final int BATCH = 5000;

    private final JournalEntryRepository entries;
    private final Graph graph;
    private final Map<String, GraphProjection> byKind = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final String positionQuery = CypherQueries.load("journal/projection-position");
    private final String advanceQuery = CypherQueries.load("journal/advance-position");
    private final String wipeQuery = CypherQueries.load("journal/wipe-projection");
    private volatile String lastError;
    private final Executor prefetch = Executors.newVirtualThreadPerTaskExecutor();

    Projector(JournalEntryRepository entries, Graph graph, List<GraphProjection> projections) {
        this.entries = entries;
        this.graph = graph;
        for (GraphProjection projection : projections) {
            for (String kind : projection.kinds()) {
                GraphProjection earlier = byKind.put(kind, projection);
                if (earlier != null) {
                    throw new IllegalStateException("journal kind " + kind + " is projected by both "
                            + earlier.getClass().getSimpleName() + " and " + projection.getClass().getSimpleName());
                }
            }
        }
    }

    /** The last journal position applied to the graph. */
    public long position() {
        return graph.read(tx -> tx.run(positionQuery).single().get("position").asLong());
    }

    /** The graph's position is past the journal's head. */
    public static final class GraphAheadOfJournal extends IllegalStateException {
        GraphAheadOfJournal(String message) {
            super(message);
        }
    }

    /** Why the last catch-up stopped, if it did. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** Applies every entry after the graph's position; returns how many were applied. */
    public int catchUp() {
        return catchUp(applied -> { });
    }

    /** As {@link #catchUp()}, telling {@code progress} the running count after each batch. */
    public int catchUp(java.util.function.IntConsumer progress) {
        lock.lock();
        long positionBefore = -1;
        try {
            int applied = 0;
            long position = position();
            positionBefore = position;
            long head = entries.head().seq();
            if (position > head) {
                // The graph holds entries the journal no longer has (a journal that lost commits, or was cut back):
                // projecting on would skip the new entries that take those positions. The graph is kept as evidence.
                lastError = "the graph is ahead of the journal (graph at " + position + ", journal head at " + head
                        + "): the journal lost entries the graph had applied; find out why, then run 'graph rebuild'";
                throw new GraphAheadOfJournal(lastError);
            }
            List<JournalEntry> batch = entries.after(position, BATCH);
            while (!batch.isEmpty()) {
                positionBefore = position;
                long last = batch.getLast().seq();
                List<JournalEntry> current = batch;
                // The next batch is read from PostgreSQL while the graph writes this one.
                CompletableFuture<List<JournalEntry>> next = current.size() == BATCH
                        ? CompletableFuture.supplyAsync(() -> entries.after(last, BATCH), prefetch)
                        : null;
                try {
                    graph.write(tx -> {
                        applyInRuns(current, tx);
                        tx.run(advanceQuery, Values.parameters("seq", last)).consume();
                        return null;
                    });
                } catch (RuntimeException e) {
                    if (next != null) {
                        next.cancel(true);
                    }
                    throw e;
                }
                applied += current.size();
                progress.accept(applied);
                position = last;
                batch = next == null ? entries.after(last, BATCH) : join(next);
            }
            lastError = null;
            return applied;
        } catch (GraphAheadOfJournal e) {
            throw e;
        } catch (RuntimeException e) {
            // Only positions and kinds are logged: payloads may hold what must not reach a log.
            lastError = e.getClass().getSimpleName() + (positionBefore < 0
                    ? " while reading the graph's position"
                    : " while projecting the entries after position " + positionBefore);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private static List<JournalEntry> join(CompletableFuture<List<JournalEntry>> next) {
        try {
            return next.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Hands each run of consecutive entries that one projection applies to it at once, in journal order. */
    private void applyInRuns(List<JournalEntry> batch, TransactionContext tx) {
        int from = 0;
        while (from < batch.size()) {
            GraphProjection projection = byKind.get(batch.get(from).kind());
            int to = from + 1;
            while (to < batch.size() && byKind.get(batch.get(to).kind()) == projection) {
                to++;
            }
            if (projection != null) {
                projection.apply(batch.subList(from, to), tx);
            }
            from = to;
        }
    }

    /** Catches up, and if the graph is unavailable leaves the entries for the next attempt. */
    public void catchUpQuietly() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            LOG.warn("Graph projection is behind the journal and will be retried: {}", lastError);
        }
    }

    /** Empties the projected graph and replays the whole journal into it. */
    public int rebuild() {
        lock.lock();
        try {
            try (Session session = graph.session()) {
                session.run(wipeQuery).consume();
            }
            return catchUp();
        } finally {
            lock.unlock();
        }
    }

}
