package org.chainline.dossier.layout;

/** How a run of text looks: which of the dossier's fonts, its size and colour (0xRRGGBB). */
public record Style(Face face, float size, int color) {

    /** The dossier's four faces, each an embedded Liberation font. */
    public enum Face { REGULAR, BOLD, ITALIC, MONO }

    public static final int INK = 0x1A1A1A;
    public static final int NAVY = 0x1F3A5F;
    public static final int GREY = 0x5A6270;
    public static final int LINK = 0x1F4FA8;

    public static final Style BODY = new Style(Face.REGULAR, 9.5f, INK);
    public static final Style SMALL = new Style(Face.REGULAR, 8f, INK);
    public static final Style NOTE = new Style(Face.ITALIC, 8.5f, GREY);

    public Style bold() {
        return new Style(Face.BOLD, size, color);
    }

    public Style italic() {
        return new Style(Face.ITALIC, size, color);
    }

    public Style mono() {
        return new Style(Face.MONO, size * 0.92f, color);
    }

    public Style colored(int rgb) {
        return new Style(face, size, rgb);
    }

    public float leading() {
        return size * 1.32f;
    }
}
