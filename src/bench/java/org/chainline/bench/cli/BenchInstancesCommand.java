package org.chainline.bench.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.chainline.Application;
import org.chainline.bench.HttpBenchmark;
import org.chainline.demo.DemoCase;
import org.chainline.graph.EmbeddedNeo4jServer;
import org.chainline.registry.imports.RecordImport;
import org.chainline.security.Accounts;
import org.chainline.security.IssuedPassword;
import org.chainline.storage.EmbeddedPostgresServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "instances", mixinStandardHelpOptions = true,
        description = {"Measure one and three Chainline instances on the same stores (one PostgreSQL, one Neo4j, started",
                "fresh under a temporary directory; the instances are reached by URL, as an organisation's are): record",
                "writes and chain-of-command reads spread over the instances, with p50, p99 and errors. All instances",
                "run in this JVM, so on one machine the figures show what sharing costs, not what more machines give.",
                "Each row is measured after an unmeasured warm-up of half its length."})
final class BenchInstancesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "12",
            description = "Concurrent clients, spread over the instances (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10", description = "Seconds per row (default ${DEFAULT-VALUE}).")
    int seconds;

    /** One row: how many instances, what was asked, what came back. */
    private record Row(int instances, HttpBenchmark.Result result) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter log = spec.commandLine().getErr();
        Path dir = Files.createTempDirectory("chainline-bench-instances");
        List<Row> rows = new ArrayList<>();
        try (EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(dir.resolve("postgres"), dir.resolve("postgres-password"))) {
            for (int instances : List.of(1, 3)) {
                String database = "bench_" + instances;
                postgres.createDatabaseIfMissing(database);
                // a database and a graph of its own for each row group, both fresh
                try (EmbeddedNeo4jServer neo4j = new EmbeddedNeo4jServer(dir.resolve("neo4j-" + instances),
                        dir.resolve("neo4j-password"), 0)) {
                    rows.addAll(measure(postgres, neo4j, database, instances, dir, log));
                }
            }
        } finally {
            BenchCommand.delete(dir);
        }
        out.printf("%nSeveral instances benchmark (%d cores, JDK %s, %d clients, %d s per row; every instance in this JVM, on one"
                + " PostgreSQL and one Neo4j)%n", Runtime.getRuntime().availableProcessors(), Runtime.version(), clients, seconds);
        out.println("| scenario | instances | requests | per second | p50 (ms) | p99 (ms) | per second / one instance | errors | statuses |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for (Row r : rows) {
            double one = rows.stream().filter(o -> o.instances() == 1 && o.result().scenario().equals(r.result().scenario()))
                    .mapToDouble(o -> o.result().perSecond()).findFirst().orElse(Double.NaN);
            HttpBenchmark.Result x = r.result();
            out.printf("| %s | %d | %,d | %,.0f | %.2f | %.2f | %.2f | %d | %s |%n", x.scenario(), r.instances(), x.requests(),
                    x.perSecond(), x.p50(), x.p99(), x.perSecond() / one, x.errors(), x.statuses());
        }
        return 0;
    }

    /** Starts {@code instances} instances on the stores, loads the demo case through the first, and measures each scenario. */
    private List<Row> measure(EmbeddedPostgresServer postgres, EmbeddedNeo4jServer neo4j, String database, int instances,
                              Path dir, PrintWriter log) throws Exception {
        List<Row> rows = new ArrayList<>();
        Map<String, Object> shared = new HashMap<>();
        shared.put("chainline.postgres.url", postgres.jdbcUrl(database));
        shared.put("chainline.postgres.username", postgres.username());
        shared.put("chainline.neo4j.uri", neo4j.boltUri());
        shared.put("chainline.neo4j.username", EmbeddedNeo4jServer.USER);
        shared.put("chainline.neo4j.password", neo4j.password());
        shared.put("chainline.security.jwt-secret", "the secret every benchmark instance shares, long enough");
        shared.put("chainline.protection.key-file", dir.resolve("protection.key").toString());
        shared.put("chainline.rate-limit.per-second", 0);
        shared.put("micronaut.server.port", -1);
        List<ApplicationContext> contexts = new ArrayList<>();
        try {
            List<HttpBenchmark> benches = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                Map<String, Object> own = new HashMap<>(shared);
                own.put("chainline.data-dir", dir.resolve("instance-" + instances + "-" + i).toString());
                ApplicationContext context = ApplicationContext.builder(Application.class).properties(own)
                        .deduceEnvironment(false).banner(false).start();
                contexts.add(context);
                if (i == 0) {
                    context.getBean(DemoCase.class).load("bench", RecordImport.Progress.NONE);
                    Accounts accounts = context.getBean(Accounts.class);
                    IssuedPassword issued = accounts.create("bench", "bench-analyst", Set.of("analyst"));
                    accounts.changePassword("bench-analyst", issued.oneTimePassword(), "a benchmark passphrase");
                }
                benches.add(new HttpBenchmark(context.getBean(EmbeddedServer.class).start().getURI()));
            }
            String token = benches.getFirst().login("bench-analyst", "a benchmark passphrase");
            HttpBenchmark.Scenario writes = new HttpBenchmark.Scenario("create a record", n -> benches.get(n % instances)
                    .post("/api/persons", token, "{\"names\": [{\"value\": \"Fictional Bench Person " + n + "\"}]}"));
            HttpBenchmark.Scenario reads = new HttpBenchmark.Scenario("chain of command at a date", n -> benches.get(n % instances)
                    .get("/api/units/u-rrr7-sniper/chain-of-command?at=2025-03-06", token));
            for (HttpBenchmark.Scenario s : List.of(writes, reads)) {
                // unmeasured first: the one-instance rows would otherwise also pay for the JVM warming up
                benches.getFirst().run(s, clients, Duration.ofSeconds(Math.max(2, seconds / 2)));
                log.printf("bench instances: %s on %d instance(s), %d clients for %d s%n", s.name(), instances, clients, seconds);
                rows.add(new Row(instances, benches.getFirst().run(s, clients, Duration.ofSeconds(seconds))));
            }
        } finally {
            for (ApplicationContext context : contexts.reversed()) {
                context.close();
            }
        }
        return rows;
    }
}
