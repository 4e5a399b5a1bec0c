package org.chainline.cli;

import io.micronaut.context.ApplicationContext;
import org.chainline.cases.Scope;
import org.chainline.refusal.Refusal;
import org.chainline.sanctions.Designations;
import org.chainline.sanctions.GapReport;
import org.chainline.sanctions.SanctionLists;
import org.chainline.sanctions.Screening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "sanctions", mixinStandardHelpOptions = true,
        description = "Sanctions lists, matches of persons to list entries, designations and the gap report.",
        subcommands = {SanctionsCommand.Import.class, SanctionsCommand.Candidates.class, SanctionsCommand.Decide.class,
                SanctionsCommand.Status.class, SanctionsCommand.Gaps.class})
final class SanctionsCommand extends CommandGroup {

    /** Runs one piece of work in a started context; an input problem is one line and exit code 1. */
    static int within(ChainlineCommand root, CommandSpec spec, Function<ApplicationContext, Integer> work) {
        try (ApplicationContext context = Contexts.start(root, Map.of())) {
            return work.apply(context);
        } catch (Refusal e) {
            spec.commandLine().getErr().println("chainline: " + (e.field() == null ? "" : e.field() + ": ") + e.getMessage());
            return 1;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import a sanctions list file: OpenSanctions targets.simple.csv or FollowTheMoney JSON lines.",
                    "Import newer files of the same list under the same --list: what changed is recorded and the",
                    "designations of confirmed matches follow."})
    static final class Import implements Callable<Integer> {
        @ParentCommand
        SanctionsCommand group;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "FILE")
        Path file;
        @Option(names = "--list", required = true, description = "The name the list is known by here, e.g. opensanctions-sanctions.")
        String list;
        @Option(names = "--format", description = "targets-simple-csv or ftm (told by the file when not given).")
        String format;
        @Option(names = "--date", description = "The day the list speaks for (YYYY-MM-DD); delistings end then. Today when not given.")
        String date;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                spec.commandLine().getErr().println("chainline: no such file: " + file);
                return 2;
            }
            return within(group.root, spec, context -> {
                try (InputStream in = Files.newInputStream(file)) {
                    SanctionLists.Report r = context.getBean(SanctionLists.class).importFile(Contexts.cliActor(), list, format,
                            file.getFileName().toString(), in, date);
                    PrintWriter out = spec.commandLine().getOut();
                    if (r.unchanged()) {
                        out.printf("Unchanged: %s is the list's last import (%d entries)%n", file, r.entries());
                    } else {
                        out.printf("Imported list %s (import %d, sha256 %s): %d persons; %d listed, %d delisted, %d relisted, "
                                        + "%d changed, %d unchanged; %d designations updated%s%n", r.list(), r.importId(), r.sha256(),
                                r.entries(), r.listed(), r.delisted(), r.relisted(), r.changed(), r.same(), r.designationsUpdated(),
                                r.skipped().isEmpty() ? "" : "; left out (not persons): " + r.skipped());
                    }
                    return 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Command(name = "candidates", mixinStandardHelpOptions = true,
            description = "Candidate list entries for a person (or every person's undecided ones), scored and explained.")
    static final class Candidates implements Callable<Integer> {
        @ParentCommand
        SanctionsCommand group;
        @Spec
        CommandSpec spec;
        @Option(names = "--person", description = "A person's id; every person's undecided candidates when not given.")
        String person;
        @Option(names = "--min", defaultValue = "0.5", description = "The lowest score shown (0 to 1; default ${DEFAULT-VALUE}).")
        double min;

        @Override
        public Integer call() {
            return within(group.root, spec, context -> {
                Screening screening = context.getBean(Screening.class);
                var candidates = person == null ? screening.undecided(min) : screening.candidates(person, min);
                PrintWriter out = spec.commandLine().getOut();
                if (candidates.isEmpty()) {
                    out.println("No candidate scores " + min + " or more.");
                }
                for (Screening.Candidate c : candidates) {
                    out.printf(Locale.ROOT, "%.2f %-8s %s (%s)  ~  %s:%s %s%s%s%n", c.score(), c.level(), c.person(), c.personName(),
                            c.list(), c.entry(), c.caption(), c.onList() ? "" : " [delisted]",
                            c.decision() == null ? "" : " [" + c.decision() + "]");
                    c.explanation().forEach(e -> out.println("       - " + e));
                }
                return 0;
            });
        }
    }

    @Command(name = "decide", mixinStandardHelpOptions = true,
            description = "Confirm or reject a candidate; a confirmation records the entry's designations on the person.")
    static final class Decide implements Callable<Integer> {
        @ParentCommand
        SanctionsCommand group;
        @Spec
        CommandSpec spec;
        @Option(names = "--person", required = true)
        String person;
        @Option(names = "--list", required = true)
        String list;
        @Option(names = "--entry", required = true)
        String entry;
        @Option(names = "--decision", required = true, description = "confirmed or rejected")
        String decision;
        @Option(names = "--note", description = "Why (kept with the decision).")
        String note;

        @Override
        public Integer call() {
            return within(group.root, spec, context -> {
                Designations.DecisionResult r = context.getBean(Designations.class).decide(Scope.operator(Contexts.cliActor()),
                        new Designations.DecisionRequest(person, list, entry, decision, note));
                spec.commandLine().getOut().printf("%s %s: %s (%d designations recorded, %d withdrawn)%n",
                        r.match().path("id").asText(), decision, r.match().path("explanation").asText(), r.designations().size(),
                        r.withdrawn().size());
                return 0;
            });
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Who designated a person, under what, since when.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        SanctionsCommand group;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PERSON_ID")
        String person;

        @Override
        public Integer call() {
            return within(group.root, spec, context -> {
                Designations.Status s = context.getBean(Designations.class).status(Scope.operator(Contexts.cliActor()), person);
                PrintWriter out = spec.commandLine().getOut();
                out.println(person + (s.designated() ? ": designated by " + String.join(", ", s.activeJurisdictions()) : ": no active designation recorded"));
                for (Designations.Designation d : s.designations()) {
                    out.printf("  %s %s %s since %s%s (%s)%n", d.status(), d.jurisdiction() == null ? "?" : d.jurisdiction(), d.program(),
                            d.since() == null ? "?" : d.since(), d.until() == null ? "" : " until " + d.until(), d.basis());
                }
                return 0;
            });
        }
    }

    @Command(name = "gaps", mixinStandardHelpOptions = true,
            description = {"Persons with established or probable paths to violations a regime covers, not designated by its",
                    "jurisdiction, ranked by strength."})
    static final class Gaps implements Callable<Integer> {
        @ParentCommand
        SanctionsCommand group;
        @Spec
        CommandSpec spec;
        @Option(names = "--regime", required = true)
        String regime;
        @Option(names = "--minimum", description = "probable (default) or established")
        String minimum;
        @Option(names = "--csv", paramLabel = "FILE", description = "Also write the report as CSV.")
        Path csv;

        @Override
        public Integer call() {
            return within(group.root, spec, context -> {
                GapReport.Report r = context.getBean(GapReport.class).run(Scope.operator(Contexts.cliActor()), regime, minimum);
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%s (%s): %d persons not designated by %s; %d already are; %d persons considered%n", r.regime(),
                        r.minimum(), r.rows().size(), r.jurisdiction(), r.alreadyDesignated(), r.personsConsidered());
                for (GapReport.Row row : r.rows()) {
                    out.printf("%3d. %-12s %s%s: %d incident%s (%d established), %s%s%n", row.rank(), row.strongest(), row.name(),
                            row.latinName() == null ? "" : " (" + row.latinName() + ")", row.incidents(), row.incidents() == 1 ? "" : "s",
                            row.establishedIncidents(),
                            String.join(", ", row.modes()), row.designatedBy().isEmpty() ? "" : "; designated by " + String.join(", ", row.designatedBy()));
                }
                if (csv != null) {
                    try {
                        Files.writeString(csv, GapReport.csv(r), StandardCharsets.UTF_8);
                        out.println("Wrote " + csv);
                    } catch (IOException e) {
                        spec.commandLine().getErr().println("chainline: cannot write " + csv + ": " + DossierCommand.why(e));
                        return 1;
                    }
                }
                return 0;
            });
        }
    }
}
