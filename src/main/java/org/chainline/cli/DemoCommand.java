package org.chainline.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.chainline.access.Roles;
import org.chainline.demo.DemoCase;
import org.chainline.demo.DemoSigningKey;
import org.chainline.dossier.Dossier;
import org.chainline.dossier.DossierSettings;
import org.chainline.dossier.Dossiers;
import org.chainline.security.Accounts;
import org.chainline.security.IssuedPassword;
import org.chainline.storage.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The main job on the fictional demo case (the Tamyr fuel protests): load its records and evidence files",
                "into the data directory's stores, write sanctions dossiers for two subjects under two regimes each (and",
                "one public version) into --out, print their paths, then serve the API. Running it again changes nothing",
                "and writes the same bytes."})
final class DemoCommand implements Callable<Integer> {

    /** The demo's account of counsel, so that the workspace it opens on can be used at once. */
    static final String DEMO_COUNSEL = "counsel";

    /** The dossiers the demo writes: two subjects, each under two regimes, and a public version of the first. */
    static final List<List<String>> DOSSIERS = List.of(
            List.of("p-abdigaliyev", "eu-ghrsr", "government-confidential"),
            List.of("p-abdigaliyev", "us-glomag", "government-confidential"),
            List.of("p-otegulov", "uk-ghr", "government-confidential"),
            List.of("p-otegulov", "ca-jvcfoa", "government-confidential"),
            List.of("p-abdigaliyev", "eu-ghrsr", "public"));
    /** The dossier the demo's second counsel approves (and signs), and the draft it writes beside it. */
    static final List<String> APPROVED = List.of("p-otegulov", "uk-ghr", "government-confidential");
    static final String ORGANISATION = "Tamyr Accountability Project (a fictional organisation of the Chainline demo)";

    @ParentCommand
    ChainlineCommand root;
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Where to write the dossiers (default ./out).")
    Path outDir;
    @Option(names = "--exit", description = "Exit after writing the dossiers instead of serving.")
    boolean exit;
    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port when serving (default 8080; 0 picks a free one).")
    Integer port;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> properties = new HashMap<>();
        properties.put("chainline.dossier.organisation", ORGANISATION);
        if (port != null) {
            properties.put("micronaut.server.port", port);
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            spec.commandLine().getErr().println("chainline: cannot create --out " + outDir + ": " + DossierCommand.why(e));
            return 1;
        }
        ApplicationContext context = Contexts.start(root, properties);
        try {
            DemoCase.Loaded loaded = context.getBean(DemoCase.class).load(Contexts.cliActor(), new ImportCommand.Throttled(spec.commandLine().getErr()));
            if (!loaded.records().applied()) {
                spec.commandLine().getErr().println("chainline: the demo case did not import: " + loaded.records().summary());
                context.close();
                return 1;
            }
            out.println("Loaded the fictional demo case: " + loaded.records().summary() + "; " + loaded.filesStored() + " evidence files stored; "
                    + loaded.sanctionsSummary());
            Dossiers dossiers = context.getBean(Dossiers.class);
            for (List<String> d : DOSSIERS) {
                Dossiers.Generated generated = dossiers.generate(Contexts.cliActor(), dossiers.check(d.get(0), d.get(1), d.get(2)),
                        (stage, percent) -> { });
                Path file = outDir.resolve(d.get(0) + "-" + d.get(1) + (d.get(2).equals("public") ? "-public" : "") + ".pdf");
                // as generated, so that running the demo again writes the same files after one of them was approved
                Files.write(file, dossiers.draftPdf(generated.dossier().id()));
                DossierCommand.print(out, file, generated, false);
            }
            // a second member of counsel approves one dossier, which is then signed; a draft beside it includes the claim
            // still awaiting review
            Dossiers.Generated toApprove = dossiers.generate(Contexts.cliActor(), dossiers.check(APPROVED.get(0), APPROVED.get(1),
                    APPROVED.get(2)), (stage, percent) -> { });
            Dossier approved = toApprove.dossier().approved() ? toApprove.dossier()
                    : context.getBean(DossierSettings.class).signingKeystore() != null
                    ? dossiers.approve(DemoCase.REVIEWER, toApprove.dossier().id())
                    : dossiers.approve(DemoCase.REVIEWER, toApprove.dossier().id(),
                    DemoSigningKey.in(context.getBean(DataDirectory.class).resolve("keys")));
            Path approvedFile = outDir.resolve(APPROVED.get(0) + "-" + APPROVED.get(1) + "-approved.pdf");
            Files.write(approvedFile, dossiers.pdf(approved.id()));
            out.println((toApprove.dossier().approved() ? "Unchanged " : "Wrote ") + approvedFile + ": dossier " + approved.id() + " approved by " + approved.approval().by()
                    + (approved.approval().signedBy() == null ? "" : ", signed by " + approved.approval().signedBy())
                    + ", sha256 " + approved.approval().sha256());
            Dossiers.Generated draft = dossiers.generate(Contexts.cliActor(), dossiers.check(APPROVED.get(0), APPROVED.get(1),
                    APPROVED.get(2), true), (stage, percent) -> { });
            Path draftFile = outDir.resolve(APPROVED.get(0) + "-" + APPROVED.get(1) + "-draft.pdf");
            Files.write(draftFile, dossiers.pdf(draft.dossier().id()));
            DossierCommand.print(out, draftFile, draft, false);
            out.flush();
            if (exit) {
                context.close();
                return 0;
            }
        } catch (IOException e) {
            context.close();
            spec.commandLine().getErr().println("chainline: cannot write the dossiers into " + outDir + ": " + DossierCommand.why(e));
            return 1;
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        // the first administrator is made as serving starts, when no account exists: the demo's own account comes after it
        Integer stopped = Serving.start(context, out);
        if (stopped != null) {
            return stopped;
        }
        // the demo opens on a usable workspace: an account of counsel (who reads, edits and makes dossiers), once
        Accounts accounts = context.getBean(Accounts.class);
        Optional<IssuedPassword> demoCounsel = accounts.list().stream()
                .anyMatch(a -> a.username().equals(DEMO_COUNSEL)) ? Optional.empty()
                : Optional.of(accounts.create(Contexts.cliActor(), DEMO_COUNSEL, Set.of(Roles.COUNSEL)));
        String url = context.getBean(EmbeddedServer.class).getURL().toString();
        out.println();
        out.println("Open the workspace at " + url + "/ and sign in as " + DEMO_COUNSEL
                + demoCounsel.map(p -> " with the one-time password " + p.oneTimePassword() + " (shown once; you choose your own next)")
                        .orElse(" (the demo's account of counsel)") + ".");
        out.println("The dossiers are also in the API (as counsel): GET /api/dossiers, GET /api/dossiers/{id}/pdf");
        out.flush();
        return ChainlineCommand.KEEP_RUNNING;
    }
}
