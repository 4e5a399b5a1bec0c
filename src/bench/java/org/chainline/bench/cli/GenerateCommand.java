package org.chainline.bench.cli;

import org.chainline.bench.SyntheticCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic, entirely fictional case in the import format: unit hierarchies, commanders who",
                "hand over, members, temporary operational control, incidents, orders, knowledge, graded evidence with",
                "forwarded copies. Needs no stores; import the result with 'chainline import FILE'."})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "10000",
            description = "About how many records (graph nodes) to write (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed; the same seed gives the same file.")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The .ndjson file to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (nodes < 20 || nodes > 50_000_000) {
            spec.commandLine().getErr().println("chainline: --nodes must be between 20 and 50,000,000");
            return 2;
        }
        SyntheticCase generated = SyntheticCase.ofNodes(seed, nodes);
        long lines = generated.write(out);
        spec.commandLine().getOut().printf("Wrote %,d records (%,d persons) to %s%n", lines, generated.persons(), out);
        return 0;
    }
}
