package org.chainline.refusal;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one request, gathered field by field and refused together: a check that goes on after its first
 * problem lets the user mend every field in one round, where stopping at the first makes them submit once per mistake.
 */
public final class Problems {

    private final List<Refusal.Problem> found = new ArrayList<>();

    /** Notes that {@code field} {@code reason} ("subject", "is required"). */
    public Problems add(String field, String reason) {
        found.add(new Refusal.Problem(field, field + " " + reason));
        return this;
    }

    /** Whether a problem with {@code field} has been noted, so that a check that builds on it can be skipped. */
    public boolean has(String field) {
        return found.stream().anyMatch(p -> field.equals(p.field()));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Refuses the request with every problem noted, if there is one. */
    public void refuseIfAny() {
        if (!found.isEmpty()) {
            throw InvalidInput.of(found);
        }
    }
}
