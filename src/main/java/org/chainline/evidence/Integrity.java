package org.chainline.evidence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.chainline.evidence.files.FileStore;
import org.chainline.input.Json;
import org.chainline.journal.Journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Re-hashes every file the store must hold and reports those missing or altered. Each file's result is journaled in
 * its custody ({@code custody.verified} on {@code file:<sha256>}), so an item's report shows when it was last found
 * intact.
 */
@Singleton
public class Integrity {

    private static final int PAGE = 500;

    private final FileStore files;
    private final Journal journal;
    private final Custody custody;
    private final TransactionOperations<Connection> transactions;

    Integrity(FileStore files, Journal journal, Custody custody, TransactionOperations<Connection> transactions) {
        this.files = files;
        this.journal = journal;
        this.custody = custody;
        this.transactions = transactions;
    }

    /** A file that is not as it arrived. */
    @Serdeable
    public record Problem(String sha256, String evidence, String problem, @Nullable String foundSha256) {
    }

    /** What a check found: files checked, intact, the problems, and files in the store that no item records. */
    @Serdeable
    public record Report(long checked, long intact, List<Problem> problems, List<String> unrecorded, long bytes, long millis) {

        public boolean clean() {
            return problems.isEmpty();
        }
    }

    public Report verify(String actor, String reason) {
        long started = System.nanoTime();
        List<StoredFiles.Row> all = new ArrayList<>();
        String after = "";
        while (true) {
            String from = after;
            List<StoredFiles.Row> page = transactions.executeRead(s -> StoredFiles.page(s.getConnection(), from, PAGE));
            all.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
            after = page.getLast().sha256();
        }
        List<Optional<String>> found = rehashAll(all);
        List<Problem> problems = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < all.size(); i++) {
            StoredFiles.Row row = all.get(i);
            Optional<String> actual = found.get(i);
            if (actual.isEmpty()) {
                problems.add(new Problem(row.sha256(), row.evidenceId(), "missing", null));
            } else if (!actual.get().equals(row.sha256())) {
                problems.add(new Problem(row.sha256(), row.evidenceId(), "altered", actual.get()));
            } else {
                bytes += row.size();
            }
        }
        journal.write(actor, reason, Journal.AfterCommit.LEAVE_TO_SCHEDULE, batch -> {
            for (int i = 0; i < all.size(); i++) {
                StoredFiles.Row row = all.get(i);
                Optional<String> actual = found.get(i);
                String result = actual.isEmpty() ? "missing" : actual.get().equals(row.sha256()) ? "intact" : "altered";
                var details = Json.MAPPER.createObjectNode().put("sha256", row.sha256()).put("result", result);
                actual.filter(a -> !a.equals(row.sha256())).ifPresent(a -> details.put("foundSha256", a));
                custody.add(batch, Custody.fileTarget(row.sha256()), Custody.Action.VERIFIED, details);
            }
            return null;
        });
        Set<String> recorded = new HashSet<>();
        all.forEach(r -> recorded.add(r.sha256()));
        List<String> unrecorded = storedHashes().filter(h -> !recorded.contains(h)).sorted().toList();
        return new Report(all.size(), all.size() - problems.size(), problems, unrecorded, bytes,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Hashes on both cores: verification of a large store is bound by hashing. */
    private List<Optional<String>> rehashAll(List<StoredFiles.Row> rows) {
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())))) {
            List<Future<Optional<String>>> futures = new ArrayList<>(rows.size());
            for (StoredFiles.Row row : rows) {
                futures.add(pool.submit(() -> files.rehash(row.sha256())));
            }
            List<Optional<String>> out = new ArrayList<>(rows.size());
            for (Future<Optional<String>> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification was interrupted", e);
        } catch (ExecutionException e) {
            throw new UncheckedIOException("a stored file could not be read: " + e.getCause().getMessage(),
                    e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        }
    }

    private Stream<String> storedHashes() {
        return files.hashes();
    }

}
