package org.chainline.dossier.layout;

/** A run of text in one style; {@code link}, when set, makes it a link to that anchor (a register entry). */
public record Span(String text, Style style, String link) {

    public static Span of(String text, Style style) {
        return new Span(text, style, null);
    }

    public static Span link(String text, Style style, String anchor) {
        return new Span(text, style.colored(Style.LINK), anchor);
    }
}
