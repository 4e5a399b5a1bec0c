package org.chainline.cases;

import org.chainline.access.Roles;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * A member's role in one case. What a member may do there is the lower of this role and the account's own roles (an
 * administrator of the instance gives an account at most what it may ever do; a case's owner gives it at most that in
 * the case). An owner also adds and ends members and shares the case's material.
 */
public enum CaseRole {
    VIEWER("viewer"), ANALYST("analyst"), COUNSEL("counsel"), OWNER("owner");

    private final String id;

    CaseRole(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<CaseRole> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    /** Whether this role includes what {@code other} may do. */
    public boolean atLeast(CaseRole other) {
        return compareTo(other) >= 0;
    }

    /** The most an account with these roles may do in any case; empty for one that reads no case (an administrator only). */
    static Optional<CaseRole> ceiling(Collection<String> accountRoles) {
        if (accountRoles.contains(Roles.COUNSEL)) {
            return Optional.of(OWNER);
        }
        if (accountRoles.contains(Roles.ANALYST)) {
            return Optional.of(ANALYST);
        }
        if (accountRoles.contains(Roles.VIEWER)) {
            return Optional.of(VIEWER);
        }
        return Optional.empty();
    }
}
