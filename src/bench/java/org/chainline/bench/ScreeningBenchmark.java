package org.chainline.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.chainline.registry.Records;
import org.chainline.registry.imports.RecordImport;
import org.chainline.sanctions.ListEntry;
import org.chainline.sanctions.NameMatcher;
import org.chainline.sanctions.SanctionLists;
import org.chainline.sanctions.Screening;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The sanctions benchmark ({@code bench sanctions}): a synthetic OpenSanctions-shaped list of N persons imported
 * (against the floor of reading the same CSV), a newer file with 1% listed, delisted and changed (against the first
 * import), and the screening of P graph persons, a tenth of them on the list under another transliteration, by the
 * blocking index (against scoring every person against every entry: the recall and the speed-up). Fictional,
 * generated names only.
 */
public final class ScreeningBenchmark {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final String[] SYLLABLES = {"ab", "ai", "al", "an", "ar", "as", "ba", "bek", "bol", "da", "dau", "er", "gal",
            "gul", "ib", "kai", "kan", "kas", "kha", "kul", "lan", "mar", "mur", "nur", "ol", "or", "ra", "ren", "sa", "ser",
            "sul", "tal", "tem", "tur", "ul", "zha", "zhan", "yer", "yes", "bay", "dar", "mir", "sha", "tas", "ken", "ait"};
    private static final String[] ENDINGS = {"ov", "ev", "uly", "bekov", "bayev", "ulin", "kyzy", "ova", "enko", "in"};

    private ScreeningBenchmark() {
    }

    public record Result(int entries, double importSeconds, double floorSeconds, double reimportSeconds, int listed, int delisted,
                         int changed, int persons, double screenSeconds, int planted, int foundByBlocking, int fullScanPersons,
                         double fullScanSeconds, int foundByFullScan, int blockingAgreesWithFullScan) {
    }

    static String name(Random r) {
        String given = syllables(r, 2);
        String family = syllables(r, 2) + ENDINGS[r.nextInt(ENDINGS.length)];
        return cap(family) + ", " + cap(given);
    }

    private static String syllables(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        return b.toString();
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The passport-style spelling of a generated Latin name, as another list would write it (zh→j stays; y→i, kh→h). */
    static String respelled(String name) {
        String[] parts = name.split(", ");
        String s = parts[1] + " " + parts[0];
        return s.replace("kh", "h").replace("y", "i").replace("Y", "I").toUpperCase(Locale.ROOT);
    }

    static void writeList(Path file, int entries, int offset, long seed, List<String[]> names) throws IOException {
        Random r = new Random(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,emails,dataset,first_seen,last_seen,last_change\n");
            for (int i = 0; i < entries; i++) {
                String[] n = names.get(i + offset);
                w.write("bench-" + (i + offset) + ",Person,\"" + n[0] + "\",\"" + n[1] + "\"," + n[2] + ",xq,,,"
                        + "\"Global Human Rights Sanctions Regime - 2024-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10) + "\",,,"
                        + "EU Financial Sanctions Files (FSF),2024-01-01,2026-11-01,2024-01-01\n");
            }
        }
    }

    public static Result run(ApplicationContext context, Path dir, int entries, int persons, int fullScan, PrintWriter log)
            throws IOException {
        Random r = new Random(42);
        List<String[]> names = new ArrayList<>();
        for (int i = 0; i < entries + entries / 100; i++) {
            String n = name(r);
            String[] parts = n.split(", ");
            names.add(new String[]{n, parts[1] + " " + parts[0], (1950 + r.nextInt(50)) + "-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(9)});
        }
        Path first = dir.resolve("list-1.csv");
        writeList(first, entries, 0, 1, names);
        SanctionLists lists = context.getBean(SanctionLists.class);
        long t0 = System.nanoTime();
        long cells = floor(first);
        double floorSeconds = (System.nanoTime() - t0) / 1e9;
        log.printf("floor: read %,d cells in %.2f s%n", cells, floorSeconds);
        t0 = System.nanoTime();
        try (InputStream in = Files.newInputStream(first)) {
            lists.importFile("bench", "bench-list", "targets-simple-csv", "list-1.csv", in, "2026-11-01");
        }
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        log.printf("import: %,d entries in %.2f s%n", entries, importSeconds);
        // A newer list: the first 1% gone, 1% new at the end, 1% changed (another listing date).
        Path second = dir.resolve("list-2.csv");
        List<String> lines = Files.readAllLines(first, StandardCharsets.UTF_8);
        int pct = Math.max(1, entries / 100);
        try (BufferedWriter w = Files.newBufferedWriter(second, StandardCharsets.UTF_8)) {
            w.write(lines.getFirst() + "\n");
            for (int i = 1 + pct; i < lines.size(); i++) {
                String line = lines.get(i);
                w.write((i <= 2 * pct ? line.replace("Regime - 2024-", "Regime - 2025-") : line) + "\n");
            }
        }
        Path extra = dir.resolve("extra.csv");
        writeList(extra, pct, entries, 2, names);
        List<String> extraLines = Files.readAllLines(extra, StandardCharsets.UTF_8);
        Files.write(second, extraLines.subList(1, extraLines.size()), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        t0 = System.nanoTime();
        SanctionLists.Report re;
        try (InputStream in = Files.newInputStream(second)) {
            re = lists.importFile("bench", "bench-list", "targets-simple-csv", "list-2.csv", in, "2026-11-15");
        }
        double reimportSeconds = (System.nanoTime() - t0) / 1e9;
        log.printf("re-import: %.2f s (%d listed, %d delisted, %d changed)%n", reimportSeconds, re.listed(), re.delisted(), re.changed());

        // Graph persons: a tenth are list entries, spelled as a passport would (upper case, given name first, y as i) with their birth date.
        Path people = dir.resolve("persons.ndjson");
        Random pr = new Random(7);
        int planted = 0;
        List<String> plantedIds = new ArrayList<>();
        try (BufferedWriter w = Files.newBufferedWriter(people, StandardCharsets.UTF_8)) {
            for (int i = 0; i < persons; i++) {
                ObjectNode p = JSON.objectNode().put("type", "Person").put("id", "bp-" + i);
                String value;
                String birth;
                if (i % 10 == 0 && pct + i < entries) {
                    String[] n = names.get(pct + i);   // still on the newer list
                    value = respelled(n[0]);
                    birth = n[2];
                    planted++;
                    plantedIds.add("bp-" + i + "=bench-" + (pct + i));
                } else {
                    value = cap(syllables(pr, 2)) + " " + cap(syllables(pr, 2)) + ENDINGS[pr.nextInt(ENDINGS.length)];
                    birth = String.valueOf(1950 + pr.nextInt(50));
                }
                p.set("names", JSON.arrayNode().add(JSON.objectNode()
                        .put("value", value).put("kind", "primary")));
                p.put("birthDate", birth);
                w.write(p.toString());
                w.write('\n');
            }
        }
        context.getBean(RecordImport.class).run(Bench.filing(context), "bench persons", people, RecordImport.Progress.NONE);
        Screening screening = context.getBean(Screening.class);
        t0 = System.nanoTime();
        List<Screening.Candidate> found = screening.undecided(0.7);
        double screenSeconds = (System.nanoTime() - t0) / 1e9;
        int foundPlanted = 0;
        for (String pair : plantedIds) {
            String[] pe = pair.split("=");
            if (found.stream().anyMatch(c -> c.person().equals(pe[0]) && c.entry().equals(pe[1]))) {
                foundPlanted++;
            } else {
                log.printf("missed: %s (%s) is %s (%s)%n", pe[0], respelled(names.get(Integer.parseInt(pe[1].substring(6)))[0]),
                        pe[1], names.get(Integer.parseInt(pe[1].substring(6)))[0]);
            }
        }
        log.printf("screening: %,d persons in %.2f s; %d of %d planted found%n", persons, screenSeconds, foundPlanted, planted);

        // Baseline: score the first persons against every entry of the list, no blocking.
        // the entries on the list now, as stored: the newer file dropped the first 1% and added as many at the end
        List<ListEntry> all = new ArrayList<>();
        for (int i = pct; i < entries + pct; i++) {
            all.add(lists.entry("bench-list", "bench-" + i));
        }
        Records records = context.getBean(Records.class);
        var personType = records.model().type("Person").orElseThrow();
        int scanned = Math.min(fullScan, persons);
        int fullFound = 0;
        int agree = 0;
        t0 = System.nanoTime();
        for (int i = 0; i < scanned; i++) {
            String id = "bp-" + i;
            NameMatcher.Subject subject = Screening.subjectOf(records.get(Bench.OPERATOR, personType, id));
            List<String> hits = new ArrayList<>();
            Map<String, String> shown = new HashMap<>();
            for (ListEntry e : all) {
                NameMatcher.Result m = NameMatcher.match(subject, Screening.subjectOf(e));
                if (m.score() >= 0.7) {
                    hits.add(e.id());
                    shown.put(e.id(), e.caption() + String.format(Locale.ROOT, " %.2f", m.score()));
                }
            }
            fullFound += hits.size();
            List<String> blocked = found.stream().filter(c -> c.person().equals(id)).map(Screening.Candidate::entry).toList();
            agree += (int) hits.stream().filter(blocked::contains).count();
            for (String h : hits) {
                if (!blocked.contains(h)) {
                    log.printf("full scan only: %s %s ~ %s %s%n", id, subject.names(), h, shown.get(h));
                }
            }
        }
        double fullScanSeconds = (System.nanoTime() - t0) / 1e9;
        log.printf("full scan: %d persons × %,d entries in %.2f s; %d matches, %d also found by blocking%n", scanned, all.size(),
                fullScanSeconds, fullFound, agree);
        return new Result(entries, importSeconds, floorSeconds, reimportSeconds, re.listed(), re.delisted(), re.changed(), persons,
                screenSeconds, planted, foundPlanted, scanned, fullScanSeconds, fullFound, agree);
    }

    private static long floor(Path file) throws IOException {
        long cells = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180.builder().setHeader()
                     .setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord row : parser) {
                cells += row.size();
            }
        }
        return cells;
    }
}
