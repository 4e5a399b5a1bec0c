package org.chainline.dossier.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.chainline.dossier.content.DossierContent;
import org.chainline.dossier.layout.Block;
import org.chainline.dossier.layout.DossierBlocks;
import org.chainline.dossier.layout.Page;
import org.chainline.dossier.layout.Pages;
import org.chainline.dossier.layout.Paginator;
import org.chainline.dossier.layout.Placed;
import org.chainline.dossier.layout.Style;
import org.chainline.regime.Labels;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Draws a dossier: its content laid out into blocks, paginated, then drawn with PDFBox as PDF/A-3b with the
 * machine-readable content attached. Everything that varies between runs (dates, the file id) comes from the content,
 * so the same content gives the same bytes.
 */
public final class PdfDossierRenderer {

    private PdfDossierRenderer() {
    }

    /** The PDF of a dossier; {@code contentJson} is the machine-readable copy attached inside it. */
    /** A drawn dossier: its bytes and how many pages they hold. */
    public record Rendered(byte[] pdf, int pages) {
    }

    /** The machine-readable dossier attached inside a PDF this renderer made, or empty if the file holds none. */
    public static Optional<byte[]> attachedContent(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var names = document.getDocumentCatalog().getNames();
            var tree = names == null ? null : names.getEmbeddedFiles();
            var spec = tree == null || tree.getNames() == null ? null : tree.getNames().get(PdfArchive.ATTACHMENT);
            return spec == null || spec.getEmbeddedFile() == null ? Optional.empty()
                    : Optional.of(spec.getEmbeddedFile().toByteArray());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static Rendered render(DossierContent content, byte[] contentJson, Labels labels) {
        try (PDDocument document = new PDDocument()) {
            document.setVersion(1.7f); // the catalog's /Version
            document.getDocument().setVersion(1.7f); // and the header's: PDF/A-3 is built on PDF 1.7
            PdfFonts fonts = new PdfFonts(document);
            Pages pages = Paginator.paginate(DossierBlocks.of(content, labels), Page.A4, fonts, labels);
            List<PDPage> pdfPages = new ArrayList<>();
            for (int i = 0; i < pages.pages().size(); i++) {
                PDPage page = new PDPage(new PDRectangle(Page.A4.width(), Page.A4.height()));
                document.addPage(page);
                pdfPages.add(page);
            }
            for (int i = 0; i < pdfPages.size(); i++) {
                draw(document, pdfPages, i, pages, fonts, content, labels);
            }
            fonts.embedSubsets();
            outline(document, pdfPages, pages);
            PdfArchive.make(document, content, contentJson, labels);
            byte[] id = HexFormat.of().parseHex(content.cover().contentHash().substring(0, 32));
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            document.save(out, CompressParameters.NO_COMPRESSION);
            return new Rendered(out.toByteArray(), pdfPages.size());
        } catch (IOException e) {
            throw new UncheckedIOException("the dossier could not be drawn: " + e.getMessage(), e);
        }
    }

    private static void draw(PDDocument document, List<PDPage> pdfPages, int index, Pages pages, PdfFonts fonts,
                             DossierContent content, Labels labels) throws IOException {
        PDPage page = pdfPages.get(index);
        Drawing drawing = new Drawing(fonts);
        List<Placed> texts = new ArrayList<>();
        List<PDAnnotation> annotations = new ArrayList<>();
        // shapes first (table shading, boxes, rules), then all the text above them in one text object
        for (Placed placed : pages.pages().get(index)) {
            switch (placed) {
                case Placed.Link l -> link(annotations, l, pdfPages, pages);
                case Placed.PageNumber n -> {
                    Pages.Anchor target = pages.anchors().get(n.anchor());
                    String number = target == null ? "" : String.valueOf(target.page() + 1);
                    texts.add(new Placed.Text(n.x() - fonts.width(n.style(), number), n.y(), n.style(), number));
                }
                case Placed.Text t -> texts.add(t);
                default -> drawing.draw(placed);
            }
        }
        frame(drawing, texts, fonts, index, pdfPages.size(), content, labels);
        drawing.texts(texts);
        page.setResources(fonts.resources());
        PDStream stream = new PDStream(document);
        try (OutputStream raw = stream.getCOSObject().createRawOutputStream()) {
            raw.write(drawing.deflated());
        }
        stream.getCOSObject().setItem(COSName.FILTER, COSName.FLATE_DECODE);
        page.setContents(stream);
        if (!annotations.isEmpty()) {
            page.setAnnotations(annotations);
        }
    }

    /** The running header (marking, dossier) and footer (regime, page X of Y, journal position). */
    private static void frame(Drawing drawing, List<Placed> texts, PdfFonts fonts, int index, int count, DossierContent content,
                              Labels labels) {
        Page a4 = Page.A4;
        Style marking = Style.SMALL.bold().colored(0xA8322D);
        Style small = Style.SMALL.colored(Style.GREY);
        float top = a4.height() - 36;
        texts.add(new Placed.Text(a4.left(), top, marking, fonts.printable(marking.face(), content.cover().marking())));
        if (content.approval() == null) {
            // every page of an unapproved dossier says so, above the running header
            String draft = labels.get(Labels.Key.DRAFT_MARK);
            texts.add(new Placed.Text((a4.width() - fonts.width(marking, draft)) / 2, top + 13, marking, fonts.printable(marking.face(), draft)));
        }
        String right = content.cover().dossierId() + " \u00b7 " + (content.cover().subjectLatinName() != null
                ? content.cover().subjectLatinName() : content.cover().subjectName());
        right = fonts.printable(small.face(), right);
        texts.add(new Placed.Text(a4.width() - a4.right() - fonts.width(small, right), top, small, right));
        drawing.draw(new Placed.Line(a4.left(), top - 5, a4.width() - a4.right(), top - 5, 0.5f, 0xC9CFD8));
        float bottom = 30;
        drawing.draw(new Placed.Line(a4.left(), bottom + 11, a4.width() - a4.right(), bottom + 11, 0.5f, 0xC9CFD8));
        texts.add(new Placed.Text(a4.left(), bottom, small, fonts.printable(small.face(), content.regime().shortName())));
        String pageOf = labels.get(Labels.Key.PAGE_OF, "page", index + 1, "count", count);
        texts.add(new Placed.Text((a4.width() - fonts.width(small, pageOf)) / 2, bottom, small, pageOf));
        String position = labels.get(Labels.Key.FOOTER_POSITION, "position", content.cover().journalPosition());
        texts.add(new Placed.Text(a4.width() - a4.right() - fonts.width(small, position), bottom, small, position));
    }

    private static void link(List<PDAnnotation> annotations, Placed.Link l,
                             List<PDPage> pdfPages, Pages pages) {
        Pages.Anchor target = pages.anchors().get(l.anchor());
        if (target == null) {
            return;
        }
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(l.x(), l.y(), l.width(), l.height()));
        // /Border [0 0 0]: links are shown by their blue text, not by a box
        link.getCOSObject().setItem(COSName.BORDER, new COSArray(List.of(COSInteger.ZERO, COSInteger.ZERO, COSInteger.ZERO)));
        link.setPrinted(true);
        link.setDestination(destination(pdfPages.get(target.page()), target.y()));
        annotations.add(link);
    }

    private static PDPageXYZDestination destination(PDPage page, float y) {
        PDPageXYZDestination destination = new PDPageXYZDestination();
        destination.setPage(page);
        destination.setLeft(0);
        destination.setTop(Math.round(y + 14));
        return destination;
    }

    /** Bookmarks: sections, with allegations and sub-sections under them. */
    private static void outline(PDDocument document, List<PDPage> pdfPages, Pages pages) {
        PDDocumentOutline outline = new PDDocumentOutline();
        PDOutlineItem parent = null;
        for (Block.Heading h : pages.outline()) {
            Pages.Anchor anchor = h.anchor() == null ? null : pages.anchors().get(h.anchor());
            if (anchor == null || h.level() > 2) {
                continue;
            }
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(h.text());
            item.setDestination(destination(pdfPages.get(anchor.page()), anchor.y()));
            if (h.level() == 1 || parent == null) {
                outline.addLast(item);
                parent = item;
            } else {
                parent.addLast(item);
            }
        }
        outline.openNode();
        document.getDocumentCatalog().setDocumentOutline(outline);
    }
}
