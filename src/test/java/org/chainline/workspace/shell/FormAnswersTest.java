package org.chainline.workspace.shell;

import org.chainline.refusal.InvalidInput;
import org.chainline.refusal.Problems;
import org.chainline.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How a refusal's problems become a form's errors: one per field, at its control, named as the form names it. */
class FormAnswersTest {

    static Refusal refused(Problems problems) {
        return assertThrows(InvalidInput.class, problems::refuseIfAny);
    }

    @Test
    void everyProblemIsAtItsFieldAndTwoOfOneFieldAreOneErrorThere() {
        Refusal e = refused(new Problems().add("subject", "is required").add("annex", "names ev-1, which has no file")
                .add("annex", "names ev-2, which is not protected").add("names[1].kind", "must be one of primary, alias"));
        assertEquals(List.of(new FieldError("f-subject", "Subject is required"),
                new FieldError("f-annex", "Annex names ev-1, which has no file. Annex names ev-2, which is not protected."),
                new FieldError("f-names-1-kind", "Name 2 kind must be one of primary, alias")), FormAnswers.errors(e, "form"));
    }

    @Test
    void aFormNamesTheFieldInItsOwnWordsAndAProblemItHasNoFieldForIsSaidAtTheForm() {
        Refusal e = refused(new Problems().add("confirmPassword", "is not the same as the new password"));
        assertEquals(List.of(new FieldError("confirmPassword", "New password again is not the same as the new password")),
                FormAnswers.errors(e, f -> f, f -> f, f -> f.equals("confirmPassword") ? "new password again" : null));
        assertEquals("f-form", FormAnswers.errors(new InvalidInput("elsewhere", "is wrong"), f -> null).getFirst().field());
    }
}
