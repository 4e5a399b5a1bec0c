package org.chainline.cli;

import io.micronaut.context.ApplicationContext;
import org.chainline.journal.Projector;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Map;

@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "The accountability graph, a projection of the journal.",
        subcommands = GraphCommand.Rebuild.class)
final class GraphCommand extends CommandGroup {

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Empty the graph (its schema stays) and replay the whole journal into it.")
    static final class Rebuild implements Runnable {
        @ParentCommand
        GraphCommand graph;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (ApplicationContext context = Contexts.start(graph.root, Map.of())) {
                Projector projector = context.getBean(Projector.class);
                long started = System.nanoTime();
                int replayed = projector.rebuild();
                spec.commandLine().getOut().printf("Rebuilt the graph from %d journal entries in %.1f s; position #%d%n",
                        replayed, (System.nanoTime() - started) / 1e9, projector.position());
            }
        }
    }
}
