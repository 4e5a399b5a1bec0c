package org.chainline.liability;

/** How well a claim, or a path of claims, is supported; ordered from weakest to strongest. */
public enum Strength {
    DISPUTED("disputed"),
    POSSIBLE("possible"),
    PROBABLE("probable"),
    ESTABLISHED("established");

    private final String word;

    Strength(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public Strength weakest(Strength other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
