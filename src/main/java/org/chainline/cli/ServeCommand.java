package org.chainline.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.chainline.security.Accounts;
import org.chainline.security.IssuedPassword;
import org.chainline.storage.StoreSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

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
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            if (context.isRunning()) {
                context.close();
            }
        }, "chainline-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        try {
            // The first administrator exists before the server answers, so that 'healthy' means 'ready'.
            Optional<IssuedPassword> admin = context.getBean(Accounts.class).createFirstAdminIfNone("system");
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            admin.ifPresent(issued -> {
                out.println();
                out.println("No account existed, so the first administrator was created. This is shown once:");
                out.println("  username:           " + issued.username());
                out.println("  one-time password:  " + issued.oneTimePassword());
                out.println("Log in with POST /login and change it with PUT /api/me/password before anything else.");
                out.println();
            });
            StoreSettings settings = context.getBean(StoreSettings.class);
            String url = server.getURL().toString();
            out.println("Chainline is running at " + url);
            out.println("  API docs:        " + url + "/swagger-ui/index.html");
            out.println("  health:          " + url + "/health");
            out.println("  data directory:  " + settings.dataDir());
            out.println("Stop it with Ctrl+C.");
            out.flush();
        } catch (RuntimeException e) {
            if (stopping.get()) {
                // stopped (Ctrl+C) while starting: the stores were closed under our feet, which is fine
                return 130;
            }
            context.close();
            throw e;
        }
        return ChainlineCommand.KEEP_RUNNING;
    }
}
