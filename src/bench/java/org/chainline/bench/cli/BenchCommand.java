package org.chainline.bench.cli;

import io.micronaut.context.ApplicationContext;
import org.chainline.Application;
import org.chainline.bench.GraphBenchmark;
import org.chainline.bench.SyntheticCase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The benchmarks' command line, the entry point of {@code chainline-bench.jar}: a jar of its own beside the product's
 * (which it reads through its class path), so that the jar users run holds no benchmark and no synthetic data.
 */
@Command(name = "chainline-bench", mixinStandardHelpOptions = true,
        subcommands = {BenchEvidenceCommand.class, BenchEvidenceCommand.Upload.class, BenchDossierCommand.class, BenchSanctionsCommand.class,
                BenchHttpCommand.class, BenchInstancesCommand.class, BenchPagesCommand.class, BenchCasesCommand.class,
                BenchDossierCommand.Heap.class, GenerateCommand.class, CommandLine.HelpCommand.class},
        description = {"Chainline's benchmarks (BENCHMARKS.md) and its synthetic cases, run beside target/chainline.jar.",
                "Without a command: the accountability graph on generated cases, each size in fresh embedded stores under a"
                        + " temporary directory (your data directory is not touched): import throughput end to end beside a raw"
                        + " batched UNWIND ... MERGE and one statement per row on the same rows, and liability-path latency."})
public final class BenchCommand implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a benchmark's command line and answers its exit code. */
    static int run(String... args) {
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        return cli.execute(args);
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "10000,100000,1000000",
            description = "Case sizes in graph nodes (default ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--per-row", paramLabel = "N", defaultValue = "2000",
            description = "Rows written one statement at a time for that baseline (default ${DEFAULT-VALUE}).")
    int perRow;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "300",
            description = "Liability questions timed per kind and size (default ${DEFAULT-VALUE}).")
    int samples;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter log = spec.commandLine().getErr();
        List<GraphBenchmark.Result> results = new ArrayList<>();
        for (int nodes : sizes) {
            Path dir = Files.createTempDirectory("chainline-bench");
            try {
                Path file = dir.resolve("case.ndjson");
                SyntheticCase generated = SyntheticCase.ofNodes(1, nodes);
                long lines = generated.write(file);
                try (ApplicationContext context = ApplicationContext.builder(Application.class)
                        .properties(Map.of("chainline.data-dir", dir.resolve("data").toString(), "chainline.projector.interval", "1h"))
                        .deduceEnvironment(false).banner(false).start()) {
                    results.add(GraphBenchmark.in(context, log).run(nodes, file, generated, lines, perRow, samples));
                }
            } finally {
                delete(dir);
            }
        }
        out.printf("%nAccountability graph benchmark (%d cores, JDK %s, max heap %,d MB)%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        out.println("| nodes | persons | Chainline import (records/s) | raw UNWIND MERGE (records/s) | ratio | one statement per row (records/s, rows) | ratio | person paths p50 / p95 (ms) | incident paths p50 / p95 (ms) |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (GraphBenchmark.Result r : results) {
            out.printf("| %,d | %,d | %,.0f | %,.0f | %.2f | %,.0f (%,d) | %,.0f | %.2f / %.2f | %.2f / %.2f |%n", r.lines(), r.persons(),
                    r.importPerSecond(), r.rawPerSecond(), r.ratioToRaw(), r.perRowPerSecond(), r.perRowSample(), r.ratioToPerRow(),
                    r.person().p50(), r.person().p95(), r.incident().p50(), r.incident().p95());
        }
        return 0;
    }

    /** Removes a benchmark's temporary directory and everything in it. */
    static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
