package org.chainline.dossier.pdf;

import org.chainline.dossier.layout.Placed;
import org.chainline.dossier.layout.Style;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Writes one page's content stream: shapes (shading, boxes, rules, arrow heads), then every text in one text object,
 * the font and colour set only when they change. The operators are written directly, glyphs encoded by
 * {@link PdfFonts} as PDFBox would (two-byte glyph ids of Identity-H), because going through PDFBox's content stream
 * for each of a page's hundreds of short table strings was most of a dossier's drawing time. The stream is deflated at
 * the fastest level: on text this repetitive it is nearly as small, and compressing at the default level took a third
 * of the time of drawing a dossier.
 */
final class Drawing {

    private final StringBuilder out = new StringBuilder(16 * 1024);
    private final PdfFonts fonts;

    Drawing(PdfFonts fonts) {
        this.fonts = fonts;
    }

    byte[] bytes() {
        byte[] bytes = new byte[out.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) out.charAt(i); // every char is one byte of the ISO-8859-1 stream
        }
        return bytes;
    }

    /** The page's content, deflated (for a stream whose Filter is FlateDecode). */
    byte[] deflated() {
        return deflate(bytes());
    }

    /** Deflates at the fastest level (zlib format, as FlateDecode reads it). */
    static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(raw.length / 4 + 64);
            byte[] buffer = new byte[16 * 1024];
            while (!deflater.finished()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
            return compressed.toByteArray();
        } finally {
            deflater.end();
        }
    }

    void draw(Placed placed) {
        switch (placed) {
            case Placed.Line l -> {
                num(l.width()).append(" w ");
                color(l.color()).append("RG ");
                num(l.x1()).append(' ');
                num(l.y1()).append(" m ");
                num(l.x2()).append(' ');
                num(l.y2()).append(" l S\n");
            }
            case Placed.Rect r -> {
                if (r.fill() >= 0) {
                    color(r.fill()).append("rg ");
                }
                if (r.stroke() >= 0) {
                    num(r.lineWidth()).append(" w ");
                    color(r.stroke()).append("RG ");
                    if (r.dashed()) {
                        out.append("[3 2] 0 d ");
                    }
                }
                num(r.x()).append(' ');
                num(r.y()).append(' ');
                num(r.width()).append(' ');
                num(r.height()).append(" re ");
                out.append(r.fill() >= 0 && r.stroke() >= 0 ? "B\n" : r.fill() >= 0 ? "f\n" : "S\n");
                if (r.dashed() && r.stroke() >= 0) {
                    out.append("[] 0 d\n");
                }
            }
            case Placed.Polyline p -> {
                num(p.width()).append(" w ");
                color(p.color()).append("RG ");
                for (int i = 0; i < p.xs().length; i++) {
                    num(p.xs()[i]).append(' ');
                    num(p.ys()[i]).append(i == 0 ? " m " : " l ");
                }
                out.append("S\n");
            }
            case Placed.ArrowHead a -> {
                float back = a.down() ? 8 : -8;
                color(a.color()).append("rg ");
                num(a.x()).append(' ');
                num(a.y()).append(" m ");
                num(a.x() - 4).append(' ');
                num(a.y() + back).append(" l ");
                num(a.x() + 4).append(' ');
                num(a.y() + back).append(" l h f\n");
            }
            case Placed.Text t -> texts(List.of(t));
            case Placed.Link l -> { }
            case Placed.PageNumber n -> { }
        }
    }

    /** Draws texts in one text object. */
    void texts(List<Placed> texts) {
        out.append("BT\n");
        Style.Face face = null;
        float size = -1;
        int color = -1;
        long x = 0; // the last position written, in hundredths of a point: moves are relative, so they must not drift
        long y = 0;
        for (Placed placed : texts) {
            if (!(placed instanceof Placed.Text t) || t.text().isEmpty()) {
                continue;
            }
            if (t.style().face() != face || t.style().size() != size) {
                face = t.style().face();
                size = t.style().size();
                out.append('/').append(fonts.resourceName(face)).append(' ');
                num(size).append(" Tf\n");
            }
            if (t.style().color() != color) {
                color = t.style().color();
                color(color).append("rg\n");
            }
            long nx = Math.round(t.x() * 100.0);
            long ny = Math.round(t.y() * 100.0);
            hundredths(nx - x).append(' ');
            hundredths(ny - y).append(" Td ");
            x = nx;
            y = ny;
            fonts.encode(face, t.text(), out);
            out.append(" Tj\n");
        }
        out.append("ET\n");
    }

    private StringBuilder color(int rgb) {
        unit(((rgb >> 16) & 0xFF) / 255f).append(' ');
        unit(((rgb >> 8) & 0xFF) / 255f).append(' ');
        return unit((rgb & 0xFF) / 255f).append(' ');
    }

    /** A number with at most two decimals, no exponent, no trailing zeros. */
    private StringBuilder num(float value) {
        return hundredths(Math.round(value * 100.0));
    }

    private StringBuilder hundredths(long r) {
        if (r < 0) {
            out.append('-');
            r = -r;
        }
        out.append(r / 100);
        long f = r % 100;
        if (f != 0) {
            out.append('.');
            if (f < 10) {
                out.append('0').append(f);
            } else {
                out.append(f % 10 == 0 ? f / 10 : f);
            }
        }
        return out;
    }

    /** A colour component in 0..1 with three decimals. */
    private StringBuilder unit(float value) {
        long r = Math.round(value * 1000.0);
        if (r >= 1000) {
            return out.append('1');
        }
        if (r <= 0) {
            return out.append('0');
        }
        String digits = Long.toString(1000 + r).substring(1);
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return out.append("0.").append(digits, 0, end);
    }
}
