package org.chainline.bench.cli;

import io.micronaut.context.ApplicationContext;
import org.chainline.Application;
import org.chainline.bench.CaseBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "cases", mixinStandardHelpOptions = true,
        description = {"What the case boundary costs: --cases cases of --nodes records each in one instance, and the same",
                "questions asked by a member of one case, of every case, and without the case filter (as before compartments)."})
final class BenchCasesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--cases", paramLabel = "N", defaultValue = "10", description = "How many cases (default ${DEFAULT-VALUE}).")
    int cases;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "10000", description = "Records per case (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "300", description = "Questions timed per kind and reader (default ${DEFAULT-VALUE}).")
    int samples;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter log = spec.commandLine().getErr();
        Path dir = Files.createTempDirectory("chainline-bench-cases");
        List<CaseBenchmark.Row> rows;
        try (ApplicationContext context = ApplicationContext.builder(Application.class)
                .properties(Map.of("chainline.data-dir", dir.resolve("data").toString(), "chainline.projector.interval", "1h"))
                .deduceEnvironment(false).banner(false).start()) {
            rows = CaseBenchmark.in(context, log).run(cases, nodes, samples, dir);
        } finally {
            BenchCommand.delete(dir);
        }
        out.printf("%nCase boundary benchmark: %d cases of %,d records (%d cores, JDK %s)%n", cases, nodes,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        out.println("| question | no case filter p50 / p99 (ms) | member of one case p50 / p99 (ms) | ratio p99 | member of all p50 / p99 (ms) | ratio p99 |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (CaseBenchmark.Row r : rows) {
            out.printf("| %s | %.2f / %.2f | %.2f / %.2f | %.2f | %.2f / %.2f | %.2f |%n", r.question(), r.unfiltered().p50(),
                    r.unfiltered().p99(), r.memberOfOne().p50(), r.memberOfOne().p99(), r.ratioOne(), r.memberOfAll().p50(),
                    r.memberOfAll().p99(), r.ratioAll());
        }
        return 0;
    }
}
