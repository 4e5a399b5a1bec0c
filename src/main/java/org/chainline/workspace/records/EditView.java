package org.chainline.workspace.records;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Page;

import java.util.List;

/**
 * A record's form, generated from the model (one renderer for every type: a new type needs no new page), with the
 * API's field errors at the fields and in a summary above.
 */
@Introspected
public record EditView(Chrome chrome, Heading heading, Filed filed, List<Input> inputs, List<FieldError> errors, String reason,
                       boolean retired) implements Page {

    /**
     * Where a new record goes: the writer's cases where it is an analyst or above (a choice when there are several) and
     * the one chosen; a record never moves, so a change shows none.
     */
    public record Filed(List<CaseChoice> cases, String chosen) {
    }

    /** A case to choose, by id and title. */
    public record CaseChoice(String id, String title) {
    }

    /** What the form is about: a type, and the record when it changes one (null: a new record, {@code newId} proposed). */
    public record Heading(String type, String slug, @Nullable String id, String newId, String description) {
    }

    /** One property's control, with every error about it (its rows' included), or null. */
    public record Input(Field field, Control control, @Nullable String error) {
    }

    /** The property the control changes: its form name, its control's id, its label, and the hint under it. */
    public record Field(String name, String id, String label, boolean required, @Nullable String hint) {
    }

    /** How the property is entered, one kind per shape of value. */
    public sealed interface Control permits Line, Paragraph, Select, Checkboxes, Rows {
    }

    /** One line of text (several values separated by commas). */
    public record Line(String value) implements Control {
    }

    /** Text of several lines. */
    public record Paragraph(String value) implements Control {
    }

    /** One of a vocabulary's words. */
    public record Select(List<String> options, @Nullable String chosen) implements Control {
    }

    /** Any of a vocabulary's words. */
    public record Checkboxes(List<String> options, List<String> chosen) implements Control {
    }

    /**
     * A composite property (names, identifiers, casualties, citations): one list of values per row, in {@code columns}'
     * order; {@code stances} are the choices of a citation's stance column.
     */
    public record Rows(List<String> columns, List<List<String>> rows, List<String> stances) implements Control {
    }

    /** The page that asks which type a new record is. */
    @Introspected
    public record Chooser(Chrome chrome, List<Choice> entities, List<Choice> claims) implements Page {
    }

    /** The types a new record may be, for the chooser. */
    public record Choice(String slug, String name, String description) {
    }
}
