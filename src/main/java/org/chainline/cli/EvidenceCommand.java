package org.chainline.cli;

import io.micronaut.context.ApplicationContext;
import org.chainline.cases.Scope;
import org.chainline.evidence.EvidenceLocker;
import org.chainline.evidence.Integrity;
import org.chainline.refusal.Refusal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "The evidence locker: integrity of the stored files and the custody of each item. Files arrive with 'import'.",
        subcommands = {EvidenceCommand.Verify.class, EvidenceCommand.CustodyReport.class})
final class EvidenceCommand extends CommandGroup {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Re-hash every stored file; report missing or altered ones (each check is journaled).",
                    "Exits 0 when every file is intact, 1 otherwise."})
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        EvidenceCommand evidence;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ApplicationContext context = Contexts.start(evidence.root, Map.of())) {
                Integrity.Report r = context.getBean(Integrity.class).verify(Contexts.cliActor(), "integrity check");
                PrintWriter out = spec.commandLine().getOut();
                out.printf("Checked %,d files (%,d bytes intact) in %.1f s: %,d intact%n", r.checked(), r.bytes(), r.millis() / 1e3, r.intact());
                r.unrecorded().forEach(h -> out.println("  not recorded (left by an interrupted arrival): " + h));
                if (r.clean()) {
                    return 0;
                }
                r.problems().forEach(p -> spec.commandLine().getErr().printf("%s %s (evidence %s)%s%n", p.problem().toUpperCase(),
                        p.sha256(), p.evidence(), p.foundSha256() == null ? "" : ": now hashes to " + p.foundSha256()));
                return 1;
            }
        }
    }

    @Command(name = "custody", mixinStandardHelpOptions = true,
            description = "The chain of custody of one evidence item: every arrival, view, download, citation, check and hand-over.")
    static final class CustodyReport implements Callable<Integer> {
        @ParentCommand
        EvidenceCommand evidence;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The evidence item's id.")
        String id;

        @Override
        public Integer call() {
            try (ApplicationContext context = Contexts.start(evidence.root, Map.of())) {
                EvidenceLocker.CustodyReport r = context.getBean(EvidenceLocker.class).custody(Scope.operator(Contexts.cliActor()), id, true); // the machine's operator, holding the data and the key
                PrintWriter out = spec.commandLine().getOut();
                out.println(r.evidence() + ": " + r.title() + " (" + r.kind() + ", " + r.confidentiality() + ")");
                if (r.sha256() != null) {
                    out.println("  sha256 " + r.sha256() + (r.fileStatus() == null ? "" : ", " + r.fileStatus()));
                }
                r.events().forEach(e -> out.printf("  #%d %s %-15s %s%s%s%n", e.seq(), e.at(), e.action(), e.actor(),
                        e.details().isEmpty() ? "" : " " + e.details(), e.reason() == null ? "" : " (" + e.reason() + ")"));
                return 0;
            } catch (Refusal e) {
                spec.commandLine().getErr().println("chainline: " + e.getMessage());
                return 1;
            }
        }
    }
}
