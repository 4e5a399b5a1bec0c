package org.chainline.dossier;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.chainline.refusal.NotFound;
import org.chainline.refusal.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Dossier generation as background jobs with progress, one at a time (drawing a large dossier takes the machine).
 * Jobs live in memory: the dossiers they make are in the store, so a restart loses only the progress of work under
 * way, which can be asked for again.
 */
@Singleton
public class DossierJobs {

    private static final Logger LOG = LoggerFactory.getLogger(DossierJobs.class);
    private static final int KEPT = 200;

    private final Dossiers dossiers;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dossier-jobs");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    DossierJobs(Dossiers dossiers) {
        this.dossiers = dossiers;
    }

    /** A job's state: queued, running (with its stage and share done), done (with the dossier) or failed (why). */
    @Serdeable
    public record Job(String id, String subject, String regime, String audience, String state, String stage, int percent,
                      @Nullable Dossier dossier, @Nullable Boolean existed, @Nullable String error) {
    }

    public Job submit(String actor, Dossiers.Order order) {
        String id = "job-" + UUID.randomUUID();
        update(new Job(id, order.subject(), order.regime(), order.audience(), "queued", "queued", 0, null, null, null));
        worker.submit(() -> run(id, actor, order));
        return get(id);
    }

    private void run(String id, String actor, Dossiers.Order order) {
        try {
            Dossiers.Generated generated = dossiers.generate(actor, order, (stage, percent) -> update(
                    new Job(id, order.subject(), order.regime(), order.audience(), "running", stage, percent, null, null, null)));
            update(new Job(id, order.subject(), order.regime(), order.audience(), "done", "done", 100, generated.dossier(),
                    generated.existed(), null));
        } catch (Refusal e) {
            update(new Job(id, order.subject(), order.regime(), order.audience(), "failed", "failed", 100, null, null, e.getMessage()));
        } catch (RuntimeException e) {
            // only the job and the exception's kind are logged: a message might quote the record
            LOG.error("dossier job {} failed: {}", id, e.getClass().getName());
            update(new Job(id, order.subject(), order.regime(), order.audience(), "failed", "failed", 100, null, null,
                    "the dossier could not be generated (" + e.getClass().getSimpleName() + "); the server log names the job " + id));
        }
    }

    public synchronized Job get(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            throw new NotFound("dossier job", id);
        }
        return job;
    }

    private synchronized void update(Job job) {
        jobs.put(job.id(), job);
        while (jobs.size() > KEPT) {
            String oldest = jobs.keySet().iterator().next();
            if (!jobs.get(oldest).state().equals("done") && !jobs.get(oldest).state().equals("failed")) {
                break;
            }
            jobs.remove(oldest);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
