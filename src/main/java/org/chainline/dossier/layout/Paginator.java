package org.chainline.dossier.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places blocks on pages: the one place where page breaks are decided. Headings of level 1 open a page, a heading is
 * kept with what follows it, table rows that do not fit move to the next page under a repeated header (and a row
 * taller than a page is split by lines), diagram boxes and timeline entries flow the same way.
 */
public final class Paginator {

    private static final float CELL_PAD = 3f;
    private static final int RULE = 0xC9CFD8;
    private static final int HEADER_FILL = 0xE6EBF2;

    private final Page page;
    private final Measure measure;
    private final List<List<Placed>> pages = new ArrayList<>();
    private final Map<String, Pages.Anchor> anchors = new LinkedHashMap<>();
    private final List<Block.Heading> outline = new ArrayList<>();
    private List<Placed> current;
    private float y;

    private Paginator(Page page, Measure measure) {
        this.page = page;
        this.measure = measure;
        newPage();
    }

    public static Pages paginate(List<Block> blocks, Page page, Measure measure) {
        Paginator p = new Paginator(page, measure);
        for (int i = 0; i < blocks.size(); i++) {
            p.place(blocks.get(i), i + 1 < blocks.size() ? blocks.get(i + 1) : null);
        }
        return new Pages(p.pages, p.anchors, p.outline);
    }

    private void newPage() {
        current = new ArrayList<>();
        pages.add(current);
        y = page.height() - page.top();
    }

    private boolean fresh() {
        return current.isEmpty();
    }

    private void ensure(float height) {
        if (y - height < page.bottom() && !fresh()) {
            newPage();
        }
    }

    private void anchor(String name) {
        if (name != null) {
            anchors.putIfAbsent(name, new Pages.Anchor(pages.size() - 1, y));
        }
    }

    private void place(Block block, Block next) {
        switch (block) {
            case Block.Heading h -> heading(h, next);
            case Block.Paragraph p -> paragraph(p);
            case Block.Table t -> table(t);
            case Block.Diagram d -> diagram(d);
            case Block.Timeline t -> timeline(t);
            case Block.Contents c -> contents(c);
            case Block.Space s -> {
                if (y - s.points() < page.bottom()) {
                    newPage();
                } else if (!fresh()) {
                    y -= s.points();
                }
            }
            case Block.PageBreak b -> {
                if (!fresh()) {
                    newPage();
                }
            }
        }
    }

    static Style headingStyle(int level) {
        return switch (level) {
            case 1 -> new Style(Style.Face.BOLD, 15f, Style.NAVY);
            case 2 -> new Style(Style.Face.BOLD, 11.5f, Style.NAVY);
            default -> new Style(Style.Face.BOLD, 10f, Style.INK);
        };
    }

    private void heading(Block.Heading h, Block next) {
        Style style = headingStyle(h.level());
        if (h.level() == 1 && !fresh()) {
            newPage();
        }
        List<TextLines.Line> lines = TextLines.wrap(List.of(Span.of(h.text(), style)), page.textWidth(), measure);
        float height = lines.stream().map(TextLines.Line::height).reduce(0f, Float::sum);
        // keep a heading with the first lines of what follows it
        ensure(height + 8 + (next instanceof Block.Heading ? 30 : 40));
        if (!fresh()) {
            y -= h.level() == 1 ? 0 : h.level() == 2 ? 8 : 4;
        }
        anchor(h.anchor());
        outline.add(h);
        lines(lines, page.left());
        if (h.level() == 1) {
            current.add(new Placed.Line(page.left(), y - 2, page.width() - page.right(), y - 2, 0.8f, Style.NAVY));
            y -= 10;
        } else {
            y -= 3;
        }
    }

    private void paragraph(Block.Paragraph p) {
        for (TextLines.Line line : TextLines.wrap(p.spans(), page.textWidth() - p.indent(), measure)) {
            ensure(line.height());
            lines(List.of(line), page.left() + p.indent());
        }
        y -= p.spaceAfter();
    }

    /** Draws lines at the cursor, moving it down; links become clickable areas. */
    private void lines(List<TextLines.Line> lines, float x) {
        for (TextLines.Line line : lines) {
            y -= line.height();
            float baseline = y + line.height() * 0.28f;
            for (TextLines.Fragment f : line.fragments()) {
                current.add(new Placed.Text(x + f.x(), baseline, f.style(), f.text()));
                if (f.link() != null) {
                    current.add(new Placed.Link(x + f.x(), y, f.width(), line.height(), f.link()));
                }
            }
        }
    }

    private void table(Block.Table t) {
        float[] xs = new float[t.widths().size() + 1];
        xs[0] = page.left();
        for (int i = 0; i < t.widths().size(); i++) {
            xs[i + 1] = xs[i] + t.widths().get(i) * page.textWidth();
        }
        List<List<TextLines.Line>> header = wrapRow(t.header(), xs);
        float headerHeight = rowHeight(header);
        ensure(headerHeight + 30);
        boolean atTop = fresh();
        drawRow(header, xs, null, true);
        for (List<Block.Cell> row : t.rows()) {
            List<List<TextLines.Line>> cells = wrapRow(row, xs);
            String anchor = row.stream().map(Block.Cell::anchor).filter(a -> a != null).findFirst().orElse(null);
            while (rowHeight(cells) > y - page.bottom()) {
                if (!atTop) {
                    // try the whole row on a fresh page, under the header again
                    newPage();
                    drawRow(header, xs, null, true);
                    atTop = true;
                    continue;
                }
                // taller than a whole page: the lines that fit here, the rest on the next page
                float fits = y - page.bottom() - 2 * CELL_PAD;
                List<List<TextLines.Line>> head = new ArrayList<>();
                List<List<TextLines.Line>> tail = new ArrayList<>();
                for (List<TextLines.Line> cell : cells) {
                    float used = 0;
                    int n = 0;
                    while (n < cell.size() && used + cell.get(n).height() <= fits) {
                        used += cell.get(n).height();
                        n++;
                    }
                    head.add(cell.subList(0, n));
                    tail.add(cell.subList(n, cell.size()));
                }
                if (head.stream().allMatch(List::isEmpty)) {
                    // not even one line fits a fresh page (never with the dossier's sizes): draw the row whole
                    break;
                }
                drawRow(head, xs, anchor, false);
                anchor = null;
                cells = tail;
                newPage();
                drawRow(header, xs, null, true);
            }
            drawRow(cells, xs, anchor, false);
            atTop = false;
        }
        y -= 6;
    }

    private List<List<TextLines.Line>> wrapRow(List<Block.Cell> row, float[] xs) {
        List<List<TextLines.Line>> cells = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            cells.add(TextLines.wrap(row.get(i).spans(), xs[i + 1] - xs[i] - 2 * CELL_PAD, measure));
        }
        return cells;
    }

    private static float rowHeight(List<List<TextLines.Line>> cells) {
        float max = 0;
        for (List<TextLines.Line> cell : cells) {
            max = Math.max(max, cell.stream().map(TextLines.Line::height).reduce(0f, Float::sum));
        }
        return max + 2 * CELL_PAD;
    }

    private void drawRow(List<List<TextLines.Line>> cells, float[] xs, String anchor, boolean header) {
        float height = rowHeight(cells);
        float top = y;
        anchor(anchor);
        if (header) {
            current.add(new Placed.Rect(xs[0], top - height, xs[xs.length - 1] - xs[0], height, -1, HEADER_FILL, 0));
        }
        for (int i = 0; i < cells.size(); i++) {
            y = top - CELL_PAD;
            lines(cells.get(i), xs[i] + CELL_PAD);
        }
        y = top - height;
        current.add(new Placed.Line(xs[0], y, xs[xs.length - 1], y, 0.4f, RULE));
    }

    private void diagram(Block.Diagram d) {
        float boxWidth = Math.min(page.textWidth(), 340);
        float x = page.left() + (page.textWidth() - boxWidth) / 2;
        float gap = 34;
        List<TextLines.Line> caption = TextLines.wrap(List.of(Span.of(d.caption(), Style.NOTE)), page.textWidth(), measure);
        ensure(caption.size() * Style.NOTE.leading() + 60);
        lines(caption, page.left());
        y -= 6;
        float previousBottom = Float.NaN;
        for (Block.Box box : d.boxes()) {
            List<TextLines.Line> lines = TextLines.wrap(box.lines(), boxWidth - 14, measure);
            float height = lines.stream().map(TextLines.Line::height).reduce(0f, Float::sum) + 10;
            boolean arrow = box.arrow() != null && !Float.isNaN(previousBottom);
            if (y - height - (arrow ? gap : 0) < page.bottom()) {
                newPage();
                arrow = false;
                lines(TextLines.wrap(List.of(Span.of("(chain continued from the previous page)", Style.NOTE)), page.textWidth(), measure), page.left());
                y -= 4;
            }
            if (arrow) {
                float cx = x + boxWidth / 2;
                current.add(new Placed.Line(cx, y - gap, cx, y - 5, 0.9f, Style.NAVY));
                current.add(new Placed.ArrowHead(cx, y, Style.NAVY));
                for (TextLines.Line l : TextLines.wrap(List.of(Span.of(box.arrow(), Style.NOTE)), boxWidth / 2 + 60, measure)) {
                    current.add(new Placed.Text(cx + 8, y - gap / 2 - 3, Style.NOTE, l.fragments().isEmpty() ? "" : l.fragments().getFirst().text()));
                    break;
                }
                y -= gap;
            }
            float top = y;
            current.add(new Placed.Rect(x, top - height, boxWidth, height, box.highlighted() ? 0xA8322D : Style.NAVY,
                    box.highlighted() ? 0xFBEDEC : 0xF4F6FA, box.highlighted() ? 1.6f : 0.8f));
            y -= 5;
            lines(lines, x + 7);
            y = top - height;
            previousBottom = y;
        }
        y -= 12;
    }

    private void timeline(Block.Timeline t) {
        float dateX = page.left();
        float lineX = page.left() + 78;
        float textX = lineX + 12;
        float lastDot = Float.NaN;
        int lastPage = -1;
        for (Block.Event e : t.events()) {
            List<TextLines.Line> label = TextLines.wrap(List.of(Span.of(e.label(), e.incident() ? Style.BODY.bold() : Style.BODY)),
                    page.width() - page.right() - textX, measure);
            float height = label.stream().map(TextLines.Line::height).reduce(0f, Float::sum) + 6;
            ensure(height);
            float top = y;
            float dotY = top - Style.BODY.leading() * 0.62f;
            if (lastPage == pages.size() - 1 && !Float.isNaN(lastDot)) {
                current.add(new Placed.Line(lineX, lastDot - 3, lineX, dotY + 3, 1f, 0x9AA5B4));
            }
            current.add(new Placed.Text(dateX, top - Style.BODY.leading() * 0.72f, Style.BODY.mono(), e.date()));
            current.add(new Placed.Rect(lineX - 3, dotY - 3, 6, 6, e.incident() ? 0xA8322D : Style.NAVY,
                    e.incident() ? 0xA8322D : 0xFFFFFF, 0.9f));
            lines(label, textX);
            y = top - height;
            lastDot = dotY;
            lastPage = pages.size() - 1;
        }
        y -= 6;
    }

    private void contents(Block.Contents c) {
        lines(TextLines.wrap(List.of(Span.of(c.title(), headingStyle(1))), page.textWidth(), measure), page.left());
        current.add(new Placed.Line(page.left(), y - 2, page.width() - page.right(), y - 2, 0.8f, Style.NAVY));
        y -= 12;
        for (Block.Heading h : c.headings()) {
            Style style = h.level() == 1 ? Style.BODY.bold() : Style.BODY;
            float indent = (h.level() - 1) * 14;
            List<TextLines.Line> lines = TextLines.wrap(List.of(Span.of(h.text(), style)), page.textWidth() - indent - 40, measure);
            float height = lines.stream().map(TextLines.Line::height).reduce(0f, Float::sum) + (h.level() == 1 ? 3 : 0);
            ensure(height);
            float top = y;
            lines(lines, page.left() + indent);
            current.add(new Placed.PageNumber(page.width() - page.right(), y + lines.getLast().height() * 0.28f, style, h.anchor()));
            current.add(new Placed.Link(page.left() + indent, y, page.textWidth() - indent, top - y, h.anchor()));
            y -= h.level() == 1 ? 3 : 0;
        }
    }
}
