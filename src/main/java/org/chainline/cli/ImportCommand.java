package org.chainline.cli;

import io.micronaut.context.ApplicationContext;
import org.chainline.registry.ImportReport;
import org.chainline.registry.RecordImport;
import org.chainline.web.TextInput;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import records (persons, units, claims...) from newline-delimited JSON, one record per line.",
                "The whole file is checked first and every error is reported with its line; then it is applied all or",
                "nothing. Importing the same file again changes nothing. Exits 0 when imported, 1 on errors."})
final class ImportCommand implements Callable<Integer> {

    static final String DEMO = "demo/tamyr-crackdown.ndjson";

    @ParentCommand
    ChainlineCommand root;
    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Input input;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, recorded in the journal with every entry.")
    String reason;

    static final class Input {
        @Parameters(paramLabel = "FILE", description = "The .ndjson file.")
        Path file;
        @Option(names = "--demo", description = "Import the fictional demo case that ships with Chainline.")
        boolean demo;
    }

    @Override
    public Integer call() throws IOException {
        String problem = reason == null ? null : TextInput.problem(TextInput.normal(reason), 2000, true);
        if (problem != null) {
            spec.commandLine().getErr().println("chainline: --reason " + problem);
            return 2;
        }
        Path file = input.demo ? demoFile() : input.file;
        if (!input.demo && !Files.isReadable(file)) {
            spec.commandLine().getErr().println("chainline: cannot read " + file);
            return 1;
        }
        PrintWriter err = spec.commandLine().getErr();
        try (ApplicationContext context = Contexts.start(root, Map.of())) {
            ImportReport report = context.getBean(RecordImport.class).run(Contexts.cliActor(),
                    reason != null ? TextInput.normal(reason) : input.demo ? "fictional demo case" : "import of " + file.getFileName(),
                    file, new Throttled(err));
            if (!report.applied()) {
                report.errors().forEach(e -> err.printf("line %d: %s %s%n", e.line(), e.field(), e.reason()));
                if (report.errorCount() > report.errors().size()) {
                    err.printf("... and %d more%n", report.errorCount() - report.errors().size());
                }
                err.println("chainline: " + report.summary());
                return 1;
            }
            spec.commandLine().getOut().println("Imported " + (input.demo ? "the demo case: " : file + ": ") + report.summary());
            spec.commandLine().getOut().printf("  checked and journaled (PostgreSQL) in %.1f s, projected into the graph (Neo4j) in %.1f s%n",
                    report.phases().journalMillis() / 1e3, report.phases().projectMillis() / 1e3);
            return 0;
        } finally {
            if (input.demo) {
                Files.deleteIfExists(file);
            }
        }
    }

    static Path demoFile() {
        try (InputStream in = ImportCommand.class.getClassLoader().getResourceAsStream(DEMO)) {
            if (in == null) {
                throw new IllegalStateException("the demo case " + DEMO + " is missing from the build");
            }
            Path file = Files.createTempFile("chainline-demo", ".ndjson");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Progress on standard error for large files (10,000 lines and more), at most once a second. */
    static final class Throttled implements RecordImport.Progress {
        private final PrintWriter err;
        private long last;

        Throttled(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void at(String phase, long done, long total) {
            long now = System.nanoTime();
            if (done < 10_000 || (now - last < 1_000_000_000L && done != total)) {
                return;
            }
            last = now;
            err.printf("%s: %,d%s%n", phase, done, total > 0 ? " of " + String.format("%,d", total) : " lines");
        }
    }
}
