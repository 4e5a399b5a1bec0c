package org.chainline.journal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.chainline.graph.Graph;

/**
 * The stores as they stand: the journal's head, the graph's position and whether it is being rebuilt, why projection
 * stopped if it did, and what the last graph check found. Read by the health endpoint and the workspace's home page,
 * so that both say the same; a store that does not answer is reported, never thrown.
 */
@Singleton
public class StoreStatus {

    private final Journal journal;
    private final Projector projector;
    private final @Nullable GraphCheck check;

    StoreStatus(Journal journal, Projector projector, @Nullable GraphCheck check) {
        this.journal = journal;
        this.projector = projector;
        this.check = check;
    }

    /**
     * {@code head} and {@code projected} are null when PostgreSQL or Neo4j does not answer; {@code problem} says why
     * projection stopped, or that the graph is ahead of the journal (which lost entries the graph had applied).
     */
    public record Now(@Nullable Long head, @Nullable Long projected, boolean rebuilding, @Nullable String problem,
                      @Nullable GraphCheck.Report lastCheck) {

        /** Both stores answer, and the graph is not past the journal. */
        public boolean up() {
            return head != null && projected != null && projected <= head;
        }

        /** Entries the graph has yet to apply, or null when a store does not answer. */
        public @Nullable Long lag() {
            return head != null && projected != null ? head - projected : null;
        }

        /** The last graph check found drift. */
        public boolean drift() {
            return lastCheck != null && lastCheck.status().equals("drift");
        }
    }

    public Now now() {
        Long head = null;
        Long projected = null;
        boolean rebuilding = false;
        try {
            head = journal.head().seq();
        } catch (RuntimeException e) {
            // PostgreSQL does not answer: reported as such
        }
        try {
            Graph.State state = projector.state();
            projected = state.position();
            rebuilding = state.rebuilding();
        } catch (RuntimeException e) {
            // Neo4j does not answer: reported as such
        }
        String problem = head != null && projected != null && projected > head
                ? "the graph is ahead of the journal: the journal lost entries the graph had applied"
                : projector.lastError().orElse(null);
        GraphCheck.Report last = check == null || head == null ? null : GraphCheck.lastQuietly(check);
        return new Now(head, projected, rebuilding, problem, last);
    }
}
