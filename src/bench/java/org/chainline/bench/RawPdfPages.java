package org.chainline.bench;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chainline.dossier.layout.Style;
import org.chainline.dossier.pdf.PdfFonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The benchmark's floor: plain PDFBox writing pages of text lines in the dossier's embedded font (no layout, no
 * tables, no links, no PDF/A), and a count of the characters a PDF's pages hold, to give the floor the same amount.
 */
public final class RawPdfPages {

    private static final String SAMPLE = "Ғалым Өтеғұлов commanded the National Guard on 6 March 2025; Ұлттық ұлан, Қала алаңы, "
            + "evidence E12 at 00:04:12, grade B2. ";

    private RawPdfPages() {
    }

    /** {@code pages} A4 pages, each with {@code charsPerPage} characters in lines of about 95. */
    public static byte[] write(int pages, int charsPerPage) {
        try (PDDocument document = new PDDocument()) {
            // the very font the dossier embeds (PdfFonts.trueType), so that both draw the same glyphs the same way
            PDType0Font regular = PDType0Font.load(document, PdfFonts.trueType(Style.Face.REGULAR), true);
            int lines = Math.max(1, charsPerPage / 95);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
                    for (int l = 0; l < lines; l++) {
                        int from = (p * 7 + l * 13) % SAMPLE.length();
                        String line = (SAMPLE + SAMPLE).substring(from, from + 95);
                        cs.beginText();
                        cs.setFont(regular, 8.5f);
                        cs.newLineAtOffset(56, 780 - l * 12);
                        cs.showText(line);
                        cs.endText();
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Characters other than white space per page, as text extraction reads them. */
    public static int charsPerPage(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            return (int) (text.chars().filter(c -> !Character.isWhitespace(c)).count() / Math.max(1, document.getNumberOfPages()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
