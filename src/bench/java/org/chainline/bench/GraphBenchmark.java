package org.chainline.bench;

import io.micronaut.context.ApplicationContext;
import org.chainline.graph.CypherQueries;
import org.chainline.graph.Graph;
import org.chainline.liability.LiabilityPaths;
import org.chainline.registry.imports.ImportReport;
import org.chainline.registry.imports.RecordImport;
import org.chainline.registry.model.Model;
import org.neo4j.driver.Session;
import org.neo4j.driver.Values;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One size of the graph benchmark, in one store: the raw UNWIND baseline, the one-statement-per-row baseline (on
 * a prefix of the same rows), then Chainline's import end to end (check, journal, projection), then liability-path
 * latency on the imported graph.
 */
public final class GraphBenchmark {

    static final int BATCH = 2000;

    private final Graph graph;
    private final Model model;
    private final RecordImport recordImport;
    private final LiabilityPaths liability;
    private final PrintWriter log;
    private final String rawUpsert = CypherQueries.load("bench/raw-upsert");
    private final String wipe = CypherQueries.load("journal/wipe-projection");

    /** The benchmark over the stores of a started application context. */
    public static GraphBenchmark in(ApplicationContext context, PrintWriter log) {
        Bench.filing(context);
        return new GraphBenchmark(context.getBean(Graph.class), context.getBean(Model.class), context.getBean(RecordImport.class),
                context.getBean(LiabilityPaths.class), log);
    }

    GraphBenchmark(Graph graph, Model model, RecordImport recordImport, LiabilityPaths liability, PrintWriter log) {
        this.graph = graph;
        this.model = model;
        this.recordImport = recordImport;
        this.liability = liability;
        this.log = log;
    }

    public record Result(int nodes, int persons, long lines, double importPerSecond, double rawPerSecond, double perRowPerSecond,
                  int perRowSample, Latency person, Latency incident) {
        public double ratioToRaw() {
            return importPerSecond / rawPerSecond;
        }

        public double ratioToPerRow() {
            return importPerSecond / perRowPerSecond;
        }
    }

    public Result run(int nodes, Path file, SyntheticCase generated, long lines, int perRowSample, int latencySamples) throws IOException {
        RawRows raw = new RawRows(model);
        log.printf("[%,d nodes] raw UNWIND baseline...%n", nodes);
        long t0 = System.nanoTime();
        List<Map<String, Object>> batch = new ArrayList<>(BATCH);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                batch.add(raw.row(line));
                if (batch.size() == BATCH) {
                    upsert(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
        }
        upsert(batch);
        double rawRate = lines / seconds(t0);
        wipe();

        log.printf("[%,d nodes] one statement per row (first %,d rows)...%n", nodes, Math.min(perRowSample, lines));
        // Every k-th row, so that the sample has the file's mix of entities and claims; each row is written as a
        // request would write it: its own session and write transaction.
        long every = Math.max(1, lines / perRowSample);
        List<Map<String, Object>> sample = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = in.readLine()) != null && sample.size() < perRowSample) {
                if (n++ % every == 0) {
                    sample.add(raw.row(line));
                }
            }
        }
        int done = 0;
        t0 = System.nanoTime();
        for (Map<String, Object> row : sample) {
            graph.write(tx -> tx.run(rawUpsert, Values.parameters("rows", List.of(row))).consume());
            done++;
        }
        double perRowRate = done / seconds(t0);
        wipe();

        log.printf("[%,d nodes] Chainline import (check, journal, projection)...%n", nodes);
        t0 = System.nanoTime();
        ImportReport report = recordImport.run(Bench.FILING, "benchmark", file, RecordImport.Progress.NONE);
        double importRate = lines / seconds(t0);
        if (!report.applied()) {
            throw new IllegalStateException("the generated case did not import: " + report.errors());
        }
        log.printf("[%,d nodes] import phases: check and journal %,d ms, projection %,d ms%n", nodes,
                report.phases().journalMillis(), report.phases().projectMillis());

        log.printf("[%,d nodes] liability-path latency...%n", nodes);
        // Collect the import's garbage first, as a server would have by the time someone asks; the warm-up below
        // lets the query plans and the JIT settle.
        System.gc();
        Random random = new Random(7);
        int units = Math.max(6, generated.persons() / 5);
        int incidents = Math.max(2, generated.persons() / 10);
        Latency person = measure(latencySamples, () -> liability.ofPerson(Bench.OPERATOR, "p-" + (2 * random.nextInt(units) + random.nextInt(2)), 6));
        Latency incident = measure(latencySamples, () -> liability.ofIncident(Bench.OPERATOR, "i-" + random.nextInt(incidents), 6));
        return new Result(nodes, generated.persons(), lines, importRate, rawRate, perRowRate, done, person, incident);
    }

    private Latency measure(int samples, Runnable question) {
        for (int i = 0; i < Math.max(50, samples); i++) {
            question.run();
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long t = System.nanoTime();
            question.run();
            nanos[i] = System.nanoTime() - t;
        }
        return Latency.of(nanos);
    }

    private void upsert(List<Map<String, Object>> rows) {
        if (!rows.isEmpty()) {
            graph.write(tx -> tx.run(rawUpsert, Values.parameters("rows", rows)).consume());
        }
    }

    private void wipe() {
        try (Session session = graph.session()) {
            session.run(wipe).consume();
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
