package org.chainline.dossier;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.chainline.graph.GraphRebuilding;
import org.chainline.refusal.NotFound;
import org.chainline.refusal.Refusal;
import org.chainline.storage.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Dossier generation as background jobs with progress, kept in PostgreSQL ({@code dossier_job}): any instance that
 * serves takes queued jobs, one at a time (drawing a large dossier takes the machine), and any instance reports any
 * job. A running job's heartbeat moves every few seconds; a job whose heartbeat stopped (its instance was stopped or
 * killed mid-way) is failed with the reason by the next instance that looks, and can be asked for again: the same
 * record gives the same dossier.
 */
@Singleton
public class DossierJobs {

    private static final Logger LOG = LoggerFactory.getLogger(DossierJobs.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(3);
    static final Duration STALE = Duration.ofSeconds(20);
    /** How long a job waits for a rebuild of the graph to end before it fails. */
    static final Duration REBUILD_WAIT = Duration.ofMinutes(30);
    private static final String COLUMNS = "id, subject, regime, audience, state, stage, percent, dossier_id, existed, error";

    private final Dossiers dossiers;
    private final TransactionOperations<Connection> transactions;
    private final Duration poll;
    /** This process among the instances: a job it runs names it, so that its heartbeat is told apart. */
    private final String instance = "instance-" + UUID.randomUUID().toString().substring(0, 8);
    private final Object wake = new Object();
    private volatile ScheduledExecutorService worker;
    private volatile String running;
    private volatile boolean stopping;

    DossierJobs(Dossiers dossiers, TransactionOperations<Connection> transactions,
                @Value("${chainline.dossier.job-poll:2s}") Duration poll) {
        this.dossiers = dossiers;
        this.transactions = transactions;
        this.poll = poll;
    }

    /** A job's state: queued, running (with its stage and share done), done (with the dossier) or failed (why). */
    @Serdeable
    public record Job(String id, String subject, String regime, String audience, String state, String stage, int percent,
                      @Nullable Dossier dossier, @Nullable Boolean existed, @Nullable String error) {
    }

    /** Queues the order; whichever serving instance is free first takes it. */
    public Job submit(String actor, Dossiers.Order order) {
        String id = "job-" + UUID.randomUUID();
        sql("queued", c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO dossier_job (id, actor, subject, regime, audience, draft, annexed, state, stage, percent,
                        created_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 'queued', 0, now(), now())""")) {
                insert.setString(1, id);
                insert.setString(2, actor);
                insert.setString(3, order.subject());
                insert.setString(4, order.regime());
                insert.setString(5, order.audience());
                insert.setBoolean(6, order.draft());
                insert.setArray(7, c.createArrayOf("text", order.annexed().toArray()));
                insert.executeUpdate();
            }
            return null;
        });
        synchronized (wake) {
            wake.notifyAll();
        }
        return get(id);
    }

    public Job get(String id) {
        reapStale();
        Job job = sql("read", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM dossier_job WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    String dossier = rs.getString(8);
                    boolean existed = rs.getBoolean(9);
                    Boolean existedOrNull = rs.wasNull() ? null : existed;
                    return new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getInt(7), dossier == null ? null : dossiers.get(dossier), existedOrNull,
                            rs.getString(10));
                }
            }
        });
        if (job == null) {
            throw new NotFound("dossier job", id);
        }
        return job;
    }

    /** Starts taking jobs once this instance serves (a command line run never takes an organisation's jobs). */
    @EventListener
    void onServerStartup(ServerStartupEvent event) {
        start();
    }

    synchronized void start() {
        if (worker != null) {
            return;
        }
        worker = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "dossier-jobs");
            t.setDaemon(true);
            return t;
        });
        worker.execute(this::work);
        worker.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                reapStale();
                Optional<Claimed> next = claim();
                if (next.isPresent()) {
                    run(next.get());
                    continue;
                }
            } catch (RuntimeException e) {
                LOG.warn("Dossier jobs could not be read: {}", StoreUnavailableException.rootMessage(e));
            }
            synchronized (wake) {
                try {
                    wake.wait(poll.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private record Claimed(String id, String actor, Dossiers.Order order) {
    }

    private Optional<Claimed> claim() {
        return Optional.ofNullable(sql("claim", c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    UPDATE dossier_job SET state = 'running', stage = 'starting', instance = ?, heartbeat_at = now()
                    WHERE id = (SELECT id FROM dossier_job WHERE state = 'queued' ORDER BY created_at
                                FOR UPDATE SKIP LOCKED LIMIT 1)
                    RETURNING id, actor, subject, regime, audience, draft, annexed""")) {
                select.setString(1, instance);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    running = rs.getString(1);
                    return new Claimed(rs.getString(1), rs.getString(2),
                            new Dossiers.Order(rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6),
                                    List.of((String[]) rs.getArray(7).getArray())));
                }
            }
        }));
    }

    private void run(Claimed job) {
        try {
            Dossiers.Generated generated = generateWaitingOutRebuilds(job);
            finish(job.id(), "done", generated.dossier().id(), generated.existed(), null);
        } catch (Refusal | StoreUnavailableException e) {
            finish(job.id(), "failed", null, null, e.getMessage());
        } catch (RuntimeException e) {
            // only the job and the exception's kind are logged: a message might quote the record
            LOG.error("dossier job {} failed: {}", job.id(), e.getClass().getName());
            finish(job.id(), "failed", null, null, "the dossier could not be generated (" + e.getClass().getSimpleName()
                    + "); the server log names the job " + job.id());
        } finally {
            running = null;
        }
    }

    /** A rebuild of the graph (on any instance) holds the job back until it ends: no dossier is made from a partial graph. */
    private Dossiers.Generated generateWaitingOutRebuilds(Claimed job) {
        long deadline = System.nanoTime() + REBUILD_WAIT.toNanos();
        while (true) {
            try {
                return dossiers.generate(job.actor(), job.order(), (stage, percent) -> progress(job.id(), stage, percent));
            } catch (GraphRebuilding e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                progress(job.id(), "waiting for the graph's rebuild to end", 5);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void progress(String id, String stage, int percent) {
        sql("progress", c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE dossier_job SET stage = ?, percent = ?, heartbeat_at = now() WHERE id = ? AND state = 'running'")) {
                update.setString(1, stage);
                update.setInt(2, percent);
                update.setString(3, id);
                update.executeUpdate();
            }
            return null;
        });
    }

    private void finish(String id, String state, String dossier, Boolean existed, String error) {
        if (stopping) {
            return; // the shutdown has said why the job stopped
        }
        finishNow(id, state, dossier, existed, error);
    }

    private void finishNow(String id, String state, String dossier, Boolean existed, String error) {
        sql("finish", c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE dossier_job SET state = ?, stage = ?, percent = 100, dossier_id = ?, existed = ?, error = ?,
                        heartbeat_at = now() WHERE id = ?""")) {
                update.setString(1, state);
                update.setString(2, state);
                update.setString(3, dossier);
                update.setObject(4, existed);
                update.setString(5, error);
                update.setString(6, id);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** Tells the other instances that the job this one runs is still under way (drawing may not report for a while). */
    private void beat() {
        String id = running;
        if (id == null) {
            return;
        }
        try {
            sql("heartbeat", c -> {
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE dossier_job SET heartbeat_at = now() WHERE id = ? AND state = 'running' AND instance = ?")) {
                    update.setString(1, id);
                    update.setString(2, instance);
                    update.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            // the store away: the next beat tries again
        }
    }

    /** Fails the running jobs whose instance stopped beating, with the reason; keeps finished jobs for 30 days. */
    void reapStale() {
        sql("reap", c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE dossier_job SET state = 'failed', stage = 'failed', percent = 100, error = ?
                    WHERE state = 'running' AND heartbeat_at < now() - make_interval(secs => ?)""")) {
                update.setString(1, "the instance generating it stopped before it finished (it was restarted or killed);"
                        + " nothing was kept from it: ask again, the same record gives the same dossier");
                update.setLong(2, STALE.toSeconds());
                update.executeUpdate();
            }
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM dossier_job WHERE state IN ('done', 'failed') AND heartbeat_at < now() - interval '30 days'")) {
                delete.executeUpdate();
            }
            return null;
        });
    }

    private interface Sql<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T sql(String what, Sql<T> work) {
        return transactions.executeWrite(status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("dossier jobs (" + what + "): " + e.getMessage(), e);
            }
        });
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stopping = true;
        String id = running;
        ScheduledExecutorService w = worker;
        if (w != null) {
            w.shutdownNow();
        }
        if (id != null) {
            try {
                finishNow(id, "failed", null, null, "the instance generating it was stopped before it finished; nothing"
                        + " was kept from it: ask again, the same record gives the same dossier");
            } catch (RuntimeException e) {
                // the store is closing too: another instance fails the job once its heartbeat is stale
            }
        }
    }
}
