package org.chainline.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the boxes and arrows of a command chart go: a layered layout of a directed graph (Sugiyama's method, kept
 * small for charts of tens of boxes). Arrows point from a unit up to its superior, so superiors sit in rows above
 * the units below them; a unit with several superiors has them side by side, and a unit reached by two branches
 * is one box with an arrow from each. An arrow that spans rows passes through the rows between as a bend, never
 * through a box; every arrow has its own horizontal track in a gap, and a labelled arrow's label sits beside its
 * first segment, in the gap just above the box it leaves, on a line of its own.
 *
 * <p>It draws nothing and knows no page or format: coordinates are points, y growing downwards from the top of the
 * chart. The dossier draws the result as PDF, the workspace as SVG.
 */
public final class LayeredLayout {

    /** A box to place; its size is the caller's (the text it holds, measured in the caller's fonts). */
    public record Node(String id, float width, float height) {
    }

    /** An arrow from {@code from} up to {@code to}, with the size of its label (0 by 0 for none). */
    public record Edge(String id, String from, String to, float labelWidth, float labelHeight) {
    }

    /** Gaps: between boxes of a row, above and below the arrows in a gap, between tracks, and a bend's width. */
    public record Spacing(float nodeGap, float padding, float track, float bendWidth) {
        public static final Spacing DEFAULT = new Spacing(18, 8, 5, 6);
    }

    public record Point(float x, float y) {
    }

    /** A placed box; {@code row} 0 is the top. */
    public record Box(String id, int row, float x, float y, float width, float height) {
        public float centre() {
            return x + width / 2;
        }
    }

    /**
     * An arrow's route from the box it leaves to the box it points at, in straight segments. {@code label} is the
     * top left of its label, or null. {@code reversed}: the edge closed a cycle and was routed downwards; its
     * head is still at the last point.
     */
    public record Route(Edge edge, List<Point> points, Point label, boolean reversed) {
    }

    public record Chart(List<Box> boxes, List<Route> routes, float width, float height) {
        public Box box(String id) {
            return boxes.stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
        }
    }

    private LayeredLayout() {
    }

    /** The row of each node (0 the top), as {@link #layout} would place it. */
    public static Map<String, Integer> rows(List<Node> nodes, List<Edge> edges) {
        return new Graph(nodes, edges).rows;
    }

    public static Chart layout(List<Node> nodes, List<Edge> edges, Spacing spacing) {
        Graph g = new Graph(nodes, edges);
        g.order();
        return g.place(spacing);
    }

    /** One item of a row: a box, or the bend of an arrow passing through the row. */
    private static final class Item {
        final String id;
        final Node node;
        final List<Item> up = new ArrayList<>();
        final List<Item> down = new ArrayList<>();
        int row;
        int position;
        float x;
        float width;

        Item(String id, Node node, int row) {
            this.id = id;
            this.node = node;
            this.row = row;
        }

        boolean bend() {
            return node == null;
        }
    }

    /** An edge as laid out: its items from the lower end up, bends between. */
    private record Chain(Edge edge, boolean reversed, List<Item> items) {
    }

    private static final class Graph {
        final Map<String, Item> boxes = new LinkedHashMap<>();
        final Map<String, Integer> rows = new LinkedHashMap<>();
        final List<Chain> chains = new ArrayList<>();
        final List<List<Item>> layers = new ArrayList<>();

        Graph(List<Node> nodes, List<Edge> edges) {
            for (Node n : nodes) {
                if (boxes.putIfAbsent(n.id(), new Item(n.id(), n, 0)) != null) {
                    throw new IllegalArgumentException("two nodes are " + n.id());
                }
            }
            for (Edge e : edges) {
                if (!boxes.containsKey(e.from()) || !boxes.containsKey(e.to())) {
                    throw new IllegalArgumentException("edge " + e.id() + " joins a node that is not in the chart");
                }
            }
            Set<Edge> reversed = backEdges(nodes, edges);
            // rank from the bottom: a node is one above the highest node below it (longest path)
            Map<String, List<String>> below = new HashMap<>();
            for (Edge e : edges) {
                if (e.from().equals(e.to())) {
                    continue;
                }
                String lower = reversed.contains(e) ? e.to() : e.from();
                String upper = reversed.contains(e) ? e.from() : e.to();
                below.computeIfAbsent(upper, k -> new ArrayList<>()).add(lower);
            }
            Map<String, Integer> rank = new HashMap<>();
            for (Node n : nodes) {
                rank(n.id(), below, rank);
            }
            int top = rank.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            for (Node n : nodes) {
                int row = top - rank.get(n.id());
                rows.put(n.id(), row);
                boxes.get(n.id()).row = row;
            }
            for (int r = 0; r <= top; r++) {
                layers.add(new ArrayList<>());
            }
            boxes.values().forEach(b -> layers.get(b.row).add(b));
            int bends = 0;
            for (Edge e : edges) {
                if (e.from().equals(e.to())) {
                    continue;
                }
                boolean back = reversed.contains(e);
                Item lower = boxes.get(back ? e.to() : e.from());
                Item upper = boxes.get(back ? e.from() : e.to());
                List<Item> items = new ArrayList<>();
                items.add(lower);
                for (int r = lower.row - 1; r > upper.row; r--) {
                    Item bend = new Item("bend-" + (bends++), null, r);
                    layers.get(r).add(bend);
                    items.add(bend);
                }
                items.add(upper);
                for (int i = 0; i + 1 < items.size(); i++) {
                    items.get(i).up.add(items.get(i + 1));
                    items.get(i + 1).down.add(items.get(i));
                }
                chains.add(new Chain(e, back, items));
            }
        }

        /** Edges that close a cycle, found depth first in the order given; laid out as if they pointed down. */
        private static Set<Edge> backEdges(List<Node> nodes, List<Edge> edges) {
            Map<String, List<Edge>> out = new HashMap<>();
            edges.forEach(e -> out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e));
            Set<Edge> back = new HashSet<>();
            Map<String, Integer> state = new HashMap<>();
            for (Node n : nodes) {
                if (!state.containsKey(n.id())) {
                    visit(n.id(), out, state, back);
                }
            }
            return back;
        }

        private static void visit(String id, Map<String, List<Edge>> out, Map<String, Integer> state, Set<Edge> back) {
            // iterative: a chain of command can be deep, the stack must not be
            List<String> stack = new ArrayList<>(List.of(id));
            List<Integer> next = new ArrayList<>(List.of(0));
            state.put(id, 1);
            while (!stack.isEmpty()) {
                String at = stack.getLast();
                List<Edge> from = out.getOrDefault(at, List.of());
                int i = next.getLast();
                if (i == from.size()) {
                    state.put(at, 2);
                    stack.removeLast();
                    next.removeLast();
                    continue;
                }
                next.set(next.size() - 1, i + 1);
                Edge e = from.get(i);
                Integer s = state.get(e.to());
                if (s == null) {
                    state.put(e.to(), 1);
                    stack.add(e.to());
                    next.add(0);
                } else if (s == 1) {
                    back.add(e);
                }
            }
        }

        private static int rank(String id, Map<String, List<String>> below, Map<String, Integer> rank) {
            Integer known = rank.get(id);
            if (known != null) {
                return known;
            }
            // iterative post-order over the nodes below (acyclic once back edges are turned)
            List<String> stack = new ArrayList<>(List.of(id));
            while (!stack.isEmpty()) {
                String at = stack.getLast();
                int best = 0;
                boolean ready = true;
                for (String b : below.getOrDefault(at, List.of())) {
                    Integer r = rank.get(b);
                    if (r == null) {
                        ready = false;
                        stack.add(b);
                    } else {
                        best = Math.max(best, r + 1);
                    }
                }
                if (ready) {
                    rank.put(at, best);
                    stack.removeLast();
                }
            }
            return rank.get(id);
        }

        /** Orders each row to few crossings: barycentre sweeps down and up, keeping the best order seen. */
        void order() {
            renumber();
            int best = crossings();
            List<List<Item>> bestOrder = snapshot();
            for (int sweep = 0; sweep < 12 && best > 0; sweep++) {
                boolean down = sweep % 2 == 0;
                if (down) {
                    for (int r = 1; r < layers.size(); r++) {
                        sortBy(layers.get(r), true);
                    }
                } else {
                    for (int r = layers.size() - 2; r >= 0; r--) {
                        sortBy(layers.get(r), false);
                    }
                }
                int c = crossings();
                if (c < best) {
                    best = c;
                    bestOrder = snapshot();
                }
            }
            for (int r = 0; r < layers.size(); r++) {
                layers.set(r, new ArrayList<>(bestOrder.get(r)));
            }
            renumber();
        }

        private void sortBy(List<Item> row, boolean byAbove) {
            Map<Item, Double> key = new HashMap<>();
            for (Item item : row) {
                List<Item> near = byAbove ? item.up : item.down;
                key.put(item, near.isEmpty() ? item.position : near.stream().mapToInt(n -> n.position).average().orElse(0));
            }
            row.sort(Comparator.comparingDouble((Item i) -> key.get(i)).thenComparingInt(i -> i.position));
            for (int i = 0; i < row.size(); i++) {
                row.get(i).position = i;
            }
        }

        private void renumber() {
            for (List<Item> row : layers) {
                for (int i = 0; i < row.size(); i++) {
                    row.get(i).position = i;
                }
            }
        }

        private List<List<Item>> snapshot() {
            return layers.stream().map(l -> (List<Item>) new ArrayList<>(l)).toList();
        }

        /** Crossings between each row and the row above it. */
        private int crossings() {
            int total = 0;
            for (int r = 1; r < layers.size(); r++) {
                List<int[]> segments = new ArrayList<>();
                for (Item lower : layers.get(r)) {
                    for (Item upper : lower.up) {
                        segments.add(new int[] {lower.position, upper.position});
                    }
                }
                for (int i = 0; i < segments.size(); i++) {
                    for (int j = i + 1; j < segments.size(); j++) {
                        int[] a = segments.get(i);
                        int[] b = segments.get(j);
                        if ((a[0] - b[0]) * (a[1] - b[1]) < 0) {
                            total++;
                        }
                    }
                }
            }
            return total;
        }

        Chart place(Spacing s) {
            for (List<Item> row : layers) {
                float x = 0;
                for (Item item : row) {
                    item.width = item.bend() ? s.bendWidth() : item.node.width();
                    item.x = x;
                    x += item.width + s.nodeGap();
                }
            }
            // pull each item over the centre of its neighbours, rows alternately from the top and the bottom
            for (int sweep = 0; sweep < 8; sweep++) {
                boolean down = sweep % 2 == 0;
                for (int k = 0; k < layers.size(); k++) {
                    int r = down ? k : layers.size() - 1 - k;
                    align(layers.get(r), s, down);
                }
            }
            float minX = Float.MAX_VALUE;
            for (List<Item> row : layers) {
                for (Item item : row) {
                    minX = Math.min(minX, item.x);
                }
            }
            for (List<Item> row : layers) {
                for (Item item : row) {
                    item.x -= minX;
                }
            }
            return route(s);
        }

        /**
         * Places a row's items as near as order and gaps allow to where their neighbours are: the least squares
         * solution, found by pooling adjacent items that push against each other.
         */
        private void align(List<Item> row, Spacing s, boolean fromAbove) {
            int n = row.size();
            if (n == 0) {
                return;
            }
            double[] target = new double[n];
            double[] offset = new double[n];
            double cumulative = 0;
            for (int i = 0; i < n; i++) {
                Item item = row.get(i);
                List<Item> near = new ArrayList<>(fromAbove ? item.up : item.down);
                if (near.isEmpty()) {
                    near.addAll(fromAbove ? item.down : item.up);
                }
                double centre = near.isEmpty() ? item.x + item.width / 2
                        : near.stream().mapToDouble(m -> m.x + m.width / 2).average().orElse(0);
                if (i > 0) {
                    cumulative += row.get(i - 1).width / 2 + s.nodeGap() + item.width / 2;
                }
                offset[i] = cumulative;
                target[i] = centre - cumulative;
            }
            // isotonic regression (pool adjacent violators) of the targets, then back to centres
            double[] value = new double[n];
            int[] size = new int[n];
            int blocks = 0;
            for (int i = 0; i < n; i++) {
                value[blocks] = target[i];
                size[blocks] = 1;
                blocks++;
                while (blocks > 1 && value[blocks - 2] > value[blocks - 1]) {
                    double merged = (value[blocks - 2] * size[blocks - 2] + value[blocks - 1] * size[blocks - 1])
                            / (size[blocks - 2] + size[blocks - 1]);
                    size[blocks - 2] += size[blocks - 1];
                    value[blocks - 2] = merged;
                    blocks--;
                }
            }
            int i = 0;
            for (int b = 0; b < blocks; b++) {
                for (int k = 0; k < size[b]; k++, i++) {
                    Item item = row.get(i);
                    item.x = (float) (value[b] + offset[i] - item.width / 2);
                }
            }
        }

        private Chart route(Spacing s) {
            // where each segment leaves and enters a box: ports spread along the box's top and bottom, ordered by
            // where the other end is so that a box's own arrows do not cross each other
            Map<Chain, float[]> ends = new HashMap<>();
            Map<Item, List<Chain>> leaving = new HashMap<>();
            Map<Item, List<Chain>> entering = new HashMap<>();
            for (Chain c : chains) {
                leaving.computeIfAbsent(c.items().getFirst(), k -> new ArrayList<>()).add(c);
                entering.computeIfAbsent(c.items().getLast(), k -> new ArrayList<>()).add(c);
                ends.put(c, new float[2]);
            }
            leaving.forEach((item, cs) -> {
                cs.sort(Comparator.comparingDouble((Chain c) -> centre(c.items().get(1))).thenComparing(c -> c.edge().id()));
                for (int i = 0; i < cs.size(); i++) {
                    ends.get(cs.get(i))[0] = item.x + item.width * (i + 1) / (cs.size() + 1);
                }
            });
            entering.forEach((item, cs) -> {
                cs.sort(Comparator.comparingDouble((Chain c) -> centre(c.items().get(c.items().size() - 2))).thenComparing(c -> c.edge().id()));
                for (int i = 0; i < cs.size(); i++) {
                    ends.get(cs.get(i))[1] = item.x + item.width * (i + 1) / (cs.size() + 1);
                }
            });
            // the height of each row, and of each gap: the labels of the arrows leaving the row below, one line
            // each, then one track per arrow crossing the gap
            int rowsCount = layers.size();
            float[] rowHeight = new float[rowsCount];
            for (int r = 0; r < rowsCount; r++) {
                for (Item item : layers.get(r)) {
                    if (!item.bend()) {
                        rowHeight[r] = Math.max(rowHeight[r], item.node.height());
                    }
                }
            }
            // segments crossing the gap above row r (between r-1 and r)
            List<List<Segment>> gaps = new ArrayList<>();
            for (int r = 0; r < rowsCount; r++) {
                gaps.add(new ArrayList<>());
            }
            Map<Chain, List<Segment>> parts = new HashMap<>();
            for (Chain c : chains) {
                List<Segment> own = new ArrayList<>();
                for (int i = 0; i + 1 < c.items().size(); i++) {
                    Item lower = c.items().get(i);
                    Item upper = c.items().get(i + 1);
                    float x1 = i == 0 ? ends.get(c)[0] : centre(lower);
                    float x2 = i + 2 == c.items().size() ? ends.get(c)[1] : centre(upper);
                    // the label goes beside the first segment, where the arrow leaves its box
                    Segment seg = new Segment(c, x1, x2, i == 0 && c.edge().labelHeight() > 0);
                    gaps.get(lower.row).add(seg);
                    own.add(seg);
                }
                parts.put(c, own);
            }
            float[] gapHeight = new float[rowsCount];
            for (int r = 1; r < rowsCount; r++) {
                float h = 2 * s.padding();
                for (Segment seg : gaps.get(r)) {
                    h += s.track() + (seg.labelled ? seg.chain.edge().labelHeight() + 2 : 0);
                }
                gapHeight[r] = h;
            }
            float[] rowTop = new float[rowsCount];
            float y = 0;
            for (int r = 0; r < rowsCount; r++) {
                y += gapHeight[r];
                rowTop[r] = y;
                y += rowHeight[r];
            }
            float height = y;
            // tracks: from the lower row up, labelled segments first, the rightmost lowest so that a label never
            // runs over the first segment of an arrow to its right; then the bends' segments
            Map<Chain, List<Point>> points = new LinkedHashMap<>();
            Map<Chain, Point> labels = new HashMap<>();
            for (Chain c : chains) {
                points.put(c, new ArrayList<>());
            }
            float width = 0;
            for (int r = 1; r < rowsCount; r++) {
                List<Segment> segs = new ArrayList<>(gaps.get(r));
                segs.sort(Comparator.comparing((Segment g) -> !g.labelled).thenComparing((Segment g) -> -g.x1));
                float at = rowTop[r] - s.padding();
                for (Segment seg : segs) {
                    if (seg.labelled) {
                        float labelTop = at - seg.chain.edge().labelHeight();
                        labels.put(seg.chain, new Point(seg.x1 + 4, labelTop));
                        width = Math.max(width, seg.x1 + 4 + seg.chain.edge().labelWidth());
                        at = labelTop - 2;
                    }
                    at -= s.track();
                    seg.turn = at;
                }
            }
            for (Chain c : chains) {
                List<Point> p = points.get(c);
                for (int i = 0; i + 1 < c.items().size(); i++) {
                    Item lower = c.items().get(i);
                    Item upper = c.items().get(i + 1);
                    Segment seg = parts.get(c).get(i);
                    float bottom = lower.bend() ? rowTop[lower.row] + rowHeight[lower.row] : rowTop[lower.row];
                    if (i == 0) {
                        p.add(new Point(seg.x1, rowTop[lower.row]));
                    } else {
                        p.add(new Point(seg.x1, bottom));
                        p.add(new Point(seg.x1, rowTop[lower.row]));
                    }
                    p.add(new Point(seg.x1, seg.turn));
                    p.add(new Point(seg.x2, seg.turn));
                    float end = upper.bend() ? rowTop[upper.row] + rowHeight[upper.row]
                            : rowTop[upper.row] + upper.node.height();
                    p.add(new Point(seg.x2, end));
                }
            }
            List<Box> placed = new ArrayList<>();
            for (Item b : boxes.values()) {
                placed.add(new Box(b.id, b.row, b.x, rowTop[b.row], b.width, b.node.height()));
                width = Math.max(width, b.x + b.width);
            }
            List<Route> routes = new ArrayList<>();
            for (Chain c : chains) {
                List<Point> p = simplify(points.get(c));
                if (c.reversed()) {
                    p = new ArrayList<>(p.reversed());
                }
                routes.add(new Route(c.edge(), List.copyOf(p), labels.get(c), c.reversed()));
            }
            return new Chart(List.copyOf(placed), List.copyOf(routes), width, height);
        }

        private static float centre(Item item) {
            return item.x + item.width / 2;
        }

        /** Drops points that do not turn the route (a segment of no length, or a straight run). */
        private static List<Point> simplify(List<Point> points) {
            List<Point> out = new ArrayList<>();
            for (Point p : points) {
                if (!out.isEmpty() && Math.abs(out.getLast().x() - p.x()) < 0.01f && Math.abs(out.getLast().y() - p.y()) < 0.01f) {
                    continue;
                }
                if (out.size() >= 2) {
                    Point a = out.get(out.size() - 2);
                    Point b = out.getLast();
                    boolean vertical = Math.abs(a.x() - b.x()) < 0.01f && Math.abs(b.x() - p.x()) < 0.01f;
                    boolean horizontal = Math.abs(a.y() - b.y()) < 0.01f && Math.abs(b.y() - p.y()) < 0.01f;
                    if (vertical || horizontal) {
                        out.set(out.size() - 1, p);
                        continue;
                    }
                }
                out.add(p);
            }
            return out;
        }
    }

    /** The part of an arrow in the gap above its lower item: up from x1, across at {@code turn}, up to x2. */
    private static final class Segment {
        final Chain chain;
        final float x1;
        final float x2;
        final boolean labelled;
        float turn;

        Segment(Chain chain, float x1, float x2, boolean labelled) {
            this.chain = chain;
            this.x1 = x1;
            this.x2 = x2;
            this.labelled = labelled;
        }
    }
}
