package org.chainline.dossier.layout;

/** The page size and the margins that hold the text (A4 by default), in points. */
public record Page(float width, float height, float left, float right, float top, float bottom) {

    public static final Page A4 = new Page(595.28f, 841.89f, 56, 56, 66, 58);

    public float textWidth() {
        return width - left - right;
    }
}
