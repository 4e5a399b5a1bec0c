package org.chainline.bench.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.chainline.Application;
import org.chainline.bench.HttpBenchmark;
import org.chainline.demo.DemoCase;
import org.chainline.registry.imports.RecordImport;
import org.chainline.security.Accounts;
import org.chainline.security.IssuedPassword;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "http", mixinStandardHelpOptions = true,
        description = {"Measure the HTTP API under concurrency on the demo case, in fresh embedded stores under a temporary",
                "directory: reads (liability, chain of command, lists, search) and writes (record creation) with p50, p99",
                "and errors, beside the same server's /health as the floor."})
final class BenchHttpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--clients", split = ",", paramLabel = "N", defaultValue = "1,8,32",
            description = "Concurrent clients per run (default ${DEFAULT-VALUE}).")
    List<Integer> clients;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5", description = "Seconds per scenario and concurrency (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--only", paramLabel = "TEXT", description = "Only the scenarios whose name contains TEXT (health always runs).")
    String only;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter log = spec.commandLine().getErr();
        Path dir = Files.createTempDirectory("chainline-bench-http");
        List<HttpBenchmark.Result> results = new ArrayList<>();
        try (ApplicationContext context = ApplicationContext.builder(Application.class)
                .properties(Map.of("chainline.data-dir", dir.resolve("data").toString(), "micronaut.server.port", -1,
                        "chainline.protection.key-file", dir.resolve("protection.key").toString(),
                        "chainline.rate-limit.per-second", 0))
                .deduceEnvironment(false).banner(false).start()) {
            context.getBean(DemoCase.class).load("bench", RecordImport.Progress.NONE);
            Accounts accounts = context.getBean(Accounts.class);
            IssuedPassword issued = accounts.create("bench", "bench-analyst", Set.of("analyst"));
            accounts.changePassword("bench-analyst", issued.oneTimePassword(), "a benchmark passphrase");
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            URI base = server.getURI();
            HttpBenchmark bench = new HttpBenchmark(base);
            String token = bench.login("bench-analyst", "a benchmark passphrase");
            List<HttpBenchmark.Scenario> scenarios = List.of(
                    new HttpBenchmark.Scenario("health (floor)", n -> bench.get("/health", null)),
                    new HttpBenchmark.Scenario("liability of a person", n -> bench.get("/api/persons/p-otegulov/liability", token)),
                    new HttpBenchmark.Scenario("chain of command at a date", n -> bench.get("/api/units/u-rrr7-sniper/chain-of-command?at=2025-03-06", token)),
                    new HttpBenchmark.Scenario("list 100 persons", n -> bench.get("/api/persons?limit=100", token)),
                    new HttpBenchmark.Scenario("search across scripts", n -> bench.get("/api/search?q=Zhaksybekof", token)),
                    new HttpBenchmark.Scenario("create a record", n -> bench.post("/api/persons", token,
                            "{\"names\": [{\"value\": \"Fictional Bench Person " + n + "\"}]}")));
            for (HttpBenchmark.Scenario s : scenarios) {
                if (only != null && !s.name().startsWith("health") && !s.name().contains(only)) {
                    continue;
                }
                for (int c : clients) {
                    log.printf("bench http: %s with %d client(s) for %d s%n", s.name(), c, seconds);
                    results.add(bench.run(s, c, Duration.ofSeconds(seconds)));
                }
            }
            // logins are Argon2id checks, deliberately slow: a storm of them must not starve everything else
            HttpBenchmark.Scenario logins = new HttpBenchmark.Scenario("logins", n -> bench.post("/login", token,
                    "{\"username\": \"bench-analyst\", \"password\": \"a benchmark passphrase\"}"));
            if (only == null || "logins".contains(only) || only.contains("login")) {
                log.printf("bench http: health during 64 clients logging in for %d s%n", seconds);
                results.add(bench.runBeside(scenarios.getFirst(), 1, logins, 64, Duration.ofSeconds(seconds)));
            }
            server.stop();
        } finally {
            BenchCommand.delete(dir);
        }
        out.printf("%nHTTP API benchmark (%d cores, JDK %s, %d s per row; one JVM serves and drives)%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), seconds);
        out.println("| scenario | clients | requests | per second | p50 (ms) | p99 (ms) | p50 / health p50 | errors | statuses |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for (HttpBenchmark.Result r : results) {
            double floor = results.stream().filter(f -> f.scenario().equals("health (floor)") && f.clients() == r.clients())
                    .mapToDouble(HttpBenchmark.Result::p50).findFirst().orElse(Double.NaN);
            out.printf("| %s | %d | %,d | %,.0f | %.2f | %.2f | %.1f | %d | %s |%n", r.scenario(), r.clients(), r.requests(),
                    r.perSecond(), r.p50(), r.p99(), r.p50() / floor, r.errors(), r.statuses());
        }
        return 0;
    }
}
