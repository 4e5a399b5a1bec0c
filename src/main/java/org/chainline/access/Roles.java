package org.chainline.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The roles of architecture.md. {@code viewer} reads; {@code analyst} also edits the graph and evidence;
 * {@code counsel} also approves claims and produces dossiers; {@code admin} manages accounts and keys and is
 * deliberately not a reader of case material. A token carries the roles a granted role implies.
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String ANALYST = "analyst";
    public static final String COUNSEL = "counsel";
    public static final String ADMIN = "admin";
    /**
     * The grant to see protected identities (witnesses, protected victims, sources). Implied by no other role, not
     * even admin: an administrator may only ask for it; it is given with the consent of an existing holder (the first
     * is named at set-up), suspended by a password reset, and every step and every reveal is journaled.
     */
    public static final String WITNESS_PROTECTION = "witness-protection";
    /** The only role of someone who logged in with a one-time password and has not yet changed it. */
    public static final String PASSWORD_CHANGE_REQUIRED = "password-change-required";

    public static final List<String> GRANTABLE = List.of(VIEWER, ANALYST, COUNSEL, ADMIN, WITNESS_PROTECTION);

    private Roles() {
    }

    /** The granted roles with the ones they imply, and the witness-protection grant if it is active. */
    public static Set<String> implied(Iterable<String> granted, boolean holdsProtectionGrant) {
        Set<String> roles = implied(granted);
        if (holdsProtectionGrant) {
            roles.add(WITNESS_PROTECTION);
        }
        return roles;
    }

    /** The granted roles with the ones they imply, in a stable order. */
    public static Set<String> implied(Iterable<String> granted) {
        Set<String> roles = new LinkedHashSet<>();
        for (String role : granted) {
            switch (role) {
                case COUNSEL -> roles.addAll(List.of(VIEWER, ANALYST, COUNSEL));
                case ANALYST -> roles.addAll(List.of(VIEWER, ANALYST));
                default -> roles.add(role);
            }
        }
        return roles;
    }
}
