package org.chainline.review;

import org.chainline.refusal.InvalidInput;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a reviewer decides on a claim, as the API and the forms name it ({@code accept}...). */
public enum Decision {
    /** The claim may be relied on: a dossier may rest on it. */
    ACCEPT,
    /** The claim is wrong: no dossier states it (a note says why). */
    REJECT,
    /** The claim is contested: a dossier states it as disputed, with the note (required) in its exculpatory section. */
    DISPUTE,
    /** Left for now: no state changes, and the claim comes after the others in this reviewer's queue. */
    DEFER;

    /** Its name in the API and the forms. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a note saying why is required. */
    public boolean needsNote() {
        return this == REJECT || this == DISPUTE;
    }

    /** The review state it leaves the claim in; empty for {@link #DEFER}, which changes none. */
    public Optional<String> state() {
        return switch (this) {
            case ACCEPT -> Optional.of(ReviewState.ACCEPTED);
            case REJECT -> Optional.of(ReviewState.REJECTED);
            case DISPUTE -> Optional.of(ReviewState.DISPUTED);
            case DEFER -> Optional.empty();
        };
    }

    /** The decision a word names, or empty. */
    public static Optional<Decision> of(String word) {
        return Arrays.stream(values()).filter(d -> d.word().equals(word)).findFirst();
    }

    /** The decision a request names in {@code field}, or a refusal naming the field and the words it may be. */
    public static Decision parse(String field, String word) {
        return of(word).orElseThrow(() -> new InvalidInput(field, "must be one of "
                + String.join(", ", Arrays.stream(values()).map(Decision::word).toList())
                + (word == null ? "" : " (it is '" + (word.length() > 80 ? word.substring(0, 80) + "..." : word) + "')")));
    }
}
