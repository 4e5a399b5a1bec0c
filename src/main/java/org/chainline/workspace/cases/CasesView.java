package org.chainline.workspace.cases;

import io.micronaut.core.annotation.Introspected;
import org.chainline.cases.Case;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Page;

import java.util.List;

/**
 * The cases screen: the reader's cases (to an administrator every case, without summaries), and for counsel the form
 * that opens one, with what was typed and what was wrong when it is shown again.
 */
@Introspected
public record CasesView(Chrome chrome, List<Case> cases, boolean administrator, Opening opening) implements Page {

    /** The opening form: shown to counsel, holding what was typed. */
    public record Opening(boolean shown, String title, String summary, String reason, List<FieldError> errors) {
        static final Opening EMPTY = new Opening(true, "", "", "", List.of());
    }
}
