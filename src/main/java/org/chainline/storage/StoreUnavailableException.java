package org.chainline.storage;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * A store could not be started or reached. The message is one line naming the store and its address,
 * meant to be shown to the person who started Chainline as it is.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }

    /** Whether a failure comes from a store that could not be reached (no connection to be had, a server going away). */
    public static boolean isOutage(Throwable e) {
        return e instanceof StoreUnavailableException || PostgresOutage.isOutage(e);
    }

    /**
     * What actually went wrong, in a line: a network failure (unknown host, refused connection) wherever it
     * sits among the causes, else the first line of the innermost cause.
     */
    public static String rootMessage(Throwable e) {
        Optional<Throwable> network = find(e, 0);
        if (network.isPresent()) {
            Throwable n = network.get();
            String m = n.getMessage() == null ? "" : n.getMessage();
            return n instanceof UnknownHostException ? "unknown host " + m : firstLine(n);
        }
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return firstLine(t);
    }

    private static Optional<Throwable> find(Throwable t, int depth) {
        if (t == null || depth > 20) {
            return Optional.empty();
        }
        if (t instanceof UnknownHostException || t instanceof ConnectException
                || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
            return Optional.of(t);
        }
        for (Throwable suppressed : t.getSuppressed()) {
            Optional<Throwable> found = find(suppressed, depth + 1);
            if (found.isPresent()) {
                return found;
            }
        }
        return t.getCause() == t ? Optional.empty() : find(t.getCause(), depth + 1);
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
