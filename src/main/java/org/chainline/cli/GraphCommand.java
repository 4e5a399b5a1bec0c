package org.chainline.cli;

import io.micronaut.context.ApplicationContext;
import org.chainline.graph.EmbeddedNeo4jServer;
import org.chainline.journal.GraphCheck;
import org.chainline.journal.Projector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "The accountability graph, a projection of the journal.",
        subcommands = {GraphCommand.Rebuild.class, GraphCommand.Check.class, GraphCommand.Serve.class})
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
                print(spec, context.getBean(GraphCheck.class).check());
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Compare the graph with what the journal implies: nodes by label, relationships by type, and"
                    + " relationships repeated between the same nodes. Exits with 1 on drift.")
    static final class Check implements Callable<Integer> {
        @ParentCommand
        GraphCommand graph;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ApplicationContext context = Contexts.start(graph.root, Map.of())) {
                context.getBean(Projector.class).catchUp();
                GraphCheck.Report report = context.getBean(GraphCheck.class).check();
                print(spec, report);
                return report.consistent() ? 0 : 1;
            }
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = {"Run only the embedded Neo4j of the data directory, with Bolt on localhost, for several"
                    + " Chainline instances on this machine to share (chainline.neo4j.uri). Its password is kept in"
                    + " <data>/keys/neo4j-password (user neo4j). Stops on SIGTERM."})
    static final class Serve implements Callable<Integer> {
        @ParentCommand
        GraphCommand graph;
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Option(names = "--bolt-port", paramLabel = "PORT", defaultValue = "7687",
                description = "Bolt port on localhost (default 7687).")
        int boltPort;

        @Override
        public Integer call() {
            Path data = (graph.root.dataDir == null ? Path.of("data") : graph.root.dataDir)
                    .toAbsolutePath().normalize();
            Path passwordFile = data.resolve("keys").resolve("neo4j-password");
            EmbeddedNeo4jServer server = new EmbeddedNeo4jServer(
                    data.resolve("neo4j"), passwordFile, boltPort);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "neo4j-stop"));
            spec.commandLine().getOut().printf("Neo4j is serving at %s (user %s, password in %s)%n", server.boltUri(),
                    EmbeddedNeo4jServer.USER, passwordFile);
            spec.commandLine().getOut().flush();
            return ChainlineCommand.KEEP_RUNNING;
        }
    }

    static void print(CommandSpec spec, GraphCheck.Report report) {
        var out = spec.commandLine().getOut();
        out.printf("Graph %s at journal position #%d: %d nodes, %d relationships, %d repeated (checked in %d ms)%n",
                report.status(), report.graphPosition(), report.nodes(), report.relationships(),
                report.duplicateRelationships(), report.millis());
        for (GraphCheck.Difference d : report.differences()) {
            out.printf("  %s %s: the journal implies %d, the graph holds %d%n", d.of(), d.name(), d.expected(), d.found());
        }
        if (!report.consistent()) {
            out.println("  run 'chainline graph rebuild' to make the graph anew from the journal");
        }
    }
}
