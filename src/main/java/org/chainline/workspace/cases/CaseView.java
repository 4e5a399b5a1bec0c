package org.chainline.workspace.cases;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.chainline.cases.Case;
import org.chainline.cases.Membership;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Page;

import java.util.List;

/**
 * One case: what it is about, who is and was in it, what it holds and what needs doing, to its members; to an
 * administrator who is not one, only its title and its members (it administers them without reading the case).
 */
@Introspected
public record CaseView(Chrome chrome, Case about, boolean member, Powers powers, List<Membership> members,
                       List<Held> holds, @Nullable Integer awaitingReview, Adding adding) implements Page {

    /**
     * What the reader may do to the members: an owner adds and ends them; an administrator ends them, and adds them
     * only to a case left without an owner.
     */
    public record Powers(boolean adds, boolean ends) {
    }

    /** How many records of a type the case holds, and where they are listed. */
    public record Held(String type, long count) {
    }

    /** The form that adds a member, holding what was typed and what was wrong. */
    public record Adding(String account, String role, String until, String reason, List<String> roles, List<FieldError> errors) {
    }
}
