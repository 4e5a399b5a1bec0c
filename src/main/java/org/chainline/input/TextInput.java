package org.chainline.input;

import org.chainline.refusal.InvalidInput;

import java.text.Normalizer;

/**
 * The one rule for free text coming in: trimmed, NFC, within its length, and without control characters other than
 * line breaks and tabs (where lines are allowed).
 */
public final class TextInput {

    private TextInput() {
    }

    /** What is wrong with a text, or null; {@code value} is the text as it will be kept (see {@link #normal}). */
    public static String problem(String value, int max, boolean lines) {
        if (value.isEmpty()) {
            return "must not be blank";
        }
        if (value.length() > max) {
            return "must be at most " + max + " characters (it has " + value.length() + ")";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && !(lines && (c == '\n' || c == '\r' || c == '\t'))) {
                return "contains a control character at position " + (i + 1);
            }
        }
        return null;
    }

    /** The text as it is kept: trimmed, in Unicode normal form C. */
    public static String normal(String value) {
        return Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }

    /** The kept text, null when absent or blank (unless required), or a 400 naming the field. */
    public static String clean(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInput(field, "is required");
            }
            return null;
        }
        String v = normal(value);
        String problem = problem(v, max, true);
        if (problem != null) {
            throw new InvalidInput(field, problem);
        }
        return v;
    }
}
