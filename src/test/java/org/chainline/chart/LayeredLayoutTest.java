package org.chainline.chart;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layout alone, on the shapes command charts take: what it promises of every chart it places. */
class LayeredLayoutTest {

    static LayeredLayout.Node box(String id) {
        return new LayeredLayout.Node(id, 120, 40);
    }

    static LayeredLayout.Edge arrow(String from, String to) {
        return new LayeredLayout.Edge(from + ">" + to, from, to, 90, 10);
    }

    /** Every box apart from every other; every route from the top of its box to the bottom of the one it points at, square, through no other box. */
    static void wellFormed(LayeredLayout.Chart chart) {
        List<LayeredLayout.Box> boxes = chart.boxes();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                LayeredLayout.Box a = boxes.get(i);
                LayeredLayout.Box b = boxes.get(j);
                boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x() || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
                assertTrue(apart, a + " overlaps " + b);
            }
        }
        for (LayeredLayout.Route r : chart.routes()) {
            LayeredLayout.Box from = chart.box(r.edge().from());
            LayeredLayout.Box to = chart.box(r.edge().to());
            LayeredLayout.Point start = r.points().getFirst();
            LayeredLayout.Point end = r.points().getLast();
            if (!r.reversed()) {
                assertEquals(from.y(), start.y(), 0.01, "leaves the top of " + from.id());
                assertEquals(to.y() + to.height(), end.y(), 0.01, "points at the bottom of " + to.id());
            }
            assertTrue(start.x() > from.x() && start.x() < from.x() + from.width());
            assertTrue(end.x() > to.x() && end.x() < to.x() + to.width());
            for (int i = 0; i + 1 < r.points().size(); i++) {
                LayeredLayout.Point a = r.points().get(i);
                LayeredLayout.Point b = r.points().get(i + 1);
                assertTrue(a.x() == b.x() || a.y() == b.y(), "square segments: " + r.points());
                for (LayeredLayout.Box other : boxes) {
                    if (other == from || other == to) {
                        continue;
                    }
                    float minX = Math.min(a.x(), b.x()), maxX = Math.max(a.x(), b.x()), minY = Math.min(a.y(), b.y()), maxY = Math.max(a.y(), b.y());
                    boolean clear = maxX < other.x() || minX > other.x() + other.width() || maxY < other.y() || minY > other.y() + other.height();
                    assertTrue(clear, r.edge().id() + " runs through " + other.id());
                }
            }
            if (r.label() != null) {
                // beside the segment leaving the lower of its two boxes (for an arrow closing a cycle, the one it points at)
                LayeredLayout.Box lower = r.reversed() ? to : from;
                assertTrue(r.label().y() + r.edge().labelHeight() <= lower.y() && r.label().y() > 0, "the label sits in the gap above " + lower.id());
            }
        }
    }

    @Test
    void twoBranchesUnderOneTopAreSideBySideAndTheTopIsOneBox() {
        LayeredLayout.Chart chart = LayeredLayout.layout(
                List.of(box("patrol"), box("police"), box("regiment"), box("troops"), box("ministry")),
                List.of(arrow("patrol", "police"), arrow("patrol", "regiment"), arrow("regiment", "troops"),
                        arrow("troops", "ministry"), arrow("police", "ministry")), LayeredLayout.Spacing.DEFAULT);
        wellFormed(chart);
        assertEquals(5, chart.boxes().size());
        assertEquals(chart.box("police").row(), chart.box("regiment").row(), "both superiors of the patrol in one row");
        assertTrue(chart.box("police").x() + 120 <= chart.box("regiment").x() || chart.box("regiment").x() + 120 <= chart.box("police").x());
        assertEquals(0, chart.box("ministry").row());
        assertTrue(chart.box("patrol").row() > chart.box("regiment").row());
    }

    @Test
    void aChainOfTwelveIsOneColumnAndLabelsNeverShareALine() {
        List<LayeredLayout.Node> nodes = new ArrayList<>();
        List<LayeredLayout.Edge> edges = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            nodes.add(box("u" + i));
            if (i > 0) {
                edges.add(arrow("u" + i, "u" + (i - 1)));
            }
        }
        LayeredLayout.Chart chart = LayeredLayout.layout(nodes, edges, LayeredLayout.Spacing.DEFAULT);
        wellFormed(chart);
        assertTrue(chart.boxes().stream().allMatch(b -> b.x() == chart.box("u0").x()), "one straight column");
        assertEquals(120, chart.width(), 40, "as wide as a box and a label");
    }

    @Test
    void threeSuperiorsAndALongArrowPassingARowGoAroundItsBoxes() {
        LayeredLayout.Chart chart = LayeredLayout.layout(
                List.of(box("riot"), box("police"), box("regiment"), box("taskforce"), box("troops"), box("ministry")),
                List.of(arrow("riot", "police"), arrow("riot", "regiment"), arrow("riot", "taskforce"), arrow("regiment", "troops"),
                        arrow("troops", "ministry"), arrow("police", "ministry"), arrow("taskforce", "ministry")),
                LayeredLayout.Spacing.DEFAULT);
        wellFormed(chart);
        assertEquals(3, chart.routes().stream().filter(r -> r.edge().from().equals("riot")).map(r -> r.points().getFirst().x()).distinct().count(),
                "three arrows leave the riot squad at three points");
    }

    @Test
    void aCycleInTheRecordIsDrawnNotLoopedOn() {
        LayeredLayout.Chart chart = LayeredLayout.layout(List.of(box("a"), box("b"), box("c")),
                List.of(arrow("a", "b"), arrow("b", "c"), arrow("c", "a")), LayeredLayout.Spacing.DEFAULT);
        wellFormed(chart);
        assertEquals(3, chart.routes().size());
        assertTrue(chart.routes().stream().anyMatch(LayeredLayout.Route::reversed));
        assertFalse(chart.routes().stream().anyMatch(r -> r.points().size() < 2));
    }
}
