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
 * Whether both stores answer, how long the journal is, how far the graph lags behind it, whether it is being rebuilt,
 * and what the last graph check found (status DEGRADED when it found drift). The only
 * endpoint open without a token; it says nothing about the content of a case.
 */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Health")
class HealthController {

    private final StoreStatus stores;

    HealthController(StoreStatus stores) {
        this.stores = stores;
    }

    @Operation(summary = "Both stores up or down, journal head and projection lag; 503 when a store is down or the graph"
            + " is ahead of the journal")
    @Get
    HttpResponse<Health> health() {
        StoreStatus.Now now = stores.now();
        GraphCheck.Report last = now.lastCheck();
        // drift is reported, and the instance stays in service: every instance shares the graph, so taking them out of a
        // load balancer would only stop the service; 'graph rebuild' mends it
        Health health = new Health(!now.up() ? "DOWN" : now.drift() ? "DEGRADED" : "UP",
                now.head() != null ? "UP" : "DOWN",
                now.projected() != null ? "UP" : "DOWN",
                new JournalStatus(now.head(), now.projected(), now.lag(), now.problem(), now.rebuilding()),
                last == null ? null : new GraphStatus(last.status(), last.checkedAt(), last.journalHead(),
                        last.duplicateRelationships(), last.differences().size()));
        return HttpResponse.status(now.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(health);
    }

    /** Overall status and each store's. */
    @Serdeable
    record Health(String status, String postgres, String neo4j, JournalStatus journal, @Nullable GraphStatus graph) {
    }

    /**
     * The last graph check (by any instance): its status, when, at which position, and how many counts differed. Not
     * which, nor by how much: counts of persons, sources or victims by label say how large a case is, and health is
     * open to anyone; counsel and administrators read them at {@code GET /api/graph/check}.
     */
    @Serdeable
    record GraphStatus(String check, String checkedAt, long atPosition, long duplicateRelationships, int differingCounts) {
    }

    /** The journal's last position, the graph's, the difference, and why projection stopped if it did. */
    @Serdeable
    record JournalStatus(@Nullable Long head, @Nullable Long projected, @Nullable Long lag,
                         @Nullable String projectionError, boolean rebuilding) {
    }
}
