package org.chainline.cli;

import io.micronaut.context.ApplicationContext;
import org.chainline.evidence.EvidenceLocker;
import org.chainline.input.TextInput;
import org.chainline.registry.imports.RecordImport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.chainline.cases.Filing;
import org.chainline.cases.Scope;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import into Chainline, by what each PATH is:",
                "  a .ndjson file: records (persons, units, claims...), one per line, checked whole and applied all or",
                "    nothing; importing the same file again changes nothing;",
                "  a Telegram Desktop export (its folder, or a zip, holding result.json): every message as an evidence",
                "    item, media hashed and stored, senders as sources (people under pseudonyms);",
                "  any other file, or a folder of files: each file hashed on arrival and kept as an evidence item; a file",
                "    whose SHA-256 an item recorded earlier names becomes that item's file (with --evidence ID, the file of",
                "    that item, checked against the SHA-256 it names).",
                "Exits 0 when everything was imported, 1 when anything was refused."})
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    ChainlineCommand root;
    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Input input;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, recorded in the journal with every entry.")
    String reason;
    @Option(names = "--case", paramLabel = "ID", description = "The case what arrives belongs to (records may name theirs in"
            + " \"case\"); required for records, files and exports unless every record names its case.")
    String caseId;
    @Option(names = "--kind", paramLabel = "KIND", description = "Evidence kind of plain files (default: from the media type).")
    String kind;
    @Option(names = "--source", paramLabel = "ID", description = "The source record plain files came from.")
    String source;
    @Option(names = "--confidentiality", paramLabel = "LEVEL", description = "public, restricted (default) or protected, for plain files.")
    String confidentiality;
    @Option(names = "--username", paramLabel = "NAME", description = "The public @username of an exported channel, for its t.me links.")
    String username;
    @Option(names = "--evidence", paramLabel = "ID", description = "Attach the one file given to the evidence item recorded"
            + " earlier with this id; its bytes must have the SHA-256 the item names.")
    String evidence;

    static final class Input {
        @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders to import.")
        List<Path> paths;
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
        List<Path> paths = input.demo ? List.of() : input.paths;
        for (Path p : paths) {
            if (!Files.isReadable(p)) {
                spec.commandLine().getErr().println("chainline: cannot read " + p);
                return 1;
            }
        }
        if (evidence != null && (paths.size() != 1 || !Files.isRegularFile(paths.getFirst())
                || paths.getFirst().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ndjson")
                || Arrivals.isTelegramExport(paths.getFirst()))) {
            spec.commandLine().getErr().println("chainline: --evidence attaches one file to one item: give exactly one file"
                    + " (not a folder, a records file or a Telegram export)");
            return 2;
        }
        try (ApplicationContext context = Contexts.start(root, Map.of())) {
            Arrivals arrivals = new Arrivals(context, new Filing(Scope.operator(Contexts.cliActor()), caseId),
                    spec.commandLine().getOut(), spec.commandLine().getErr(),
                    reason == null ? null : TextInput.normal(reason), new EvidenceLocker.Upload(null, null, kind, null, source,
                    confidentiality, "command line", evidence), username);
            boolean ok = !input.demo || arrivals.demo();
            for (Path p : paths) {
                ok &= arrivals.path(p);
            }
            return ok ? 0 : 1;
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
