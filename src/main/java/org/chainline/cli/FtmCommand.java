package org.chainline.cli;

import org.chainline.cases.Scope;
import org.chainline.cases.Filing;
import org.chainline.sanctions.ftm.FtmExport;
import org.chainline.sanctions.ftm.FtmImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "ftm", mixinStandardHelpOptions = true,
        description = "FollowTheMoney entities (JSON lines, as Aleph and OpenSanctions use them) out of and into the graph.",
        subcommands = {FtmCommand.Export.class, FtmCommand.Import.class})
final class FtmCommand extends CommandGroup {

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the graph as FtM entities; protected identities and protected evidence never leave.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        FtmCommand group;
        @Spec
        CommandSpec spec;
        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;
        @Option(names = "--restricted", description = "Also export restricted evidence items (titles, file names, hashes).")
        boolean restricted;

        @Override
        public Integer call() {
            return SanctionsCommand.within(group.root, spec, context -> {
                try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    FtmExport.Summary s = context.getBean(FtmExport.class).write(writer, restricted);
                    spec.commandLine().getOut().printf("Wrote %s: %s%n", out, s.schemata());
                    return 0;
                } catch (IOException e) {
                    spec.commandLine().getErr().println("chainline: cannot write " + out + ": " + DossierCommand.why(e));
                    return 1;
                }
            });
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import FtM entities into the graph as claims citing the file, kept in the evidence locker.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        FtmCommand group;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "FILE")
        Path file;
        @Option(names = "--dataset", required = true, description = "A name for the dataset, cited by every claim it brings.")
        String dataset;
        @Option(names = "--case", required = true, paramLabel = "ID", description = "The case the dataset's records belong to.")
        String caseId;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                spec.commandLine().getErr().println("chainline: no such file: " + file);
                return 2;
            }
            return SanctionsCommand.within(group.root, spec, context -> {
                try (InputStream in = Files.newInputStream(file)) {
                    FtmImport.Report r = context.getBean(FtmImport.class).run(new Filing(Scope.operator(Contexts.cliActor()), caseId), dataset,
                            file.getFileName().toString(), in);
                    spec.commandLine().getOut().printf("Imported %s as %s (evidence %s): %s; %d created, %d changed, %d unchanged%s%n",
                            file, r.dataset(), r.evidence(), r.imported(), r.created(), r.changed(), r.unchanged(),
                            r.skipped().isEmpty() ? "" : "; left out: " + r.skipped());
                    return 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
