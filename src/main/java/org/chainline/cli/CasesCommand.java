package org.chainline.cli;

import io.micronaut.context.ApplicationContext;
import org.chainline.cases.Case;
import org.chainline.cases.CaseRole;
import org.chainline.cases.Cases;
import org.chainline.cases.Membership;
import org.chainline.cases.Scope;
import org.chainline.refusal.Refusal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Command(name = "cases", mixinStandardHelpOptions = true,
        description = "Cases, the unit of access: open one with its first owner, list them with who is in each.",
        subcommands = {CasesCommand.Open.class, CasesCommand.ListCases.class})
final class CasesCommand extends CommandGroup {

    @Command(name = "open", mixinStandardHelpOptions = true,
            description = "Open a case with its first owner (an account of counsel), as the operator of this instance.")
    static final class Open implements Runnable {
        @ParentCommand
        CasesCommand cases;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "TITLE", description = "The case's title.")
        String title;
        @Option(names = "--id", paramLabel = "ID", description = "The case's id (default: case- and a random UUID).")
        String id;
        @Option(names = "--owner", paramLabel = "USERNAME", split = ",", description = "Its owners; repeat or separate with commas.")
        List<String> owners = List.of();
        @Option(names = "--summary", paramLabel = "TEXT", description = "What the case is about.")
        String summary;

        @Override
        public void run() {
            String caseId = id != null ? id : "case-" + UUID.randomUUID();
            try (ApplicationContext context = Contexts.start(cases.root, Map.of())) {
                Map<String, CaseRole> members = new LinkedHashMap<>();
                owners.forEach(o -> members.put(o, CaseRole.OWNER));
                context.getBean(Cases.class).openForOperator(Contexts.cliActor(), caseId, title, summary, members,
                        "opened at the command line");
                spec.commandLine().getOut().println("Opened case " + caseId + (owners.isEmpty() ? "" : ", owned by "
                        + String.join(", ", owners)) + "; import into it with --case " + caseId);
            } catch (Refusal e) {
                spec.commandLine().getErr().println("chainline: " + (e.field() == null ? "" : e.field() + " ") + e.getMessage());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every case and who is in it now.")
    static final class ListCases implements Runnable {
        @ParentCommand
        CasesCommand cases;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (ApplicationContext context = Contexts.start(cases.root, Map.of())) {
                PrintWriter out = spec.commandLine().getOut();
                Scope operator = Scope.operator(Contexts.cliActor());
                Cases all = context.getBean(Cases.class);
                for (Case c : all.list(operator, false, null, 0, 500)) {
                    out.printf("%s  %s (%s)%n", c.id(), c.title(), c.status());
                    for (Membership m : all.members(operator, false, c.id())) {
                        if (m.endedAt() == null) {
                            out.printf("    %-24s %-8s %s%n", m.account(), m.role(), m.until() == null ? "" : "until " + m.until());
                        }
                    }
                }
            }
        }
    }
}
