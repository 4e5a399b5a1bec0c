package org.chainline.dossier.layout;

/** Text metrics of the fonts a dossier is drawn in. */
public interface Measure {

    /** Width in points of the text in the style. */
    float width(Style style, String text);

    /** The text with every character the face cannot draw replaced, so that drawing never fails. */
    String printable(Style.Face face, String text);
}
