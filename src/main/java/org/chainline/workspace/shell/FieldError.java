package org.chainline.workspace.shell;

import io.micronaut.core.annotation.Introspected;

/** A field's error, shown in the summary at the top of a form (linking to the field) and beside the field. */
@Introspected
public record FieldError(String field, String message) {

    /** An API refusal's reason ("must be at least 12 characters") as a sentence naming the field. */
    public static String sentence(String field, String reason) {
        if (reason == null || reason.isBlank()) {
            return "Check " + label(field);
        }
        String text = reason.startsWith(field + " ") ? reason.substring(field.length() + 1) : reason;
        return capitalised(label(field)) + " " + text;
    }

    /** "newPassword" as "new password", "violations[0]" as "violations (1)". */
    public static String label(String field) {
        if (field == null) {
            return "this";
        }
        StringBuilder out = new StringBuilder();
        for (char c : field.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append(' ').append(Character.toLowerCase(c));
            } else {
                out.append(c == '.' ? ' ' : c);
            }
        }
        return out.toString();
    }

    public static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
