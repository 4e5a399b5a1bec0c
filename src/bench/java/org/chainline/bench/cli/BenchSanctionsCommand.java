package org.chainline.bench.cli;

import io.micronaut.context.ApplicationContext;
import org.chainline.Application;
import org.chainline.bench.BenchFiles;
import org.chainline.bench.ScreeningBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "sanctions", mixinStandardHelpOptions = true,
        description = {"Measure sanctions lists in fresh embedded stores under a temporary directory: importing a synthetic",
                "OpenSanctions-shaped list beside the floor of reading its CSV, a newer file with 1% changes, and screening",
                "graph persons by the blocking index beside scoring every person against every entry."})
final class BenchSanctionsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--entries", defaultValue = "100000", paramLabel = "N", description = "Persons on the list (default ${DEFAULT-VALUE}).")
    int entries;
    @Option(names = "--persons", defaultValue = "1000", paramLabel = "N", description = "Persons in the graph (default ${DEFAULT-VALUE}).")
    int persons;
    @Option(names = "--full-scan", defaultValue = "20", paramLabel = "N", description = "Persons scored against every entry for the baseline (default ${DEFAULT-VALUE}).")
    int fullScan;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter log = spec.commandLine().getErr();
        Path dir = Files.createTempDirectory("chainline-bench-sanctions");
        try (ApplicationContext context = ApplicationContext.builder(Application.class)
                .properties(Map.of("chainline.data-dir", dir.resolve("data").toString(), "chainline.projector.interval", "1h",
                        "chainline.protection.key-file", dir.resolve("protection.key").toString()))
                .deduceEnvironment(false).banner(false).start()) {
            ScreeningBenchmark.Result r = ScreeningBenchmark.run(context, dir, entries, persons, fullScan, log);
            out.printf("%nSanctions benchmark (%d cores, JDK %s)%n", Runtime.getRuntime().availableProcessors(), Runtime.version());
            out.println("| list | import | floor: read the CSV | ratio floor / import | newer file (1% listed, delisted, changed) | ratio first / newer |");
            out.println("|---:|---:|---:|---:|---:|---:|");
            out.printf("| %,d persons | %.2f s (%,.0f entries/s) | %.2f s | %.2f | %.2f s (%d, %d, %d) | %.2f |%n", r.entries(), r.importSeconds(),
                    r.entries() / r.importSeconds(), r.floorSeconds(), r.floorSeconds() / r.importSeconds(), r.reimportSeconds(),
                    r.listed(), r.delisted(), r.changed(), r.importSeconds() / r.reimportSeconds());
            double perPersonBlocked = r.screenSeconds() / r.persons();
            double perPersonFull = r.fullScanSeconds() / r.fullScanPersons();
            out.println();
            out.println("| screening | blocking index | planted found | full scan (every entry) | full-scan matches also found by blocking | speed-up |");
            out.println("|---:|---:|---:|---:|---:|---:|");
            out.printf("| %,d persons × %,d entries | %.2f s (%.1f ms/person) | %d of %d | %.2f s for %d persons (%.0f ms/person) | %d of %d | %.0f× |%n",
                    r.persons(), r.entries(), r.screenSeconds(), perPersonBlocked * 1e3, r.foundByBlocking(), r.planted(),
                    r.fullScanSeconds(), r.fullScanPersons(), perPersonFull * 1e3, r.blockingAgreesWithFullScan(), r.foundByFullScan(),
                    perPersonFull / perPersonBlocked);
            return 0;
        } finally {
            BenchFiles.delete(dir);
        }
    }
}
