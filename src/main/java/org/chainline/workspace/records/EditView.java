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
public record EditView(Chrome chrome, String type, String slug, @Nullable String id, String newId, String description,
                       List<Input> inputs, List<FieldError> errors, String reason, boolean retired) implements Page {

    /**
     * One property's control. {@code kind} is text, textarea, select, checkboxes or rows; {@code rows} hold the values
     * of composite properties (names, identifiers, casualties, citations), one list per row, in {@code columns}' order.
     */
    public record Input(String name, String id, String label, String kind, boolean required, @Nullable String hint,
                        String value, List<String> options, List<String> chosen, List<String> columns,
                        List<List<String>> rows, @Nullable String error) {
    }

    /** The page that asks which type a new record is. */
    @Introspected
    public record Chooser(Chrome chrome, List<Choice> entities, List<Choice> claims) implements Page {
    }

    /** The types a new record may be, for the chooser. */
    public record Choice(String slug, String name, String description) {
    }
}
