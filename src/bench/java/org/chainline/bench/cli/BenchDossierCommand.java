package org.chainline.bench.cli;

import org.chainline.bench.DossierBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "dossier", mixinStandardHelpOptions = true,
        description = {"Measure the dossier renderer on a generated fictional dossier (no stores needed): pages per second for",
                "a dossier of --incidents incidents beside plain PDFBox writing as many pages with as many characters in the",
                "same embedded font, and, in a child JVM with a small heap, the peak heap of a dossier of --heap-pages pages."})
final class BenchDossierCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--incidents", defaultValue = "100", paramLabel = "N", description = "Incidents of the timed dossier (default ${DEFAULT-VALUE}).")
    int incidents;
    @Option(names = "--warmup", defaultValue = "30", paramLabel = "N", description = "Untimed rounds of each contender first, for the JIT (default ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--runs", defaultValue = "15", paramLabel = "N", description = "Timed runs of each contender (default ${DEFAULT-VALUE}).")
    int runs;
    @Option(names = "--heap-pages", defaultValue = "1000", paramLabel = "N", description = "Pages of the heap probe, 0 to skip (default ${DEFAULT-VALUE}).")
    int heapPages;
    @Option(names = "--heap", defaultValue = "256m", paramLabel = "SIZE", description = "-Xmx of the heap probe's JVM (default ${DEFAULT-VALUE}).")
    String heap;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter log = spec.commandLine().getErr();
        DossierBenchmark.Result r = DossierBenchmark.run(incidents, warmup, runs, log);
        List<String> heapLines = heapPages > 0
                ? ChildJvm.run(heap, log, "dossier-heap", "--pages", Integer.toString(heapPages)) : List.of();
        out.printf("%nDossier renderer benchmark (%d cores, JDK %s)%n", Runtime.getRuntime().availableProcessors(), Runtime.version());
        out.println("| dossier | pages | characters a page | Chainline dossier (layout, tables, links, PDF/A-3b) | raw PDFBox text pages, same font | ratio |");
        out.println("|---:|---:|---:|---:|---:|---:|");
        out.printf("| %d incidents | %,d | %,d | %.2f s (%,.0f pages/s) | %.2f s (%,.0f pages/s) | %.2f |%n", r.incidents(), r.pages(),
                r.charsPerPage(), r.dossierSeconds(), r.dossierPagesPerSecond(), r.rawSeconds(), r.rawPagesPerSecond(), r.ratio());
        heapLines.forEach(out::println);
        return 0;
    }

    @Command(name = "dossier-heap", hidden = true, description = "Draw a dossier of at least --pages pages in this JVM and report the heap.")
    static final class Heap implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--pages", defaultValue = "1000")
        int pages;

        @Override
        public Integer call() throws Exception {
            DossierBenchmark.Heap h = DossierBenchmark.heap(pages);
            PrintWriter out = spec.commandLine().getOut();
            out.println();
            out.println("| dossier drawn in a small heap | incidents | max heap (-Xmx) | peak heap live after a collection | time (cold JVM) |");
            out.println("|---:|---:|---:|---:|---:|");
            out.printf("| %,d pages | %,d | %,d MB | %,d MB | %.1f s |%n", h.pages(), h.incidents(), h.maxHeap() >> 20, h.peakLive() >> 20, h.seconds());
            return 0;
        }
    }
}
