package org.chainline.cli;

import io.micronaut.context.ApplicationContext;
import org.chainline.dossier.Dossiers;
import org.chainline.journal.JournalAnchors;
import org.chainline.journal.JournalVerification;
import org.chainline.journal.JournalVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "journal", mixinStandardHelpOptions = true,
        description = "The append-only, hash-chained journal of every change.",
        subcommands = {JournalCommand.Verify.class, JournalCommand.Timestamp.class})
final class JournalCommand extends CommandGroup {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Re-compute every entry's hash and check the chain to its head, then against its anchors:"
                    + " the journal hash of every dossier and submission, RFC 3161 time-stamps, and those given here.",
                    "Exits 0 when intact, 1 with the first broken entry or every anchor it no longer matches."})
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        JournalCommand journal;
        @Spec
        CommandSpec spec;
        @Option(names = "--anchor", paramLabel = "SEQ:HASH",
                description = "A journal position noted outside this machine (repeatable).")
        List<String> anchors = new ArrayList<>();
        @Option(names = "--dossier", paramLabel = "FILE.pdf",
                description = "A dossier PDF as it was delivered: the journal position it prints is checked (repeatable).")
        List<Path> dossiers = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            try (ApplicationContext context = Contexts.start(journal.root, Map.of())) {
                List<JournalAnchors.Anchor> given = new ArrayList<>();
                for (String a : anchors) {
                    String[] parts = a.split(":", 2);
                    if (parts.length != 2 || !parts[0].matches("[0-9]{1,18}")) {
                        spec.commandLine().getErr().println("--anchor " + a + " is not SEQ:HASH (a position and its 64-digit hash)");
                        return 2;
                    }
                    given.add(JournalAnchors.Anchor.given(Long.parseLong(parts[0]), parts[1].strip().toLowerCase(Locale.ROOT),
                            "noted " + a.substring(0, Math.min(a.length(), 24))));
                }
                for (Path pdf : dossiers) {
                    given.add(context.getBean(Dossiers.class).anchorIn(Files.readAllBytes(pdf)));
                }
                JournalVerification v = context.getBean(JournalVerifier.class).verify(given);
                PrintWriter out = spec.commandLine().getOut();
                if (v.intact()) {
                    out.println("Journal intact: " + v.entriesChecked() + (v.entriesChecked() == 1 ? " entry" : " entries")
                            + ", head #" + v.headSeq() + " " + v.headHash());
                    out.println("  matches its " + v.anchorsChecked() + (v.anchorsChecked() == 1 ? " anchor" : " anchors")
                            + (v.timestampsUnpinned() > 0 ? " (" + v.timestampsUnpinned() + " time-stamp(s) checked only against the"
                            + " certificate they carry: set chainline.timestamping.certificate)" : ""));
                    return 0;
                }
                if (v.firstBrokenSeq() != null) {
                    spec.commandLine().getErr().println("Journal BROKEN at entry #" + v.firstBrokenSeq() + ": "
                            + v.problem() + " (" + v.entriesChecked() + " entries before it are intact)");
                }
                for (String problem : v.anchorProblems()) {
                    spec.commandLine().getErr().println("Journal does NOT MATCH its anchor " + problem);
                }
                return 1;
            }
        }
    }

    @Command(name = "timestamp", mixinStandardHelpOptions = true,
            description = "Have the configured RFC 3161 time-stamping authority (chainline.timestamping.url) sign the"
                    + " journal's head, and keep the token as an anchor.")
    static final class Timestamp implements Runnable {
        @ParentCommand
        JournalCommand journal;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (ApplicationContext context = Contexts.start(journal.root, Map.of())) {
                JournalAnchors.Stamped stamped = context.getBean(JournalAnchors.class).timestampHead(Contexts.cliActor());
                spec.commandLine().getOut().println("Time-stamped journal entry #" + stamped.seq() + " " + stamped.hash()
                        + " at " + stamped.at() + " by " + stamped.authority());
            }
        }
    }
}
