package org.chainline.dossier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the command charts back from a dossier's PDF as a reader sees them: the stroked boxes with the text inside
 * each, and each arrow (a stroked path ending under a filled head) with the box it leaves, the box it points at and
 * the label written beside its first segment. Coordinates are PDF points, y up.
 */
final class PdfCharts {

    record Box(int page, float x, float y, float width, float height, boolean dashed, StringBuilder text) {
        boolean holds(float px, float py) {
            return px >= x - 0.5f && px <= x + width + 0.5f && py >= y - 0.5f && py <= y + height + 0.5f;
        }

        String content() {
            return text.toString().replaceAll("\\s+", " ").strip();
        }
    }

    record Arrow(int page, List<Point2D.Float> points, Box from, Box to, String label) {
    }

    record Word(int page, float x, float end, float y, String text) {
    }

    final List<Box> boxes = new ArrayList<>();
    final List<Arrow> arrows = new ArrayList<>();
    final List<Word> words = new ArrayList<>();

    /** The arrows drawn after the first place a word is written (later on its page, or on a later page). */
    List<Arrow> arrowsAfter(String word) {
        Word at = words.stream().filter(w -> w.text().startsWith(word)).findFirst()
                .orElseThrow(() -> new AssertionError("no word " + word + " among " + words.stream().map(Word::text).limit(60).toList()));
        return arrows.stream().filter(a -> a.page() > at.page() || a.page() == at.page() && a.points().getFirst().y < at.y()).toList();
    }

    static PdfCharts read(byte[] pdf, int firstPage, int lastPage) throws IOException {
        PdfCharts charts = new PdfCharts();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<Word> words = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    if (!positions.isEmpty()) {
                        TextPosition first = positions.getFirst();
                        TextPosition last = positions.getLast();
                        float height = getCurrentPage().getMediaBox().getHeight();
                        words.add(new Word(getCurrentPageNo() - 1, first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(),
                                height - first.getYDirAdj(), text));
                    }
                }
            };
            stripper.setSortByPosition(true);
            stripper.setStartPage(firstPage + 1);
            stripper.setEndPage(lastPage + 1);
            stripper.getText(document);
            charts.words.addAll(words);
            for (int p = firstPage; p <= lastPage; p++) {
                Shapes shapes = new Shapes(document.getPage(p), p);
                shapes.processPage(document.getPage(p));
                charts.boxes.addAll(shapes.boxes);
                for (Box b : shapes.boxes) {
                    for (Word w : words) {
                        if (w.page() == p && b.holds(w.x() + 1, w.y() + 1)) {
                            b.text().append(w.text()).append(' ');
                        }
                    }
                }
                for (List<Point2D.Float> path : shapes.paths) {
                    Point2D.Float start = path.getFirst();
                    Point2D.Float end = path.getLast();
                    // the shaft stops 5 points short of the head's tip, which touches the box pointed at
                    Point2D.Float tip = shapes.heads.stream().filter(h -> Math.abs(h.x - end.x) < 0.6f && Math.abs(Math.abs(h.y - end.y) - 5) < 0.6f)
                            .findFirst().orElse(null);
                    if (tip == null) {
                        continue;
                    }
                    Box from = onEdge(shapes.boxes, start);
                    Box to = onEdge(shapes.boxes, tip);
                    // its label: the lines that begin 4 points right of its first segment, just above the box it leaves
                    StringBuilder label = new StringBuilder();
                    final int page = p;
                    List<Word> starts = words.stream().filter(w -> w.page() == page && Math.abs(w.x() - (start.x + 4)) < 1.5f
                            && w.y() > start.y && w.y() < start.y + 90 && shapes.boxes.stream().noneMatch(b -> b.holds(w.x() + 1, w.y() + 1)))
                            .sorted((a, b) -> Float.compare(a.y(), b.y())).toList();
                    // the label's lines follow one another upwards from the lowest; a line further up is another label
                    List<Word> own = new ArrayList<>();
                    for (Word s : starts) {
                        if (!own.isEmpty() && s.y() - own.getLast().y() > 12) {
                            break;
                        }
                        own.add(s);
                    }
                    for (Word s : own.reversed()) {
                        List<Word> line = words.stream().filter(w -> w.page() == page && Math.abs(w.y() - s.y()) < 0.5f && w.x() >= s.x())
                                .sorted((a, b) -> Float.compare(a.x(), b.x())).toList();
                        float reach = s.x();
                        for (Word w : line) {
                            if (w.x() - reach > 6) {
                                break;
                            }
                            label.append(w.text()).append(' ');
                            reach = w.end();
                        }
                    }
                    charts.arrows.add(new Arrow(p, path, from, to, label.toString().strip()));
                }
            }
        }
        return charts;
    }

    /** The box whose top or bottom edge holds the point. */
    private static Box onEdge(List<Box> boxes, Point2D.Float point) {
        for (Box b : boxes) {
            boolean across = point.x >= b.x() - 0.5f && point.x <= b.x() + b.width() + 0.5f;
            boolean onTop = Math.abs(point.y - (b.y() + b.height())) < 0.8f;
            boolean onBottom = Math.abs(point.y - b.y()) < 0.8f;
            if (across && (onTop || onBottom)) {
                return b;
            }
        }
        return null;
    }

    /** Stroked rectangles, stroked open paths and filled triangles of one page. */
    private static final class Shapes extends PDFGraphicsStreamEngine {
        final int page;
        final List<Box> boxes = new ArrayList<>();
        final List<List<Point2D.Float>> paths = new ArrayList<>();
        final List<Point2D.Float> heads = new ArrayList<>();
        private final List<Point2D.Float> current = new ArrayList<>();
        private float[] rect;

        Shapes(PDPage page, int index) {
            super(page);
            this.page = index;
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            float x = (float) Math.min(p0.getX(), p2.getX());
            float y = (float) Math.min(p0.getY(), p2.getY());
            rect = new float[] {x, y, (float) Math.abs(p2.getX() - p0.getX()), (float) Math.abs(p2.getY() - p0.getY())};
        }

        @Override
        public void moveTo(float x, float y) {
            current.clear();
            current.add(new Point2D.Float(x, y));
        }

        @Override
        public void lineTo(float x, float y) {
            current.add(new Point2D.Float(x, y));
        }

        @Override
        public void strokePath() {
            if (rect != null) {
                // the page's frame and rules are not boxes: a box holds text and is at least 20 points high
                if (rect[3] > 20) {
                    boolean dashed = getGraphicsState().getLineDashPattern().getDashArray().length > 0;
                    boxes.add(new Box(page, rect[0], rect[1], rect[2], rect[3], dashed, new StringBuilder()));
                }
            } else if (current.size() >= 2) {
                paths.add(List.copyOf(current));
            }
            endPath();
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            strokePath();
        }

        @Override
        public void fillPath(int windingRule) {
            if (rect == null && current.size() == 3) {
                heads.add(current.getFirst());
            }
            endPath();
        }

        @Override
        public void endPath() {
            rect = null;
            current.clear();
        }

        @Override
        public void closePath() {
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            current.add(new Point2D.Float(x3, y3));
        }

        @Override
        public Point2D getCurrentPoint() {
            return current.isEmpty() ? new Point2D.Float() : current.getLast();
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void drawImage(PDImage pdImage) {
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }
    }

    private PdfCharts() {
    }
}
