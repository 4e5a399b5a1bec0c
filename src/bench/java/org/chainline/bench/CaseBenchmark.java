package org.chainline.bench;

import io.micronaut.context.ApplicationContext;
import org.chainline.cases.CaseRole;
import org.chainline.cases.Cases;
import org.chainline.cases.Filing;
import org.chainline.cases.Scope;
import org.chainline.liability.ChainOfCommand;
import org.chainline.liability.LiabilityPaths;
import org.chainline.registry.Records;
import org.chainline.registry.imports.ImportReport;
import org.chainline.registry.imports.RecordImport;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * What the case boundary costs: several cases of the same size in one instance, and the same questions (a unit's chain
 * of command at a date, a person's liability paths, a name search) asked by a member of one case, by a member of every
 * case, and without any case filter (the service's own reads, as every read was before compartments), in the same run
 * on the same graph.
 */
public final class CaseBenchmark {

    private static final Pattern ID = Pattern.compile("\"([a-z]{1,4}-[0-9]+[a-z0-9-]*)\"");

    private final Cases cases;
    private final RecordImport imports;
    private final ChainOfCommand chains;
    private final LiabilityPaths liability;
    private final Records records;
    private final PrintWriter log;

    private CaseBenchmark(ApplicationContext context, PrintWriter log) {
        this.cases = context.getBean(Cases.class);
        this.imports = context.getBean(RecordImport.class);
        this.chains = context.getBean(ChainOfCommand.class);
        this.liability = context.getBean(LiabilityPaths.class);
        this.records = context.getBean(Records.class);
        this.log = log;
    }

    public static CaseBenchmark in(ApplicationContext context, PrintWriter log) {
        return new CaseBenchmark(context, log);
    }

    /** One question's latencies per reader. */
    public record Row(String question, Latency unfiltered, Latency memberOfOne, Latency memberOfAll) {
        public double ratioOne() {
            return memberOfOne.p99() / unfiltered.p99();
        }

        public double ratioAll() {
            return memberOfAll.p99() / unfiltered.p99();
        }
    }

    public List<Row> run(int caseCount, int nodes, int samples, Path dir) throws IOException {
        Map<String, CaseRole> all = new LinkedHashMap<>();
        int persons = 0;
        for (int c = 0; c < caseCount; c++) {
            String caseId = "case-bench-" + c;
            cases.openForOperator("bench", caseId, "Benchmark case " + c, null, Map.of(), "benchmark");
            SyntheticCase generated = SyntheticCase.ofNodes(c + 1, nodes);
            persons = generated.persons();
            Path plain = dir.resolve("case-" + c + ".ndjson");
            generated.write(plain);
            // each case's ids are its own: the same generator, prefixed
            String prefix = "c" + c + "-";
            Path prefixed = dir.resolve("case-" + c + "-prefixed.ndjson");
            Files.writeString(prefixed, ID.matcher(Files.readString(plain, StandardCharsets.UTF_8)).replaceAll("\"" + prefix + "$1\""),
                    StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            ImportReport report = imports.run(new Filing(Bench.OPERATOR, caseId), "benchmark case " + c, prefixed, RecordImport.Progress.NONE);
            if (!report.applied()) {
                throw new IllegalStateException("benchmark case " + c + " did not import: " + report.errors());
            }
            log.printf("[case %d of %d] %s in %.1f s%n", c + 1, caseCount, report.summary(), (System.nanoTime() - t0) / 1e9);
            all.put(caseId, CaseRole.OWNER);
        }
        Scope unfiltered = Scope.everyCase("the benchmark's baseline: the same query without the case filter");
        Scope one = Scope.of("bench", Map.of("case-bench-0", CaseRole.OWNER));
        Scope every = Scope.of("bench", all);
        System.gc();
        int units = Math.max(6, persons / 5);
        int people = persons;
        List<Row> rows = new ArrayList<>();
        rows.add(row("chain of command of a unit at a date", samples, unfiltered, one, every,
                (scope, r) -> chains.ofUnit(scope, "c0-u-" + r.nextInt(units), "2022-06-15", LiabilityPaths.DEFAULT_DEPTH)));
        rows.add(row("liability paths of a person", samples, unfiltered, one, every,
                (scope, r) -> liability.ofPerson(scope, "c0-p-" + r.nextInt(people), LiabilityPaths.DEFAULT_DEPTH)));
        rows.add(row("name search (every type)", samples, unfiltered, one, every,
                (scope, r) -> records.list(scope, null, "Unit " + r.nextInt(units), false, 0, 20)));
        return rows;
    }

    private interface Question {
        Object ask(Scope scope, Random random);
    }

    /**
     * The same questions asked by each reader in turn, interleaved (question i by the three readers one after the other,
     * each with the same random draw), after a warm-up of each: a pause of the machine falls on all three alike.
     */
    private Row row(String name, int samples, Scope unfiltered, Scope one, Scope every, Question question) {
        List<Scope> readers = List.of(unfiltered, one, every);
        for (Scope scope : readers) {
            Random warm = new Random(11);
            for (int i = 0; i < Math.max(50, samples / 2); i++) {
                question.ask(scope, warm);
            }
        }
        long[][] nanos = new long[3][samples];
        Random draws = new Random(7);
        for (int i = 0; i < samples; i++) {
            long seed = draws.nextLong();
            for (int r = 0; r < 3; r++) {
                Random random = new Random(seed);
                long t = System.nanoTime();
                question.ask(readers.get(r), random);
                nanos[r][i] = System.nanoTime() - t;
            }
        }
        Latency base = Latency.of(nanos[0]);
        Latency ofOne = Latency.of(nanos[1]);
        Latency ofAll = Latency.of(nanos[2]);
        log.printf("%s: unfiltered p99 %.2f ms, member of one %.2f ms, member of all %.2f ms%n", name, base.p99(), ofOne.p99(), ofAll.p99());
        return new Row(name, base, ofOne, ofAll);
    }
}
