package org.chainline.dossier.layout;

/** What the paginator placed on a page, in points from the page's bottom left; the drawing turns each into PDF. */
public sealed interface Placed {

    record Text(float x, float y, Style style, String text) implements Placed {
    }

    record Line(float x1, float y1, float x2, float y2, float width, int color) implements Placed {
    }

    /** A rectangle, stroked and/or filled (-1 for none). */
    record Rect(float x, float y, float width, float height, int stroke, int fill, float lineWidth) implements Placed {
    }

    /** A filled triangle pointing up at (x, y): the head of an arrow. */
    record ArrowHead(float x, float y, int color) implements Placed {
    }

    /** A clickable area that goes to an anchor. */
    record Link(float x, float y, float width, float height, String anchor) implements Placed {
    }

    /** The page number of an anchor, right-aligned at x (contents lines). */
    record PageNumber(float x, float y, Style style, String anchor) implements Placed {
    }
}
