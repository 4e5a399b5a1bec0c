package org.chainline.journal;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Lets the graph catch up with the journal in the background ({@code chainline.projector.interval}), so
 * that entries written while the graph was unavailable arrive once it is back. Scheduled only when the
 * context has started: a task that ran earlier would race start-up to create the stores.
 */
@Singleton
final class ProjectionSchedule {

    private final Projector projector;
    private final TaskScheduler scheduler;
    private final Duration interval;

    ProjectionSchedule(Projector projector, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                       @Value("${chainline.projector.interval:5s}") Duration interval) {
        this.projector = projector;
        this.scheduler = scheduler;
        this.interval = interval;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        scheduler.scheduleWithFixedDelay(Duration.ofSeconds(1), interval, projector::catchUpQuietly);
    }
}
