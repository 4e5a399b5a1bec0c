package org.chainline.workspace.shell;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A refusal names its field as the form shows it: rows numbered from 1, never as the API's path. */
class FieldErrorTest {

    @Test
    void aListsEntryIsNamedAsTheRowTheFormShows() {
        assertEquals("name 1 value", FieldError.label("names[0].value"));
        assertEquals("casualty 2 min", FieldError.label("casualties[1].min"));
        assertEquals("alias 3", FieldError.label("aliases[2]"));
        assertEquals("identifier 1 scheme", FieldError.label("identifiers[0].scheme"));
        assertEquals("Name 1 value must not be empty", FieldError.sentence("names[0].value", "must not be empty"));
    }

    @Test
    void otherFieldsReadAsWords() {
        assertEquals("new password", FieldError.label("newPassword"));
        assertEquals("start", FieldError.label("start"));
        assertEquals("this", FieldError.label(null));
        assertEquals("Reason is required: say why", FieldError.sentence("reason", "is required: say why"));
    }
}
