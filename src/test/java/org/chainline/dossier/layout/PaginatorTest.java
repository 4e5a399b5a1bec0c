package org.chainline.dossier.layout;

import org.chainline.regime.Labels;
import org.chainline.regime.Regimes;
import org.chainline.registry.model.Model;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pagination with a fixed-width measure: where blocks break, without drawing anything. */
class PaginatorTest {

    private static final Labels LABELS = new Regimes(
            Model.load(), "").labels();

    /** Every character 0.5 em wide; nothing is unprintable. */
    static final Measure FIXED = new Measure() {
        @Override
        public float width(Style style, String text) {
            return text.length() * style.size() * 0.5f;
        }

        @Override
        public String printable(Style.Face face, String text) {
            return text;
        }
    };

    private static List<String> texts(List<Placed> page) {
        return page.stream().filter(p -> p instanceof Placed.Text).map(p -> ((Placed.Text) p).text()).toList();
    }

    @Test
    void aLongTableRepeatsItsHeaderOnEveryPageItRunsOnto() {
        List<List<Block.Cell>> rows = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            rows.add(List.of(Block.Cell.of(Span.of("row " + i, Style.SMALL)), Block.Cell.of(Span.of("value " + i, Style.SMALL))));
        }
        Pages pages = Paginator.paginate(List.of(new Block.Table(List.of(0.3f, 0.7f),
                List.of(Block.Cell.of(Span.of("Name", Style.SMALL)), Block.Cell.of(Span.of("Value", Style.SMALL))), rows)), Page.A4, FIXED, LABELS);
        assertTrue(pages.pages().size() > 3, "300 rows take several pages");
        int seen = 0;
        for (List<Placed> page : pages.pages()) {
            List<String> texts = texts(page);
            assertEquals("Name", texts.getFirst(), "each page starts with the header");
            seen += (int) texts.stream().filter(t -> t.startsWith("row ")).count();
            for (Placed p : page) {
                if (p instanceof Placed.Text t) {
                    assertTrue(t.y() >= Page.A4.bottom() && t.y() <= Page.A4.height() - Page.A4.top(), "text stays inside the margins");
                }
            }
        }
        assertEquals(300, seen, "every row is placed once");
    }

    @Test
    void aRowTallerThanAPageIsSplitByLinesUnderTheRepeatedHeader() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            text.append("line").append(i).append('\n');
        }
        Pages pages = Paginator.paginate(List.of(new Block.Table(List.of(0.5f, 0.5f),
                List.of(Block.Cell.of(Span.of("H1", Style.SMALL)), Block.Cell.of(Span.of("H2", Style.SMALL))),
                List.of(List.of(Block.Cell.of(Span.of(text.toString(), Style.SMALL)), Block.Cell.of(Span.of("short", Style.SMALL)))))),
                Page.A4, FIXED, LABELS);
        assertTrue(pages.pages().size() >= 3);
        long lines = pages.pages().stream().flatMap(p -> texts(p).stream()).filter(t -> t.startsWith("line")).count();
        assertEquals(200, lines);
        pages.pages().forEach(p -> assertEquals("H1", texts(p).getFirst()));
    }

    @Test
    void aLevelOneHeadingOpensAPageAndLinksLandOnTheirAnchors() {
        List<Block> blocks = List.of(
                Block.Paragraph.of(Span.link("see E1", Style.BODY, "ev-1")),
                new Block.Heading(1, "Annex", "s-annex"),
                new Block.Table(List.of(1f), List.of(Block.Cell.of(Span.of("No.", Style.SMALL))),
                        List.of(List.of(new Block.Cell(List.of(Span.of("E1", Style.SMALL)), "ev-1")))));
        Pages pages = Paginator.paginate(blocks, Page.A4, FIXED, LABELS);
        assertEquals(2, pages.pages().size());
        assertEquals(1, pages.anchors().get("s-annex").page());
        assertEquals(1, pages.anchors().get("ev-1").page());
        assertTrue(pages.pages().getFirst().stream().anyMatch(p -> p instanceof Placed.Link l && l.anchor().equals("ev-1")));
    }

    @Test
    void aWordWiderThanTheColumnIsBrokenNotLost() {
        String hash = "c76d239ff6791dd8ddb3435d47f173433e54736114b789ebc9a9422f4d21038e";
        List<TextLines.Line> lines = TextLines.wrap(List.of(Span.of(hash, Style.SMALL.mono())), 80, FIXED);
        assertTrue(lines.size() > 1);
        assertEquals(hash, String.join("", lines.stream().flatMap(l -> l.fragments().stream()).map(TextLines.Fragment::text).toList()));
    }
}
