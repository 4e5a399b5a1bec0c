package org.chainline.dossier.pdf;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.chainline.dossier.layout.Measure;
import org.chainline.dossier.layout.Style;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The four Liberation faces, embedded as subsets in one document. Liberation covers Latin, Cyrillic and the Kazakh
 * letters (ә ғ қ ң ө ұ ү һ і); a character it lacks is drawn as '?' rather than failing the whole dossier.
 */
final class PdfFonts implements Measure {

    private static final Map<Style.Face, String> FILES = Map.of(
            Style.Face.REGULAR, "liberation/LiberationSans-Regular.ttf",
            Style.Face.BOLD, "liberation/LiberationSans-Bold.ttf",
            Style.Face.ITALIC, "liberation/LiberationSans-Italic.ttf",
            Style.Face.MONO, "liberation/LiberationMono-Regular.ttf");

    private final Map<Style.Face, PDType0Font> fonts = new EnumMap<>(Style.Face.class);
    private final Map<Style.Face, CmapLookup> cmaps = new EnumMap<>(Style.Face.class);

    PdfFonts(PDDocument document) {
        for (Style.Face face : Style.Face.values()) {
            try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(FILES.get(face))) {
                if (in == null) {
                    throw new IllegalStateException("the font " + FILES.get(face) + " is missing from the build");
                }
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
                cmaps.put(face, ttf.getUnicodeCmapLookup());
                fonts.put(face, PDType0Font.load(document, ttf, true));
            } catch (IOException e) {
                throw new UncheckedIOException("the font " + FILES.get(face) + " cannot be read", e);
            }
        }
    }

    PDType0Font font(Style.Face face) {
        return fonts.get(face);
    }

    @Override
    public float width(Style style, String text) {
        try {
            return fonts.get(style.face()).getStringWidth(text) / 1000f * style.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String printable(Style.Face face, String text) {
        CmapLookup cmap = cmaps.get(face);
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean ok = cp == '\n' || (cp >= 0x20 && cmap.getGlyphId(cp) != 0);
            if (!ok && out == null) {
                out = new StringBuilder(text.substring(0, i));
            }
            if (out != null) {
                if (ok) {
                    out.appendCodePoint(cp);
                } else {
                    out.append(cp == '\t' || cp == '\r' ? ' ' : '?');
                }
            }
            i += Character.charCount(cp);
        }
        return out == null ? text : out.toString();
    }
}
