package org.chainline.sanctions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.chainline.cases.Scope;
import org.chainline.graph.Graph;
import org.chainline.input.CsvTable;
import org.chainline.journal.Journal;
import org.chainline.journal.Projector;
import org.chainline.liability.LiabilityPaths;
import org.chainline.liability.Strength;
import org.chainline.liability.Views;
import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.NotFound;
import org.chainline.regime.Regime;
import org.chainline.regime.Regimes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who should be designated and is not: persons with established or probable liability paths to incidents whose
 * violations a regime covers, by a mode one of its limbs names, who have no active designation by the regime's
 * jurisdiction (on their record or one an Identity claim says is the same person). Ranked by their strongest path,
 * then by how many incidents are established, then by how many qualify.
 */
@Singleton
public class GapReport {



    private final Regimes regimes;
    private final LiabilityPaths paths;
    private final SanctionGraph graph;
    private final Designations designations;
    private final Journal journal;
    private final Projector projector;
    /** The last report of each regime and minimum, with the positions it was made at (see {@link #current}). */
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    GapReport(Regimes regimes, LiabilityPaths paths, SanctionGraph graph, Designations designations, Journal journal,
              Projector projector) {
        this.journal = journal;
        this.projector = projector;
        this.regimes = regimes;
        this.paths = paths;
        this.graph = graph;
        this.designations = designations;
    }

    @Serdeable
    public record Row(int rank, String person, String name, @Nullable String latinName, Strength strongest,
                      int incidents, int establishedIncidents, int probableIncidents, List<String> modes,
                      List<String> violations, List<String> limbs, List<String> designatedBy, String example) {
    }

    @Serdeable
    public record Report(String regime, String jurisdiction, Strength minimum, int personsConsidered, int alreadyDesignated,
                         List<Row> rows) {
    }

    private record Kept(String at, Report report) {
    }

    /**
     * The report as of now, made again only when the record or the graph moved since it was last made (a large case
     * takes seconds to rank, and the home page and the API ask for it often): kept per regime and minimum, at the
     * journal's head and the graph's position and generation read before it is made.
     */
    public Report current(Scope scope, String regimeId, @Nullable String minimum) {
        String at = position();
        Kept k = kept.get(key(scope, regimeId, minimum));
        if (k != null && k.at().equals(at)) {
            return k.report();
        }
        Report report = run(scope, regimeId, minimum); // refuses an unknown regime or minimum: only known ones are kept
        kept.put(key(scope, regimeId, minimum), new Kept(at, report));
        return report;
    }

    /**
     * A kept report is the report of a set of cases: readers of the same cases share it, and no reader is shown one made
     * over cases it is not in.
     */
    private static String key(Scope scope, String regimeId, @Nullable String minimum) {
        return regimeId + "\n" + minimum + "\n" + (scope.isEveryCase() ? "*" : String.join(",", scope.cases()));
    }

    /** The report as of now if it is kept already (nothing is made): a page can show it at once, or load it after. */
    public Optional<Report> ifKept(Scope scope, String regimeId, @Nullable String minimum) {
        Kept k = kept.get(key(scope, regimeId, minimum));
        return k != null && k.at().equals(position()) ? Optional.of(k.report()) : Optional.empty();
    }

    /** Where the record and the graph stand: a report made at another position may say something else. */
    private String position() {
        Graph.State graph = projector.state();
        return journal.head().seq() + "/" + graph.position() + "/" + graph.generation();
    }

    /** The report, made now. */
    public Report run(Scope scope, String regimeId, @Nullable String minimum) {
        if (regimeId == null || regimeId.isBlank()) {
            throw new InvalidInput("regime", "is required (known: " + String.join(", ", regimes.all().stream().map(Regime::id).toList()) + ")");
        }
        Regime regime;
        try {
            regime = regimes.get(regimeId);
        } catch (NotFound e) {
            throw new InvalidInput("regime", e.getMessage());
        }
        Strength min = minimum == null || minimum.isBlank() ? Strength.PROBABLE : Strength.named(minimum)
                .filter(s -> s.compareTo(Strength.PROBABLE) >= 0)
                .orElseThrow(() -> new InvalidInput("minimum", "must be probable (established or probable paths) or established"));
        String jurisdiction = regime.designations().jurisdiction();
        Set<String> designated = graph.designatedBy(scope, jurisdiction);
        List<String> persons = graph.persons(scope);
        List<Row> rows = new ArrayList<>();
        int skippedDesignated = 0;
        for (String personId : persons) {
            Views.PersonLiability liability = paths.ofPerson(scope, personId, LiabilityPaths.DEFAULT_DEPTH);
            Strength strongest = null;
            int established = 0;
            int probable = 0;
            Set<String> modes = new TreeSet<>();
            Set<String> violations = new TreeSet<>();
            Set<String> limbs = new TreeSet<>();
            String example = null;
            Strength exampleStrength = null;
            for (Views.Link link : liability.incidents()) {
                List<String> covered = link.incident().violations().stream().filter(regime.covers()::containsKey).toList();
                if (covered.isEmpty()) {
                    continue;
                }
                Strength best = null;
                for (Views.Path path : link.paths()) {
                    if (path.strength().compareTo(min) < 0 || regime.limbsFor(path.mode()).isEmpty()) {
                        continue;
                    }
                    best = best == null ? path.strength() : best.strongest(path.strength());
                    modes.add(path.mode());
                    regime.limbsFor(path.mode()).forEach(l -> limbs.add(l.id()));
                }
                if (best == null) {
                    continue;
                }
                violations.addAll(covered);
                if (best == Strength.ESTABLISHED) {
                    established++;
                } else {
                    probable++;
                }
                if (exampleStrength == null || best.compareTo(exampleStrength) > 0) {
                    exampleStrength = best;
                    example = link.incident().name() + (link.incident().start() == null ? "" : " (" + link.incident().start() + ")");
                }
                strongest = strongest == null ? best : strongest.strongest(best);
            }
            if (strongest == null) {
                continue;
            }
            if (designated.contains(personId)) {
                skippedDesignated++;
                continue;
            }
            List<String> elsewhere = designations.status(scope, personId).activeJurisdictions();
            rows.add(new Row(0, personId, liability.person().name(), liability.person().latinName(), strongest,
                    established + probable, established, probable, List.copyOf(modes), List.copyOf(violations),
                    List.copyOf(limbs), elsewhere, example));
        }
        rows.sort(Comparator.comparingInt((Row r) -> -r.strongest().ordinal())
                .thenComparingInt(r -> -r.establishedIncidents())
                .thenComparingInt(r -> -r.incidents())
                .thenComparing(r -> r.latinName() != null ? r.latinName() : r.name()));
        List<Row> ranked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            ranked.add(new Row(i + 1, r.person(), r.name(), r.latinName(), r.strongest(), r.incidents(), r.establishedIncidents(),
                    r.probableIncidents(), r.modes(), r.violations(), r.limbs(), r.designatedBy(), r.example()));
        }
        return new Report(regime.id(), jurisdiction, min, persons.size(), skippedDesignated, List.copyOf(ranked));
    }

    /** The report as CSV, one row per person, multi-values ';'-joined, every text cell safe to open in a spreadsheet. */
    public static String csv(Report report) {
        CsvTable table = new CsvTable("rank", "person", "name", "latin_name", "strongest", "incidents", "established_incidents",
                "probable_incidents", "modes", "violations", "limbs", "designated_by_others", "example_incident");
        for (Row r : report.rows()) {
            table.row(r.rank(), r.person(), r.name(), r.latinName(), r.strongest().word(), r.incidents(), r.establishedIncidents(),
                    r.probableIncidents(), String.join(";", r.modes()), String.join(";", r.violations()),
                    String.join(";", r.limbs()), String.join(";", r.designatedBy()), r.example());
        }
        return table.toString();
    }
}
