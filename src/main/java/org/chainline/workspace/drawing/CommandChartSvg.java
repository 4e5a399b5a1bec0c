package org.chainline.workspace.drawing;

import org.chainline.chart.LayeredLayout;
import org.chainline.liability.Views;
import org.chainline.workspace.shell.Dates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A chain of command as SVG, laid out by the same {@link LayeredLayout} as the dossier's charts: each unit a box with
 * the commanders at the date, each link an arrow from a unit to its superior labelled with the relation.
 */
public final class CommandChartSvg {

    private static final float LINE = 16;
    private static final float CHAR = 6.6f;
    private static final float PAD = 8;

    private CommandChartSvg() {
    }

    /** One box: the unit's lines of text (its name, then each commander), and whether the subject of the page is in it. */
    public record Box(String unit, List<String> lines, boolean marked) {
    }

    public static String draw(Views.UnitChain chain, String markedPerson) {
        Map<String, Box> boxes = new LinkedHashMap<>();
        List<LayeredLayout.Edge> edges = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Views.Level level : chain.levels()) {
            boxes.computeIfAbsent(level.unit().id(), id -> {
                List<String> lines = new ArrayList<>();
                lines.add(display(level.unit()));
                boolean marked = false;
                for (Views.Commander c : level.commanders()) {
                    lines.add(display(c.person()) + (c.posting().validity().equals("certain") ? "" : " (" + c.posting().validity() + ")"));
                    marked |= c.person().id().equals(markedPerson);
                }
                if (level.commanders().isEmpty()) {
                    lines.add("no commander recorded at this date");
                }
                return new Box(id, lines, marked);
            });
            if (level.below() != null && level.link() != null) {
                String id = level.link().claim() + ":" + level.below().id();
                String label = level.link().strength().word();
                if (labels.putIfAbsent(id, label) == null) {
                    edges.add(new LayeredLayout.Edge(id, level.below().id(), level.unit().id(), label.length() * CHAR, LINE));
                }
            }
        }
        List<LayeredLayout.Node> nodes = boxes.values().stream().map(b -> new LayeredLayout.Node(b.unit(),
                Math.min(360, Math.max(150, b.lines().stream().mapToInt(String::length).max().orElse(10) * CHAR + 2 * PAD)),
                b.lines().size() * LINE + 2 * PAD)).toList();
        LayeredLayout.Chart chart = LayeredLayout.layout(nodes, edges, new LayeredLayout.Spacing(28, 12, 8, 10));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title\""
                + " viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" font-family=\"Liberation Sans, DejaVu Sans, Arial, sans-serif\">",
                chart.width(), chart.height(), chart.width(), chart.height()));
        svg.append("<title id=\"chart-title\">Chain of command above ").append(xml(display(chain.unit()))).append(" on ")
                .append(xml(Dates.show(chain.at()))).append("</title>");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
                + " orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444\"/></marker></defs>");
        for (LayeredLayout.Route r : chart.routes()) {
            StringBuilder d = new StringBuilder();
            for (LayeredLayout.Point p : r.points()) {
                d.append(d.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f,%.1f", p.x(), p.y()));
            }
            svg.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"#444\" stroke-width=\"1.4\" ")
                    .append(r.reversed() ? "marker-start" : "marker-end").append("=\"url(#arrow)\"/>");
            if (r.label() != null) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#333\">%s</text>",
                        r.label().x(), r.label().y() + 11, xml(labels.getOrDefault(r.edge().id(), ""))));
            }
        }
        for (LayeredLayout.Box b : chart.boxes()) {
            Box box = boxes.get(b.id());
            svg.append(String.format(Locale.ROOT, "<g><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"3\" fill=\"%s\""
                            + " stroke=\"%s\" stroke-width=\"%s\"/>", b.x(), b.y(), b.width(), b.height(),
                    box.marked() ? "#fff3c4" : "#ffffff", box.marked() ? "#9a3b00" : "#2b3137", box.marked() ? "2.5" : "1.2"));
            for (int i = 0; i < box.lines().size(); i++) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\"%s fill=\"#1b1f24\">%s</text>",
                        b.x() + PAD, b.y() + PAD + LINE * i + 12, i == 0 ? " font-weight=\"bold\"" : "", xml(box.lines().get(i))));
            }
            svg.append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    public static String display(Views.Ref ref) {
        return ref.latinName() == null || ref.latinName().equals(ref.name()) ? ref.name() : ref.name() + " (" + ref.latinName() + ")";
    }

    public static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
