package org.chainline.refusal;

/**
 * Not now: the same request will be taken after {@link #retryAfterSeconds()}. {@link Reason#THROTTLED}: too many
 * attempts by this account or from this address (429 over HTTP); {@link Reason#BUSY}: too many requests of its kind are
 * being served at once (503 over HTTP). Both with the wait.
 */
public final class TryLater extends Refusal {

    /** Why the request must wait. */
    public enum Reason { THROTTLED, BUSY }

    private final Reason reason;
    private final long retryAfterSeconds;

    public TryLater(Reason reason, long retryAfterSeconds, String message) {
        super(null, message);
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Reason reason() {
        return reason;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
