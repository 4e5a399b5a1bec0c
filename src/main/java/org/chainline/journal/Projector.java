package org.chainline.journal;

import jakarta.inject.Singleton;
import org.chainline.graph.CypherQueries;
import org.chainline.graph.Graph;
import org.chainline.storage.SessionLocks;
import org.chainline.storage.StoreUnavailableException;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Carries journal entries into the graph in order, remembering in the graph itself (in the same Neo4j
 * transaction as the changes) the last position applied. Entries at or before that position are never
 * applied again; if the graph was down, the next catch-up resumes where it stopped.
 *
 * <p>Several instances may share the stores; one projects at a time. The projector's lock is a PostgreSQL advisory
 * lock, taken for each catch-up: an instance that finds it taken waits for the holder to carry its entries (the
 * holder projects up to the journal's head) or, in the background, simply leaves the work to it. Each batch also
 * claims the position in the graph first (see {@code claim-position.cypher}), so that even a projector that lost its
 * lock with its connection applies nothing another has applied.
 */
@Singleton
public class Projector {

    private static final Logger LOG = LoggerFactory.getLogger(Projector.class);
    static final int BATCH = 5000;
    /** The advisory lock's key: "chainline projector" in a long. */
    static final long LOCK_KEY = 0x636861696e6c6e70L;
    /** How long a caller waits for another instance's projector to move, before it gives up. */
    static final Duration STALL = Duration.ofSeconds(20);
    /** How the graph is projected: 2 since every edge is keyed (claim-position.cypher, registry/create.cypher). */
    static final long FORMAT = 2;

    private final JournalEntryRepository entries;
    private final Graph graph;
    private final SessionLocks locks;
    private final Map<String, GraphProjection> byKind = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final String claimQuery = CypherQueries.load("journal/claim-position");
    private final String advanceQuery = CypherQueries.load("journal/advance-position");
    private final String startRebuildQuery = CypherQueries.load("journal/start-rebuild");
    private final String endRebuildQuery = CypherQueries.load("journal/end-rebuild");
    private final String wipeQuery = CypherQueries.load("journal/wipe-projection");
    private volatile String lastError;
    private final Executor prefetch = Executors.newVirtualThreadPerTaskExecutor();

    Projector(JournalEntryRepository entries, Graph graph, SessionLocks locks, List<GraphProjection> projections) {
        this.entries = entries;
        this.graph = graph;
        this.locks = locks;
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
        return graph.state().position();
    }

    /** The graph's position, whether a rebuild is under way (here or on another instance), and its generation. */
    public Graph.State state() {
        return graph.state();
    }

    /** The graph's position is past the journal's head. */
    public static final class GraphAheadOfJournal extends IllegalStateException {
        GraphAheadOfJournal(String message) {
            super(message);
        }
    }

    /** Another batch was applied at the position this projector read (another instance's projector). */
    private static final class PositionMoved extends RuntimeException {
        PositionMoved() {
            super(null, null, false, false);
        }
    }

    /** Why the last catch-up stopped, if it did. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** Applies every entry after the graph's position, here or by the instance projecting; returns how many were applied here. */
    public int catchUp() {
        return catchUp(applied -> { });
    }

    /**
     * As {@link #catchUp()}, telling {@code progress} the running count after each batch. If another instance holds
     * the projector, waits until it has carried the graph to the journal's head as it was at the call (it carries it
     * there), or refuses as the graph being unavailable if its projection stops moving for {@link #STALL}. A rebuild
     * under way is waited for in the same way: it ends at the head.
     */
    public int catchUp(IntConsumer progress) {
        return catchUp(progress, true);
    }

    /**
     * As {@link #catchUp(IntConsumer)}; without {@code waitForRebuild}, a rebuild under way is left to carry the entries
     * (what a write does: it is answered, and the rebuild ends at the head). With it, the caller waits for the rebuild to
     * end (whoever runs it, here or elsewhere, for as long as its position moves): what needs the graph itself next,
     * a dossier, an import's report, a command line.
     */
    private int catchUp(IntConsumer progress, boolean waitForRebuild) {
        long target = entries.head().seq();
        long deadline = System.nanoTime() + STALL.toNanos();
        long seen = -1;
        while (true) {
            Optional<Integer> applied = tryCatchUp(progress);
            if (applied.isPresent()) {
                return applied.get();
            }
            Graph.State state = graph.state();
            if (state.rebuilding() ? !waitForRebuild : state.position() >= target) {
                return 0;
            }
            if (state.position() != seen) {
                seen = state.position();
                deadline = System.nanoTime() + STALL.toNanos();
            } else if (System.nanoTime() > deadline) {
                lastError = "another instance holds the projector and the graph has not moved for " + STALL.toSeconds() + " s";
                throw new StoreUnavailableException("the graph is behind the journal: " + lastError);
            }
            sleep(20);
        }
    }

    /** Catches up if no other instance is projecting; empty if one is (it carries the entries). */
    Optional<Integer> tryCatchUp(IntConsumer progress) {
        // a thread of this instance projecting (or rebuilding) counts as any other projector: wait for it by the graph
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        try {
            Optional<SessionLocks.Held> held = locks.tryHold(LOCK_KEY);
            if (held.isEmpty()) {
                return Optional.empty();
            }
            try (SessionLocks.Held ignored = held.get()) {
                return Optional.of(projectHolding(progress));
            }
        } finally {
            lock.unlock();
        }
    }

    /** With the projector's lock: finishes a rebuild another instance left half done, then applies what is new. */
    private int projectHolding(IntConsumer progress) {
        Graph.State state;
        try {
            state = graph.state();
        } catch (RuntimeException e) {
            lastError = e.getClass().getSimpleName() + " while reading the graph's position";
            throw e;
        }
        if (state.rebuilding()) {
            // whoever began it is gone (it would hold the lock): the graph is wiped again and replayed from the start
            LOG.warn("A rebuild of the graph was left unfinished (generation {}); finishing it", state.generation());
            return rebuildHolding(progress);
        }
        if (state.format() < FORMAT && state.position() > 0) {
            // an earlier version created edges without keys: merging could not recognise them, so the graph is made anew
            LOG.warn("The graph was projected by an earlier version of Chainline (format {}); rebuilding it in format {}",
                    state.format(), FORMAT);
            return rebuildHolding(progress);
        }
        int applied = applyAll(progress);
        if (state.format() < FORMAT) {
            graph.write(tx -> tx.run(endRebuildQuery, Values.parameters("format", FORMAT)).consume());
        }
        return applied;
    }

    private int rebuildHolding(IntConsumer progress) {
        wipeAndRestart();
        int applied = applyAll(progress);
        graph.write(tx -> tx.run(endRebuildQuery, Values.parameters("format", FORMAT)).consume());
        return applied;
    }

    private void wipeAndRestart() {
        graph.write(tx -> tx.run(startRebuildQuery).consume());
        try (Session session = graph.session()) {
            session.run(wipeQuery).consume();
        }
    }

    private int applyAll(IntConsumer progress) {
        long positionBefore = -1;
        try {
            int applied = 0;
            long position = graph.state().position();
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
                long expected = position;
                long last = batch.getLast().seq();
                List<JournalEntry> current = batch;
                // The next batch is read from PostgreSQL while the graph writes this one.
                CompletableFuture<List<JournalEntry>> next = current.size() == BATCH
                        ? CompletableFuture.supplyAsync(() -> entries.after(last, BATCH), prefetch)
                        : null;
                try {
                    graph.write(tx -> {
                        Record claimed = tx.run(claimQuery).single();
                        if (claimed.get("position").asLong() != expected) {
                            throw new PositionMoved();
                        }
                        applyInRuns(current, tx);
                        tx.run(advanceQuery, Values.parameters("seq", last)).consume();
                        return null;
                    });
                } catch (PositionMoved e) {
                    // only a projector that lost its lock gets here: it stops, the other carries on
                    if (next != null) {
                        next.cancel(true);
                    }
                    LOG.warn("Another projector applied the entries after position {}; this one stops", expected);
                    lastError = null;
                    return applied;
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
            catchUp(applied -> { }, false);
        } catch (RuntimeException e) {
            LOG.warn("Graph projection is behind the journal and will be retried: {}", lastError);
        }
    }

    /** In the background: catches up unless another instance is projecting (it carries the entries). */
    void catchUpIfFree() {
        tryCatchUp(applied -> { });
    }

    /**
     * Holds the projector: carries the graph to the journal's head, then runs {@code work} with the graph's state while
     * no projector on any instance moves it, so that every read {@code work} makes sees the graph at one position.
     * Writes go on being journaled and acknowledged meanwhile; they reach the graph when {@code work} returns. For
     * what must read much of the graph at one position while others keep writing (a dossier): it holds the graph
     * back for as long as it takes, so it is for work of seconds.
     */
    public <T> T holding(Function<Graph.State, T> work) {
        return withLock("try again", () -> {
            projectHolding(applied -> { });
            return work.apply(graph.state());
        });
    }

    /**
     * Empties the projected graph and replays the whole journal into it. Meanwhile readers on every instance are
     * refused with 503 (never answered from the partial graph), and other instances' projectors stand by: this holds
     * the projector's lock, waiting for it first if another instance is projecting.
     */
    public int rebuild() {
        return withLock("the graph was not rebuilt, try again", () -> rebuildHolding(applied -> { }));
    }

    /** Runs {@code work} with the projector's lock, waiting for it while another instance projects (for a while). */
    private <T> T withLock(String otherwise, Supplier<T> work) {
        long deadline = System.nanoTime() + STALL.toNanos() * 3;
        while (true) {
            lock.lock();
            try {
                Optional<SessionLocks.Held> held = locks.tryHold(LOCK_KEY);
                if (held.isPresent()) {
                    try (SessionLocks.Held ignored = held.get()) {
                        return work.get();
                    }
                }
            } finally {
                lock.unlock();
            }
            if (System.nanoTime() > deadline) {
                throw new StoreUnavailableException("another instance kept the projector for " + STALL.toSeconds() * 3
                        + " s; " + otherwise);
            }
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the projector");
        }
    }
}
