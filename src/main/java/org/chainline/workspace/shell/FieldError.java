package org.chainline.workspace.shell;

import io.micronaut.core.annotation.Introspected;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A field's error, shown in the summary at the top of a form (linking to the field) and beside the field. */
@Introspected
public record FieldError(String field, String message) {

    /** A list's entry in a field's path ({@code names[0]}), which the form shows as its row. */
    private static final Pattern ENTRY = Pattern.compile("([A-Za-z]+)\\[(\\d{1,4})]");

    /** An API refusal's reason ("must be at least 12 characters") as a sentence naming the field. */
    public static String sentence(String field, String reason) {
        if (reason == null || reason.isBlank()) {
            return "Check " + label(field);
        }
        String text = reason.startsWith(field + " ") ? reason.substring(field.length() + 1) : reason;
        return capitalised(label(field)) + " " + text;
    }

    /** The error at the control {@code id}, or null: a template's lookup for the field it draws. */
    public static FieldError at(List<FieldError> errors, String id) {
        return errors.stream().filter(e -> e.field().equals(id)).findFirst().orElse(null);
    }

    /** The id of a field's control: "names[0].value" is "f-names-0-value". */
    public static String control(String field) {
        return "f-" + field.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    /**
     * A field's path as the user sees it: "newPassword" as "new password", and an entry of a list numbered as the
     * form shows its rows, "names[0].value" as "name 1 value", "casualties[1]" as "casualty 2".
     */
    public static String label(String field) {
        if (field == null) {
            return "this";
        }
        Matcher entries = ENTRY.matcher(field);
        StringBuilder numbered = new StringBuilder();
        while (entries.find()) {
            entries.appendReplacement(numbered, Matcher.quoteReplacement(
                    singular(entries.group(1)) + " " + (Integer.parseInt(entries.group(2)) + 1)));
        }
        entries.appendTail(numbered);
        StringBuilder out = new StringBuilder();
        for (char c : numbered.toString().toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append(' ').append(Character.toLowerCase(c));
            } else {
                out.append(c == '.' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** "names" as "name", "casualties" as "casualty", "aliases" as "alias": one row of a list. */
    private static String singular(String plural) {
        if (plural.endsWith("ies")) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        if (plural.endsWith("ses") || plural.endsWith("xes")) {
            return plural.substring(0, plural.length() - 2);
        }
        return plural.endsWith("s") && !plural.endsWith("ss") ? plural.substring(0, plural.length() - 1) : plural;
    }

    public static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
