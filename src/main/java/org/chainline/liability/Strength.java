package org.chainline.liability;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.Optional;

/**
 * How well a claim, or a path of claims, is supported; ordered from weakest to strongest, which is the one ordering of
 * strengths (compare them, never their words). Written out, in JSON and in text, as its word.
 */
@Serdeable
public enum Strength {
    DISPUTED("disputed"),
    POSSIBLE("possible"),
    PROBABLE("probable"),
    ESTABLISHED("established");

    private final String word;

    Strength(String word) {
        this.word = word;
    }

    @JsonValue
    public String word() {
        return word;
    }

    /** The strength a word names, as JSON and the API write it. */
    @JsonCreator
    public static Strength of(String word) {
        return named(word).orElseThrow(() -> new IllegalArgumentException("not a strength: " + word));
    }

    /** The strength a word names, if it names one. */
    public static Optional<Strength> named(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst();
    }

    public Strength weakest(Strength other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Strength strongest(Strength other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** Its word, so that a strength reads the same in a sentence as in JSON. */
    @Override
    public String toString() {
        return word;
    }
}
