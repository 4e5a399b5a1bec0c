package org.chainline.dossier.layout;

import org.chainline.chart.LayeredLayout;
import org.chainline.regime.Labels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
    /** Each chart's sizes, fitted once: the heading before it asks for its height, then it is placed. */
    private final Map<Block.Diagram, ChartSizes> fitted = new IdentityHashMap<>();

    private final Labels labels;

    private Paginator(Page page, Measure measure, Labels labels) {
        this.page = page;
        this.measure = measure;
        this.labels = labels;
        newPage();
    }

    /** The blocks placed on pages; {@code labels} word what the placing adds (a superior drawn on another page). */
    public static Pages paginate(List<Block> blocks, Page page, Measure measure, Labels labels) {
        Paginator p = new Paginator(page, measure, labels);
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
        // keep a heading with the first lines of what follows it, or with the whole of a chart that fits a page
        float keep = next instanceof Block.Heading ? 30 : 40;
        if (next instanceof Block.Diagram d) {
            // the whole chart when it fits a page; else enough of it for its first rows to follow the heading here
            float chart = height(d);
            keep = chart + height + 8 <= page.height() - page.top() - page.bottom() ? chart : Math.min(chart, 300);
        }
        ensure(height + 8 + keep);
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

    /**
     * A command chart: laid out whole by {@link LayeredLayout}, and placed here if it fits, else on a new page; a
     * chart taller than a page is cut between rows, and each part laid out again with the superiors its top row
     * points at repeated above it as dashed boxes, so that every arrow is drawn once, whole, on the page of the
     * unit it leaves.
     */
    private void diagram(Block.Diagram d) {
        List<TextLines.Line> caption = TextLines.wrap(List.of(Span.of(d.caption(), Style.NOTE)), page.textWidth(), measure);
        float captionHeight = caption.stream().map(TextLines.Line::height).reduce(0f, Float::sum) + 6;
        if (d.boxes().isEmpty()) {
            ensure(captionHeight);
            lines(caption, page.left());
            y -= 6;
            return;
        }
        ChartSizes sizes = sizes(d);
        Map<String, Integer> rows = LayeredLayout.rows(sizes.nodes(d.boxes()), sizes.edges(d.arrows()));
        int lastRow = rows.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<String, Integer> pageOf = new HashMap<>();
        boolean pageStart = fresh();
        int from = 0;
        while (from <= lastRow) {
            float room = y - page.bottom() - (from == 0 ? captionHeight : 0);
            Part fitted = null;
            int to = lastRow;
            for (; to >= from; to--) {
                Part part = part(d, sizes, rows, from, to, pageOf);
                if (part.chart().height() <= room) {
                    fitted = part;
                    break;
                }
            }
            if (fitted == null) {
                if (!pageStart) {
                    newPage();
                    pageStart = true;
                    if (from > 0) {
                        continued();
                    }
                    continue;
                }
                // one row taller than a page (never at the dossier's sizes): drawn whole, running over the margin
                to = from;
                fitted = part(d, sizes, rows, from, to, pageOf);
            }
            if (from == 0) {
                lines(caption, page.left());
                y -= 6;
            }
            draw(fitted, pageOf);
            from = to + 1;
            if (from <= lastRow) {
                newPage();
                pageStart = true;
                continued();
            }
        }
        y -= 12;
    }

    /** The height a diagram needs, caption included, when it is drawn whole. */
    private float height(Block.Diagram d) {
        float caption = TextLines.wrap(List.of(Span.of(d.caption(), Style.NOTE)), page.textWidth(), measure).stream()
                .map(TextLines.Line::height).reduce(0f, Float::sum) + 6;
        if (d.boxes().isEmpty()) {
            return caption;
        }
        ChartSizes sizes = sizes(d);
        return caption + LayeredLayout.layout(sizes.nodes(d.boxes()), sizes.edges(d.arrows()), LayeredLayout.Spacing.DEFAULT).height();
    }

    private ChartSizes sizes(Block.Diagram d) {
        return fitted.computeIfAbsent(d, k -> ChartSizes.fitting(k, page.textWidth(), measure));
    }

    private void continued() {
        lines(TextLines.wrap(List.of(Span.of("(chain continued from the previous page)", Style.NOTE)), page.textWidth(), measure), page.left());
        y -= 4;
    }

    /** Rows of a chart laid out for one page: its boxes by id (the dashed ones among them) and its arrows by id. */
    private record Part(LayeredLayout.Chart chart, Map<String, Block.Box> boxes, Set<String> dashed,
                        Map<String, Block.Arrow> arrows) {
    }

    /** The rows {@code from}..{@code to} of a chart, and a dashed box for each superior above them they point at. */
    private Part part(Block.Diagram d, ChartSizes sizes, Map<String, Integer> rows, int from, int to, Map<String, Integer> pageOf) {
        Map<String, Block.Box> all = new HashMap<>();
        d.boxes().forEach(b -> all.put(b.id(), b));
        Map<String, Block.Box> boxes = new LinkedHashMap<>();
        for (Block.Box b : d.boxes()) {
            int row = rows.get(b.id());
            if (row >= from && row <= to) {
                boxes.put(b.id(), b);
            }
        }
        Map<String, Block.Box> stubs = new LinkedHashMap<>();
        Map<String, Block.Arrow> arrows = new LinkedHashMap<>();
        for (Block.Arrow a : d.arrows()) {
            int source = rows.get(a.from());
            if (source < from || source > to) {
                continue;
            }
            int target = rows.get(a.to());
            if (target >= from && target <= to) {
                arrows.put(a.id(), a);
            } else {
                Block.Box stub = stubs.computeIfAbsent(a.to(), id -> stub(all.get(id), pageOf.get(id)));
                arrows.put(a.id(), new Block.Arrow(a.id(), a.from(), stub.id(), a.label()));
            }
        }
        stubs.values().forEach(b -> boxes.put(b.id(), b));
        LayeredLayout.Chart chart = LayeredLayout.layout(sizes.nodes(List.copyOf(boxes.values())),
                sizes.edges(List.copyOf(arrows.values())), LayeredLayout.Spacing.DEFAULT);
        return new Part(chart, boxes, stubs.values().stream().map(Block.Box::id).collect(Collectors.toSet()), arrows);
    }

    /** A box's id is a record id, which holds no space: a repeated superior's cannot collide with one. */
    private Block.Box stub(Block.Box of, Integer onPage) {
        String where = onPage == null ? labels.get(Labels.Key.DRAWN_ELSEWHERE)
                : labels.get(Labels.Key.DRAWN_ON_PAGE, "page", onPage + 1);
        return new Block.Box("continued " + of.id(), of.title(), List.of(Span.of(of.title(), Style.SMALL.bold()),
                Span.of("\n" + where, Style.NOTE)), false);
    }

    private void draw(Part part, Map<String, Integer> pageOf) {
        LayeredLayout.Chart chart = part.chart();
        float top = y;
        float left = page.left() + Math.max(0, (page.textWidth() - chart.width()) / 2);
        for (LayeredLayout.Route r : chart.routes()) {
            List<LayeredLayout.Point> p = r.points();
            float[] xs = new float[p.size()];
            float[] ys = new float[p.size()];
            for (int i = 0; i < p.size(); i++) {
                xs[i] = left + p.get(i).x();
                ys[i] = top - p.get(i).y();
            }
            // the shaft stops under the head, whose tip touches the box
            int last = p.size() - 1;
            boolean down = ys[last] < ys[last - 1];
            float tip = ys[last];
            ys[last] = down ? tip + 5 : tip - 5;
            current.add(new Placed.Polyline(xs, ys, 0.9f, Style.NAVY));
            current.add(new Placed.ArrowHead(xs[last], tip, Style.NAVY, down));
        }
        for (LayeredLayout.Route r : chart.routes()) {
            if (r.label() == null) {
                continue;
            }
            float lx = left + r.label().x();
            float ly = top - r.label().y();
            current.add(new Placed.Rect(lx - 1, ly - r.edge().labelHeight(), r.edge().labelWidth() + 2, r.edge().labelHeight(), -1, 0xFFFFFF, 0));
            y = ly;
            lines(TextLines.wrap(List.of(Span.of(part.arrows().get(r.edge().id()).label(), ChartSizes.LABEL)), r.edge().labelWidth() + 0.5f, measure), lx);
        }
        for (LayeredLayout.Box b : chart.boxes()) {
            Block.Box box = part.boxes().get(b.id());
            boolean dashed = part.dashed().contains(b.id());
            float bx = left + b.x();
            float by = top - b.y();
            current.add(new Placed.Rect(bx, by - b.height(), b.width(), b.height(), box.highlighted() ? 0xA8322D : dashed ? Style.GREY : Style.NAVY,
                    box.highlighted() ? 0xFBEDEC : dashed ? 0xFFFFFF : 0xF4F6FA, box.highlighted() ? 1.6f : 0.8f, dashed));
            y = by - 5;
            lines(TextLines.wrap(box.lines(), b.width() - 14, measure), bx + 7);
            if (!dashed) {
                pageOf.put(b.id(), pages.size() - 1);
            }
        }
        y = top - chart.height();
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
