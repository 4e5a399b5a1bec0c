package org.chainline.cli;

import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the Chainline service (HTTP API and API docs) on the data directory's stores.",
                "On the first start it creates the administrator 'admin' and prints a one-time password, once."})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    ChainlineCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT",
            description = "HTTP port (default: 8080, or MICRONAUT_SERVER_PORT; 0 picks a free one).")
    Integer port;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Address to listen on (default: localhost only; 0.0.0.0 for all interfaces).")
    String host;

    @Override
    public Integer call() {
        Map<String, Object> properties = new HashMap<>();
        if (port != null) {
            properties.put("micronaut.server.port", port);
        }
        if (host != null) {
            properties.put("micronaut.server.host", host);
        }
        ApplicationContext context = Contexts.start(root, properties);
        Integer stopped = Serving.start(context, spec.commandLine().getOut());
        if (stopped != null) {
            return stopped;
        }
        return ChainlineCommand.KEEP_RUNNING;
    }
}
