package org.chainline.workspace.counsel;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.chainline.counsel.CounselText;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Page;

import java.util.List;

/**
 * Counsel's text editor for one subject under one regime: the request letter, the case summary, the impact argument
 * and a note per incident, the version being edited, each field's citation problems beside it, and the versions.
 */
@Introspected
public record CounselView(Chrome chrome, About about, Draft draft, List<FieldError> errors, @Nullable String saved,
                          List<CounselText> versions) implements Page {

    /** Whom the text is about, under which regime, by id and by name. */
    public record About(String subject, String subjectName, String regime, String regimeName) {
    }

    /** The texts as the form holds them (saved, or sent and refused), and the version they were written over. */
    public record Draft(@Nullable String letter, @Nullable String summary, @Nullable String impact, List<Note> notes,
                        int version) {
    }

    /** An incident the subject is linked to, and counsel's note on it. */
    @Introspected
    public record Note(String incident, String title, @Nullable String text) {

        public String field() {
            return "incident-" + incident;
        }
    }
}
