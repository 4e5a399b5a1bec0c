package org.chainline.cli;

import io.micronaut.context.ApplicationContext;
import org.chainline.journal.JournalVerification;
import org.chainline.journal.JournalVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "journal", mixinStandardHelpOptions = true,
        description = "The append-only, hash-chained journal of every change.",
        subcommands = JournalCommand.Verify.class)
final class JournalCommand extends CommandGroup {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Re-compute every entry's hash and check the chain to its head.",
                    "Exits 0 when intact, 1 with the first broken entry otherwise."})
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        JournalCommand journal;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ApplicationContext context = Contexts.start(journal.root, Map.of())) {
                JournalVerification v = context.getBean(JournalVerifier.class).verify();
                PrintWriter out = spec.commandLine().getOut();
                if (v.intact()) {
                    out.println("Journal intact: " + v.entriesChecked() + (v.entriesChecked() == 1 ? " entry" : " entries")
                            + ", head #" + v.headSeq() + " " + v.headHash());
                    return 0;
                }
                spec.commandLine().getErr().println("Journal BROKEN at entry #" + v.firstBrokenSeq() + ": "
                        + v.problem() + " (" + v.entriesChecked() + " entries before it are intact)");
                return 1;
            }
        }
    }
}
