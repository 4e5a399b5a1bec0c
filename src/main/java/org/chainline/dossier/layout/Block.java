package org.chainline.dossier.layout;

import java.util.List;

/** The structure of a dossier, before anything is placed on a page: what to say, not where. */
public sealed interface Block {

    /** A section or sub-section title; level 1 starts a new page; each heading is a bookmark and a contents line. */
    record Heading(int level, String text, String anchor) implements Block {
    }

    /** Wrapped text; {@code indent} in points from the left margin. */
    record Paragraph(List<Span> spans, float indent, float spaceAfter) implements Block {
        public static Paragraph of(Span... spans) {
            return new Paragraph(List.of(spans), 0, 4);
        }
    }

    /** A table whose header repeats on every page it runs onto; column widths are fractions of the text width. */
    record Table(List<Float> widths, List<Cell> header, List<List<Cell>> rows) implements Block {
    }

    /** One table cell; {@code anchor}, when set, is where links to it land (a register entry). */
    record Cell(List<Span> spans, String anchor) {
        public static Cell of(Span... spans) {
            return new Cell(List.of(spans), null);
        }
    }

    /**
     * A command chart: units in boxes with their commanders, and an arrow for each relation from a unit up to its
     * superior; laid out in rows by {@link org.chainline.chart.LayeredLayout}.
     */
    record Diagram(String caption, List<Box> boxes, List<Arrow> arrows) implements Block {
    }

    /** One unit's box; {@code title} names it again where a chart continued on a new page points back at it. */
    record Box(String id, String title, List<Span> lines, boolean highlighted) {
    }

    /** An arrow from the box {@code from} up to the box {@code to}, with its label (the relation, its strength). */
    record Arrow(String id, String from, String to, String label) {
    }

    /** A vertical timeline: one dot per dated event, incidents marked apart. */
    record Timeline(List<Event> events) implements Block {
    }

    record Event(String date, String label, boolean incident) {
    }

    /** The contents, filled with page numbers once the pages are known. */
    record Contents(String title, List<Heading> headings) implements Block {
    }

    /** Vertical space in points. */
    record Space(float points) implements Block {
    }

    record PageBreak() implements Block {
    }
}
