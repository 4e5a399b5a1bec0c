package org.chainline.dossier.pdf;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.chainline.dossier.layout.Placed;
import org.chainline.dossier.layout.Style;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns placed text, lines, boxes and arrow heads into one page's content stream. */
final class Drawing {

    private final PDPageContentStream cs;
    private final PdfFonts fonts;

    Drawing(PDPageContentStream cs, PdfFonts fonts) {
        this.cs = cs;
        this.fonts = fonts;
    }

    void draw(Placed placed) {
        try {
            switch (placed) {
                case Placed.Text t -> text(t.x(), t.y(), t.style(), t.text());
                case Placed.Line l -> {
                    cs.setLineWidth(l.width());
                    stroke(l.color());
                    cs.moveTo(l.x1(), l.y1());
                    cs.lineTo(l.x2(), l.y2());
                    cs.stroke();
                }
                case Placed.Rect r -> {
                    cs.addRect(r.x(), r.y(), r.width(), r.height());
                    if (r.fill() >= 0) {
                        fill(r.fill());
                    }
                    if (r.stroke() >= 0) {
                        cs.setLineWidth(r.lineWidth());
                        stroke(r.stroke());
                    }
                    if (r.fill() >= 0 && r.stroke() >= 0) {
                        cs.fillAndStroke();
                    } else if (r.fill() >= 0) {
                        cs.fill();
                    } else {
                        cs.stroke();
                    }
                }
                case Placed.ArrowHead a -> {
                    fill(a.color());
                    cs.moveTo(a.x(), a.y());
                    cs.lineTo(a.x() - 4, a.y() - 8);
                    cs.lineTo(a.x() + 4, a.y() - 8);
                    cs.closePath();
                    cs.fill();
                }
                case Placed.Link l -> { }
                case Placed.PageNumber n -> { }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void text(float x, float y, Style style, String text) {
        if (text.isEmpty()) {
            return;
        }
        try {
            cs.beginText();
            cs.setFont(fonts.font(style.face()), style.size());
            fill(style.color());
            cs.newLineAtOffset(x, y);
            cs.showText(text);
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fill(int rgb) throws IOException {
        cs.setNonStrokingColor(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);
    }

    private void stroke(int rgb) throws IOException {
        cs.setStrokingColor(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);
    }
}
