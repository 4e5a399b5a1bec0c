package org.chainline.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.chainline.security.Accounts;
import org.chainline.security.IssuedPassword;
import org.chainline.storage.StoreSettings;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** Starts the HTTP server on a started context (for 'serve' and 'demo'): first administrator, then the URL. */
final class Serving {

    private Serving() {
    }

    /** Starts serving; null when the server runs, or the exit code when it was stopped while starting. */
    static Integer start(ApplicationContext context, PrintWriter out) {
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            if (context.isRunning()) {
                context.close();
            }
        }, "chainline-shutdown"));
        try {
            // The first administrator exists before the server answers, so that 'healthy' means 'ready'.
            Optional<IssuedPassword> admin = context.getBean(Accounts.class).createFirstAdminIfNone("system");
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            admin.ifPresent(issued -> {
                out.println();
                out.println("No account existed, so the first administrator was created. This is shown once:");
                out.println("  username:           " + issued.username());
                out.println("  one-time password:  " + issued.oneTimePassword());
                out.println("Sign in at /sign-in in a browser (you choose your own password there), or log in with POST /login and");
                out.println("change it with PUT /api/me/password before anything else.");
                out.println();
            });
            StoreSettings settings = context.getBean(StoreSettings.class);
            String url = server.getURL().toString();
            out.println("Chainline is running at " + url);
            out.println("  workspace:       " + url + "/");
            out.println("  API docs:        " + url + "/swagger-ui/index.html");
            out.println("  health:          " + url + "/health");
            out.println("  data directory:  " + settings.dataDir());
            out.println("Stop it with Ctrl+C.");
            out.flush();
            return null;
        } catch (RuntimeException e) {
            if (stopping.get()) {
                // stopped (Ctrl+C) while starting: the stores were closed under our feet, which is fine
                return 130;
            }
            context.close();
            throw e;
        }
    }
}
