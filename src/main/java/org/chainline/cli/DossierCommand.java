package org.chainline.cli;

import io.micronaut.context.ApplicationContext;
import org.chainline.dossier.Dossier;
import org.chainline.dossier.Dossiers;
import org.chainline.refusal.Refusal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "dossier", mixinStandardHelpOptions = true,
        description = {"Generate the sanctions dossier of a person under a regime (PDF/A-3b, the machine-readable dossier inside),",
                "from the record as it stands; the same record gives the same bytes. With --regenerate, draw an earlier",
                "dossier again from what it kept and check that the bytes are those delivered.",
                "Regimes: us-glomag, eu-ghrsr, uk-ghr, ca-jvcfoa (templates/regimes). Exits 0 on success, 1 otherwise."})
final class DossierCommand implements Callable<Integer> {

    @ParentCommand
    ChainlineCommand root;
    @Spec
    CommandSpec spec;

    @Option(names = "--subject", paramLabel = "PERSON_ID", description = "The person the dossier is about.")
    String subject;
    @Option(names = "--regime", paramLabel = "REGIME_ID", description = "The sanctions regime.")
    String regime;
    @Option(names = "--audience", paramLabel = "AUDIENCE", defaultValue = "government-confidential",
            description = "government-confidential (default) or public (withholds restricted evidence details).")
    String audience;
    @Option(names = "--regenerate", paramLabel = "DOSSIER_ID", description = "Draw this earlier dossier again instead.")
    String regenerate;
    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the PDF.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (regenerate == null && (subject == null || regime == null)) {
            err.println("chainline: --subject and --regime are required (or --regenerate DOSSIER_ID)");
            return 2;
        }
        try (ApplicationContext context = Contexts.start(root, Map.of())) {
            Dossiers dossiers = context.getBean(Dossiers.class);
            if (regenerate != null) {
                Dossiers.Regenerated r = dossiers.regenerate(regenerate);
                Files.write(out, r.pdf());
                spec.commandLine().getOut().printf("%s %s: sha256 %s%s%n", r.identical() ? "Regenerated identically" : "Regenerated, DIFFERENT",
                        out, r.sha256(), r.identical() ? "" : " (delivered: " + r.dossier().sha256() + ")");
                return r.identical() ? 0 : 1;
            }
            Dossiers.Order order = dossiers.check(subject, regime, audience);
            Dossiers.Generated generated = dossiers.generate(Contexts.cliActor(), order, (stage, percent) -> { });
            Files.write(out, dossiers.pdf(generated.dossier().id()));
            print(spec.commandLine().getOut(), out, generated, true);
            return 0;
        } catch (Refusal e) {
            err.println("chainline: " + (e.field() == null ? "" : e.field() + ": ") + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("chainline: cannot write " + out + ": " + why(e)
                    + " (the dossier is kept: run the same command again with another --out)");
            return 1;
        }
    }

    /** What went wrong with a file, in words (the exceptions of java.nio name only the path). */
    static String why(IOException e) {
        return switch (e) {
            case NoSuchFileException n -> "no such folder";
            case AccessDeniedException a -> "permission denied";
            case FileSystemException f when f.getReason() != null -> f.getReason();
            default -> e.getMessage();
        };
    }

    /** What was written: the file as generated, or (with {@code delivered}) the approved one once approved. */
    static void print(PrintWriter out, Path file, Dossiers.Generated generated, boolean delivered) {
        Dossier d = generated.dossier();
        boolean approved = delivered && d.approved();
        out.printf("%s %s (%s, %s, %s): %d pages, sha256 %s%s%n", generated.existed() ? "Unchanged" : "Wrote", file.toAbsolutePath(),
                d.subject(), d.regime(), d.audience(), approved ? d.approval().pages() : d.pages(),
                approved ? d.approval().sha256() : d.sha256(), approved ? ", approved by " + d.approval().by()
                        : d.approved() ? " (the draft; approved by " + d.approval().by() + " since)" : d.draft() ? " (a draft with claims not yet reviewed)" : " (a draft awaiting approval)");
        out.printf("  dossier %s, version %d, from the record as of journal entry %d%n", d.id(), d.version(), d.position());
    }
}
