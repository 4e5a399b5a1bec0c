package org.chainline.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the JSON reader's terse complaints ("Unexpected token VALUE_NUMBER_INT, expected START_ARRAY at
 * line 1, column 30") into sentences that name the field: {@code roles: expected a list, got a number}.
 * The field is found by reading the request body again up to the reported position.
 */
final class JsonBodyErrors {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern LOCATION =
            Pattern.compile("\\s*at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
    private static final Pattern CONVERSION_PREFIX =
            Pattern.compile("^Failed to convert argument \\[[^\\]]*\\] for value \\[[^\\]]*\\] due to: ");
    private static final Pattern MISMATCH = Pattern.compile("Unexpected token (\\w+), expected (\\w+)");
    private static final Map<String, String> WORDS = Map.of(
            "START_OBJECT", "an object", "START_ARRAY", "a list", "VALUE_STRING", "text",
            "VALUE_NUMBER_INT", "a number", "VALUE_NUMBER_FLOAT", "a number", "VALUE_TRUE", "true or false",
            "VALUE_FALSE", "true or false", "VALUE_NULL", "null", "END_OBJECT", "the end of an object",
            "END_ARRAY", "the end of a list");

    private JsonBodyErrors() {
    }

    /** A sentence for people and, where it can be found, the field at fault. */
    record Described(String message, String field) {
    }

    static Described describe(String raw, Supplier<Optional<byte[]>> body) {
        String message = CONVERSION_PREFIX.matcher(raw.strip()).replaceFirst("");
        Matcher location = LOCATION.matcher(message);
        Integer line = null;
        Integer column = null;
        if (location.find()) {
            line = Integer.valueOf(location.group(1));
            column = Integer.valueOf(location.group(2));
            message = (message.substring(0, location.start()) + message.substring(location.end())).strip();
        }
        Matcher mismatch = MISMATCH.matcher(message);
        if (mismatch.find() && line != null) {
            String expected = WORDS.getOrDefault(mismatch.group(2), mismatch.group(2));
            String actual = WORDS.getOrDefault(mismatch.group(1), mismatch.group(1));
            int atLine = line;
            int atColumn = column;
            Optional<String> field = body.get().flatMap(bytes -> fieldAt(bytes, atLine, atColumn));
            if (field.isPresent()) {
                return new Described(field.get() + ": expected " + expected + ", got " + actual, field.get());
            }
            return new Described("expected " + expected + ", got " + actual + " at line " + line + ", column " + column,
                    null);
        }
        if (line != null) {
            message = message.replaceFirst("^Invalid JSON: ", "Invalid JSON at line " + line + ", column " + column + ": ");
        }
        return new Described(message, null);
    }

    /**
     * The dotted path ({@code victims[2].name}) of the value the reader was in when it stopped at this line
     * and column: the last value that starts before that position.
     */
    static Optional<String> fieldAt(byte[] body, int line, int column) {
        String found = null;
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                JsonLocation at = parser.currentTokenLocation();
                if (at.getLineNr() > line || (at.getLineNr() == line && at.getColumnNr() >= column)) {
                    break;
                }
                if (token != JsonToken.FIELD_NAME) {
                    found = path(parser.getParsingContext().pathAsPointer(false).toString());
                }
            }
        } catch (IOException e) {
            // the body stops being readable JSON somewhere: the last value before that is still the answer
        }
        return Optional.ofNullable(found).filter(p -> !p.isEmpty());
    }

    private static String path(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                path.append('[').append(part).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.toString();
    }
}
