package org.chainline.dossier.pdf;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.chainline.dossier.layout.Measure;
import org.chainline.dossier.layout.Style;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;

/**
 * The four Liberation faces, embedded as subsets in one document. Liberation covers Latin, Cyrillic and the Kazakh
 * letters (ә ғ қ ң ө ұ ү һ і); a character it lacks is drawn as '?' rather than failing the whole dossier.
 */
public final class PdfFonts implements Measure {

    private static final Map<Style.Face, String> FILES = Map.of(
            Style.Face.REGULAR, "liberation/LiberationSans-Regular.ttf",
            Style.Face.BOLD, "liberation/LiberationSans-Bold.ttf",
            Style.Face.ITALIC, "liberation/LiberationSans-Italic.ttf",
            Style.Face.MONO, "liberation/LiberationMono-Regular.ttf");

    private final Map<Style.Face, PDType0Font> fonts = new EnumMap<>(Style.Face.class);
    private final Map<Style.Face, CmapLookup> cmaps = new EnumMap<>(Style.Face.class);
    /** Advance widths in thousandths of an em by character, filled as characters are met (NaN: not yet). */
    private final Map<Style.Face, float[]> widths = new EnumMap<>(Style.Face.class);
    private final Map<Style.Face, TrueTypeFont> trueTypes = new EnumMap<>(Style.Face.class);
    /** Glyph ids by character (0: not yet looked up), and the characters already added to the subset. */
    private final Map<Style.Face, int[]> glyphs = new EnumMap<>(Style.Face.class);
    private final Map<Style.Face, BitSet> subset = new EnumMap<>(Style.Face.class);
    /** Characters known to have a glyph in each face. */
    private final Map<Style.Face, BitSet> printable = new EnumMap<>(Style.Face.class);
    private final PDResources resources = new PDResources();
    private final Map<Style.Face, COSName> names = new EnumMap<>(Style.Face.class);

    /** The font files as read once from the build, each with its GSUB table renamed (see trueType). */
    private static final Map<Style.Face, byte[]> BYTES = new EnumMap<>(Style.Face.class);

    PdfFonts(PDDocument document) {
        for (Style.Face face : Style.Face.values()) {
            try {
                TrueTypeFont ttf = trueType(face);
                trueTypes.put(face, ttf);
                cmaps.put(face, ttf.getUnicodeCmapLookup(false));
                float[] w = new float[0x10000];
                Arrays.fill(w, Float.NaN);
                widths.put(face, w);
                PDType0Font font = PDType0Font.load(document, ttf, true);
                fonts.put(face, font);
                glyphs.put(face, new int[0x10000]);
                subset.put(face, new BitSet(0x10000));
                printable.put(face, new BitSet(0x10000));
            } catch (IOException e) {
                throw new UncheckedIOException("the font " + FILES.get(face) + " cannot be read", e);
            }
        }
    }

    /**
     * A face as the dossier embeds it. Its GSUB table is hidden from FontBox: PDFBox would otherwise run its Latin
     * ligature substitution, which compiles regular expressions for every string drawn (most of the drawing time),
     * for ligatures a dossier does not need; text extraction is simpler without them too.
     */
    public static TrueTypeFont trueType(Style.Face face) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(BYTES.get(face)));
    }

    static {
        for (Style.Face face : Style.Face.values()) {
            try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(FILES.get(face))) {
                if (in == null) {
                    throw new IllegalStateException("the font " + FILES.get(face) + " is missing from the build");
                }
                byte[] font = in.readAllBytes();
                int tables = ((font[4] & 0xFF) << 8) | (font[5] & 0xFF);
                for (int i = 0; i < tables; i++) {
                    int entry = 12 + 16 * i;
                    if (font[entry] == 'G' && font[entry + 1] == 'S' && font[entry + 2] == 'U' && font[entry + 3] == 'B') {
                        font[entry] = 'x'; // an unknown tag: kept as an opaque table, not read, not subset
                    }
                }
                BYTES.put(face, font);
            } catch (IOException e) {
                throw new UncheckedIOException("the font " + FILES.get(face) + " cannot be read", e);
            }
        }
    }

    /** The resources every page shares: the four fonts. */
    PDResources resources() {
        return resources;
    }

    /** The face's name in the shared resources, added there when first used: an unused face is not embedded at all. */
    String resourceName(Style.Face face) {
        return names.computeIfAbsent(face, f -> resources.add(fonts.get(f))).getName();
    }

    /**
     * Embeds the subset of each face used, before the document is saved. PDFBox does this at save for the fonts its
     * own setFont saw; the pages here are written without it.
     */
    void embedSubsets() throws IOException {
        for (Style.Face face : names.keySet()) {
            fonts.get(face).subset();
        }
    }

    /**
     * Appends the text as a literal string of glyph codes, as PDType0Font.encode would give them (the glyph id of each
     * character in the font's Unicode cmap, two bytes, Identity-H; each byte one char of the ISO-8859-1 content stream,
     * with the string delimiters, backslash and carriage return escaped), and keeps each character in the subset.
     */
    void encode(Style.Face face, String text, StringBuilder out) {
        int[] gids = glyphs.get(face);
        BitSet kept = subset.get(face);
        CmapLookup cmap = cmaps.get(face);
        out.append('(');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int gid = gids[c];
            if (gid == 0) {
                gid = cmap.getGlyphId(c);
                gids[c] = gid;
            }
            if (!kept.get(c)) {
                kept.set(c);
                fonts.get(face).addToSubset(c);
            }
            literal(out, (gid >> 8) & 0xFF);
            literal(out, gid & 0xFF);
        }
        out.append(')');
    }

    private static void literal(StringBuilder out, int b) {
        switch (b) {
            case '(', ')', '\\' -> out.append('\\').append((char) b);
            case '\r' -> out.append("\\r");
            default -> out.append((char) b);
        }
    }

    /**
     * The advance widths of the font's own metrics (hmtx), as the PDF's width array gives them to a viewer; read
     * directly because PDFont.getStringWidth encodes and decodes every string, which dominated the layout's time.
     */
    @Override
    public float width(Style style, String text) {
        float[] known = widths.get(style.face());
        float total = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            float w = known[c];
            if (Float.isNaN(w)) {
                w = advance(style.face(), c);
                known[c] = w;
            }
            total += w;
        }
        return total / 1000f * style.size();
    }

    private float advance(Style.Face face, int codePoint) {
        try {
            TrueTypeFont ttf = trueTypes.get(face);
            int gid = cmaps.get(face).getGlyphId(codePoint);
            return ttf.getAdvanceWidth(gid) * 1000f / ttf.getUnitsPerEm();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String printable(Style.Face face, String text) {
        BitSet known = printable.get(face);
        CmapLookup cmap = cmaps.get(face);
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean ok = cp < 0x10000 && known.get(cp);
            if (!ok) {
                ok = cp == '\n' || (cp >= 0x20 && cmap.getGlyphId(cp) != 0);
                if (ok && cp < 0x10000) {
                    known.set(cp);
                }
            }
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
