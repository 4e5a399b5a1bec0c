package org.chainline.workspace.shell;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.security.authentication.Authentication;
import org.chainline.access.Roles;

/** What every page's frame shows: who is signed in, what they may do, and which section is open. */
@Introspected
public record Chrome(String username, boolean analyst, boolean counsel, boolean grant, String section) {

    public static Chrome of(Authentication who, String section) {
        return new Chrome(who.getName(), who.getRoles().contains(Roles.ANALYST), who.getRoles().contains(Roles.COUNSEL),
                who.getRoles().contains(Roles.WITNESS_PROTECTION), section);
    }
}
