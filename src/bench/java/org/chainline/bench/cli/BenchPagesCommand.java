package org.chainline.bench.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.chainline.Application;
import org.chainline.bench.HttpBenchmark;
import org.chainline.bench.Bench;
import org.chainline.bench.SyntheticCase;
import org.chainline.registry.imports.RecordImport;
import org.chainline.security.Accounts;
import org.chainline.security.IssuedPassword;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

@Command(name = "pages", mixinStandardHelpOptions = true,
        description = {"Measure the workspace's server rendering on a generated case (10^5 records by default), in fresh",
                "embedded stores under a temporary directory: p50 and p99 of each screen, beside the JSON API answers",
                "that give the same data (asked one after the other) as the floor."})
final class BenchPagesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "100000", description = "Records in the generated case (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5", description = "Seconds per row (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "1", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;

    /** A screen, and the API requests that answer with the same data. */
    private record Pair(String screen, IntFunction<HttpRequest.Builder> page, List<IntFunction<HttpRequest.Builder>> api) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter log = spec.commandLine().getErr();
        Path dir = Files.createTempDirectory("chainline-bench-pages");
        List<HttpBenchmark.Result[]> rows = new ArrayList<>();
        try (ApplicationContext context = ApplicationContext.builder(Application.class)
                .properties(Map.of("chainline.data-dir", dir.resolve("data").toString(), "micronaut.server.port", -1,
                        "chainline.protection.key-file", dir.resolve("protection.key").toString(),
                        "chainline.rate-limit.per-second", 0, "chainline.projector.interval", "1h"))
                .deduceEnvironment(false).banner(false).start()) {
            Path file = dir.resolve("case.ndjson");
            long lines = SyntheticCase.ofNodes(1, nodes).write(file);
            log.printf("bench pages: importing %,d generated records%n", lines);
            context.getBean(RecordImport.class).run(Bench.filing(context), "benchmark", file, RecordImport.Progress.NONE);
            Accounts accounts = context.getBean(Accounts.class);
            IssuedPassword issued = accounts.create("bench", "bench-counsel", Set.of("counsel"));
            accounts.changePassword("bench-counsel", issued.oneTimePassword(), "a benchmark passphrase");
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            URI base = server.getURI();
            HttpBenchmark bench = new HttpBenchmark(base);
            String token = bench.login("bench-counsel", "a benchmark passphrase");
            // pages take the same bearer token as the API (a browser sends it in its cookie): one account for both
            List<Pair> pairs = List.of(
                    new Pair("home", page(bench, "/?regime=us-glomag", token), List.of(api(bench, "/api/cases?status=open&limit=10", token),
                            api(bench, "/api/journal?after=0&limit=12", token), api(bench, "/api/dossiers", token), api(bench, "/health", null))),
                    new Pair("home: gap report (kept per journal position)", page(bench, "/home/gaps?regime=us-glomag", token),
                            List.of(api(bench, "/api/sanctions/gaps?regime=us-glomag", token))),
                    new Pair("search", page(bench, "/search?q=Unit%2012", token), List.of(api(bench, "/api/search?q=Unit%2012&limit=200", token))),
                    new Pair("person", page(bench, "/records/person/p-1", token), List.of(api(bench, "/api/persons/p-1", token),
                            api(bench, "/api/persons/p-1/chain-of-command?at=2022-06-01", token), api(bench, "/api/persons/p-1/liability", token),
                            api(bench, "/api/sanctions/candidates?person=p-1", token), api(bench, "/api/dossiers?subject=p-1", token))),
                    new Pair("unit", page(bench, "/records/unit/u-1", token), List.of(api(bench, "/api/units/u-1", token),
                            api(bench, "/api/units/u-1/chain-of-command?at=2022-06-01", token))),
                    new Pair("incident", page(bench, "/records/incident/i-1", token), List.of(api(bench, "/api/incidents/i-1", token),
                            api(bench, "/api/incidents/i-1/liability", token))),
                    new Pair("evidence item", page(bench, "/records/evidence/e-1", token), List.of(api(bench, "/api/evidence/e-1", token),
                            api(bench, "/api/evidence/e-1/custody", token), api(bench, "/api/evidence/e-1/cited-by", token))),
                    new Pair("chain of command", page(bench, "/units/u-1/chain?date=2022-06-01", token),
                            List.of(api(bench, "/api/units/u-1/chain-of-command?at=2022-06-01&maxDepth=12", token))),
                    new Pair("liability", page(bench, "/records/person/p-1/liability", token), List.of(api(bench, "/api/persons/p-1/liability", token))),
                    new Pair("timeline", page(bench, "/records/person/p-1/timeline", token), List.of(api(bench, "/api/persons/p-1/chain-of-command?at=2022-06-01", token),
                            api(bench, "/api/persons/p-1/liability", token))),
                    new Pair("network", page(bench, "/records/unit/u-1/network", token), List.of(api(bench, "/records/unit/u-1/network.json", token))),
                    new Pair("edit form", page(bench, "/records/person/p-1/edit", token), List.of(api(bench, "/api/persons/p-1", token))),
                    new Pair("evidence list", page(bench, "/evidence", token), List.of(api(bench, "/api/evidence?limit=200", token))),
                    new Pair("dossier builder", page(bench, "/dossiers", token), List.of(api(bench, "/api/dossiers", token),
                            api(bench, "/api/regimes", token))));
            for (Pair p : pairs) {
                log.printf("bench pages: %s%n", p.screen());
                HttpBenchmark.Scenario page = new HttpBenchmark.Scenario(p.screen() + " page", p.page());
                HttpBenchmark.Scenario api = new HttpBenchmark.Scenario(p.screen() + " API", p.api());
                bench.run(page, clients, Duration.ofSeconds(1)); // warm up both
                bench.run(api, clients, Duration.ofSeconds(1));
                rows.add(new HttpBenchmark.Result[] {bench.run(api, clients, Duration.ofSeconds(seconds)),
                        bench.run(page, clients, Duration.ofSeconds(seconds))});
            }
            server.stop();
        } finally {
            BenchCommand.delete(dir);
        }
        out.printf("%nWorkspace pages beside their API answers (%,d generated records, %d client(s), %d s per row, %d cores, JDK %s)%n",
                nodes, clients, seconds, Runtime.getRuntime().availableProcessors(), Runtime.version());
        out.println("| screen | API requests | API p50 / p99 (ms) | page p50 / p99 (ms) | page p99 / API p99 | within 2× | page statuses |");
        out.println("|---|---:|---:|---:|---:|---|---|");
        boolean all = true;
        for (HttpBenchmark.Result[] r : rows) {
            double ratio = r[1].p99() / r[0].p99();
            all &= ratio <= 2;
            out.printf("| %s | %s | %.2f / %.2f | %.2f / %.2f | %.2f | %s | %s |%n", r[1].scenario().replace(" page", ""),
                    r[0].statuses(), r[0].p50(), r[0].p99(), r[1].p50(), r[1].p99(), ratio, ratio <= 2 ? "yes" : "NO", r[1].statuses());
        }
        out.println(all ? "Every page is within twice its API answers at p99." : "Some pages take more than twice their API answers at p99.");
        return 0;
    }

    private static IntFunction<HttpRequest.Builder> page(HttpBenchmark bench, String path, String token) {
        return n -> bench.get(path, token).header("Accept", "text/html");
    }

    private static IntFunction<HttpRequest.Builder> api(HttpBenchmark bench, String path, String token) {
        return n -> bench.get(path, token);
    }
}
