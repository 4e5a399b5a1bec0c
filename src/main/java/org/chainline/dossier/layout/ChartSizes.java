package org.chainline.dossier.layout;

import org.chainline.chart.LayeredLayout;

import java.util.ArrayList;
import java.util.List;

/**
 * A command chart's boxes and arrow labels measured in the dossier's fonts, at one box width: the widest that lets
 * the chart's widest row, bends and labels included, fit the text width.
 */
record ChartSizes(float boxWidth, Measure measure) {

    static final Style LABEL = new Style(Style.Face.ITALIC, 7.5f, Style.GREY);
    private static final float WIDEST = 300;
    private static final float NARROWEST = 96;

    static ChartSizes fitting(Block.Diagram d, float textWidth, Measure measure) {
        float width = WIDEST;
        for (int attempt = 0; attempt < 8; attempt++) {
            ChartSizes sizes = new ChartSizes(width, measure);
            LayeredLayout.Chart chart = LayeredLayout.layout(sizes.nodes(d.boxes()), sizes.edges(d.arrows()), LayeredLayout.Spacing.DEFAULT);
            if (chart.width() <= textWidth || width <= NARROWEST) {
                return sizes;
            }
            width = Math.max(NARROWEST, width * textWidth / chart.width() * 0.98f);
        }
        return new ChartSizes(NARROWEST, measure);
    }

    List<LayeredLayout.Node> nodes(List<Block.Box> boxes) {
        List<LayeredLayout.Node> nodes = new ArrayList<>();
        for (Block.Box b : boxes) {
            float height = TextLines.wrap(b.lines(), boxWidth - 14, measure).stream().map(TextLines.Line::height).reduce(0f, Float::sum) + 10;
            nodes.add(new LayeredLayout.Node(b.id(), boxWidth, height));
        }
        return nodes;
    }

    List<LayeredLayout.Edge> edges(List<Block.Arrow> arrows) {
        float most = Math.max(90, Math.min(200, boxWidth * 0.85f));
        List<LayeredLayout.Edge> edges = new ArrayList<>();
        for (Block.Arrow a : arrows) {
            List<TextLines.Line> lines = TextLines.wrap(List.of(Span.of(a.label(), LABEL)), most, measure);
            float width = 0;
            float height = 0;
            for (TextLines.Line l : lines) {
                height += l.height();
                if (!l.fragments().isEmpty()) {
                    TextLines.Fragment f = l.fragments().getLast();
                    width = Math.max(width, f.x() + f.width());
                }
            }
            edges.add(new LayeredLayout.Edge(a.id(), a.from(), a.to(), width, height));
        }
        return edges;
    }
}
