package org.chainline.graph;

/** The graph schema cannot be brought up to date; the message says which file and why. */
public final class GraphMigrationException extends RuntimeException {

    public GraphMigrationException(String message) {
        super(message);
    }
}
