package org.chainline.cli;

import io.micronaut.http.server.exceptions.ServerStartupException;
import org.chainline.dossier.SigningUnavailable;
import org.chainline.graph.GraphMigrationException;
import org.chainline.protection.ProtectionUnavailable;
import org.chainline.refusal.Refusal;
import org.chainline.regime.TemplateException;
import org.chainline.storage.StoreUnavailableException;
import org.flywaydb.core.api.FlywayException;

/** One line for the person at the terminal: the failure Chainline understood, not a wall of stack traces. */
final class StartupFailure {

    private StartupFailure() {
    }

    /** The message of a failure Chainline understands, or null for anything else (a bug: show its trace). */
    static String understood(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreUnavailableException || t instanceof GraphMigrationException
                    || t instanceof ProtectionUnavailable
                    || t instanceof TemplateException
                    || t instanceof SigningUnavailable
                    || t instanceof Refusal) {
                return t.getMessage();
            }
            if (t instanceof ServerStartupException) {
                return "the HTTP server could not start: " + StoreUnavailableException.rootMessage(t)
                        + " (is the port in use? choose another with --port)";
            }
            if (t instanceof FlywayException) {
                return "PostgreSQL schema migration failed: " + StoreUnavailableException.rootMessage(t);
            }
        }
        return null;
    }
}
