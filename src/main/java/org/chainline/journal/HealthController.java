package org.chainline.journal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Whether both stores answer, how long the journal is and how far the graph lags behind it. The only
 * endpoint open without a token; it says nothing about the content of a case.
 */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Health")
class HealthController {

    private final Journal journal;
    private final Projector projector;

    HealthController(Journal journal, Projector projector) {
        this.journal = journal;
        this.projector = projector;
    }

    @Operation(summary = "Both stores up or down, journal head and projection lag; 503 when a store is down or the graph"
            + " is ahead of the journal")
    @Get
    HttpResponse<Health> health() {
        Long head = null;
        Long projected = null;
        try {
            head = journal.head().seq();
        } catch (RuntimeException e) {
            // reported as DOWN below
        }
        try {
            projected = projector.position();
        } catch (RuntimeException e) {
            // reported as DOWN below
        }
        // a graph past the journal's head answers from entries the journal lost: not healthy, whatever else holds
        boolean up = head != null && projected != null && projected <= head;
        Health health = new Health(up ? "UP" : "DOWN",
                head != null ? "UP" : "DOWN",
                projected != null ? "UP" : "DOWN",
                new JournalStatus(head, projected, head != null && projected != null ? head - projected : null,
                        head != null && projected != null && projected > head
                                ? "the graph is ahead of the journal: the journal lost entries the graph had applied"
                                : projector.lastError().orElse(null)));
        return HttpResponse.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(health);
    }

    /** Overall status and each store's. */
    @Serdeable
    record Health(String status, String postgres, String neo4j, JournalStatus journal) {
    }

    /** The journal's last position, the graph's, the difference, and why projection stopped if it did. */
    @Serdeable
    record JournalStatus(@Nullable Long head, @Nullable Long projected, @Nullable Long lag,
                         @Nullable String projectionError) {
    }
}
