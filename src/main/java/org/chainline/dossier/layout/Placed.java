package org.chainline.dossier.layout;

/** What the paginator placed on a page, in points from the page's bottom left; the drawing turns each into PDF. */
public sealed interface Placed {

    record Text(float x, float y, Style style, String text) implements Placed {
    }

    record Line(float x1, float y1, float x2, float y2, float width, int color) implements Placed {
    }

    /** A rectangle, stroked and/or filled (-1 for none), its outline dashed or solid. */
    record Rect(float x, float y, float width, float height, int stroke, int fill, float lineWidth, boolean dashed) implements Placed {
        public Rect(float x, float y, float width, float height, int stroke, int fill, float lineWidth) {
            this(x, y, width, height, stroke, fill, lineWidth, false);
        }
    }

    /** Straight segments through the points ({@code xs[i]}, {@code ys[i]}), stroked as one path: an arrow's shaft. */
    record Polyline(float[] xs, float[] ys, float width, int color) implements Placed {
    }

    /** A filled triangle with its tip at (x, y), pointing up (or down): the head of an arrow. */
    record ArrowHead(float x, float y, int color, boolean down) implements Placed {
        public ArrowHead(float x, float y, int color) {
            this(x, y, color, false);
        }
    }

    /** A clickable area that goes to an anchor. */
    record Link(float x, float y, float width, float height, String anchor) implements Placed {
    }

    /** The page number of an anchor, right-aligned at x (contents lines). */
    record PageNumber(float x, float y, Style style, String anchor) implements Placed {
    }
}
