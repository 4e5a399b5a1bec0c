package org.chainline.graph;

import jakarta.inject.Singleton;
import org.chainline.storage.StoreSettings;
import org.chainline.storage.StoreUnavailableException;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/**
 * The accountability graph as features see it: sessions and transactions in Chainline's database. A feature's read
 * never answers from a graph being rebuilt: it checks the graph's state before and after it reads, and if a rebuild
 * was under way at either time, or ran in between, it is refused as the store being unavailable (503 with
 * {@code Retry-After}) rather than answered from a partial graph.
 */
@Singleton
public final class Graph {

    private final Driver driver;
    private final StoreSettings settings;
    private final String stateQuery = CypherQueries.load("graph/state");

    public Graph(Driver driver, StoreSettings settings) {
        this.driver = driver;
        this.settings = settings;
    }

    /**
     * How far the journal is projected, whether a rebuild runs, which generation of the graph this is, and the format
     * it was projected in.
     */
    public record State(long position, boolean rebuilding, long generation, long format) {
    }

    /** The graph is being rebuilt from the journal: come back when it is done. */
    public static GraphRebuilding rebuilding() {
        return new GraphRebuilding();
    }

    public Session session() {
        return driver.session(GraphConfig.session(settings));
    }

    /** The graph's state, read on its own (by the projector, and by readers that span several reads). */
    public State state() {
        try (Session session = session()) {
            return session.executeRead(this::state);
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            throw unavailable(e);
        }
    }

    /** The state as a transaction sees it now. */
    public State state(TransactionContext tx) {
        Record r = tx.run(stateQuery).single();
        return new State(r.get("position").asLong(), r.get("rebuilding").asBoolean(), r.get("generation").asLong(),
                r.get("format").asLong());
    }

    /** A feature's read, refused while the graph is being rebuilt (see the class). */
    public <T> T read(TransactionCallback<T> work) {
        try (Session session = session()) {
            return session.executeRead(tx -> {
                State before = state(tx);
                if (before.rebuilding()) {
                    throw rebuilding();
                }
                T result;
                try {
                    result = work.execute(tx);
                } catch (RuntimeException e) {
                    // a read that met the wipe (a node deleted under it) fails rather than returning: that is the
                    // rebuild too, not an internal error
                    if (rebuiltSince(before)) {
                        throw rebuilding();
                    }
                    throw e;
                }
                // read committed: this sees a rebuild that began, or ended, while the work read
                State after = state(tx);
                if (after.rebuilding() || after.generation() != before.generation()) {
                    throw rebuilding();
                }
                return result;
            });
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            throw unavailable(e);
        }
    }

    /** Whether a rebuild runs now or ran since {@code before} (read apart: the failed transaction can read nothing more). */
    private boolean rebuiltSince(State before) {
        try {
            State now = state();
            return now.rebuilding() || now.generation() != before.generation();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public <T> T write(TransactionCallback<T> work) {
        try (Session session = session()) {
            return session.executeWrite(work);
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            throw unavailable(e);
        }
    }

    private static StoreUnavailableException unavailable(RuntimeException e) {
        return new StoreUnavailableException("the graph store (Neo4j) is unavailable: "
                + StoreUnavailableException.rootMessage(e), e);
    }
}
