package org.chainline.journal;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * Lets the graph catch up with the journal in the background ({@code chainline.projector.interval}), so
 * that entries written while the graph was unavailable arrive once it is back. Scheduled only when the
 * context has started: a task that ran earlier would race start-up to create the stores. Stopped when the context
 * shuts down, and a run that the shutdown cuts short says nothing: the stores closing under it is not the graph falling
 * behind (a short command line would otherwise end with a warning).
 */
@Singleton
final class ProjectionSchedule {

    private final Projector projector;
    private final GraphCheck check;
    private final TaskScheduler scheduler;
    private final Duration interval;
    private final Duration checkInterval;
    private volatile boolean stopping;
    private ScheduledFuture<?> task;
    private ScheduledFuture<?> checkTask;

    ProjectionSchedule(Projector projector, GraphCheck check, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                       @Value("${chainline.projector.interval:5s}") Duration interval,
                       @Value("${chainline.graph.check-interval:30m}") Duration checkInterval) {
        this.projector = projector;
        this.check = check;
        this.scheduler = scheduler;
        this.interval = interval;
        this.checkInterval = checkInterval;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        task = scheduler.scheduleWithFixedDelay(Duration.ofSeconds(1), interval, this::catchUp);
        checkTask = scheduler.scheduleWithFixedDelay(checkInterval, checkInterval, this::check);
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stopping = true;
        if (task != null) {
            task.cancel(false);
        }
        if (checkTask != null) {
            checkTask.cancel(false);
        }
    }

    /** Compares the graph with the journal now and then, so that /health reports drift nobody asked about. */
    private void check() {
        if (stopping) {
            return;
        }
        try {
            GraphCheck.Report report = check.check();
            if (report.status().equals("drift")) {
                org.slf4j.LoggerFactory.getLogger(GraphCheck.class).warn("The graph differs from what the journal implies"
                        + " ({} repeated relationships, {} counts differ); run 'graph rebuild'",
                        report.duplicateRelationships(), report.differences().size());
            }
        } catch (RuntimeException e) {
            // a store away: the next round checks again
        }
    }

    private void catchUp() {
        if (stopping) {
            return;
        }
        try {
            projector.catchUpIfFree();
        } catch (RuntimeException e) {
            if (!stopping) {
                org.slf4j.LoggerFactory.getLogger(Projector.class).warn("Graph projection is behind the journal and will be retried: {}",
                        projector.lastError().orElse(e.getClass().getSimpleName()));
            }
        }
    }
}
