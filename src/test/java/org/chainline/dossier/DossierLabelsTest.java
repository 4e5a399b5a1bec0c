package org.chainline.dossier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.chainline.bench.SyntheticDossier;
import org.chainline.dossier.content.DossierContent;
import org.chainline.dossier.pdf.PdfDossierRenderer;
import org.chainline.regime.Labels;
import org.chainline.regime.Regimes;
import org.chainline.registry.model.Model;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every label a dossier prints around its content comes from templates/dossier/wording.yaml: drawn with each label
 * replaced by a marker, the PDF holds no label of the built-in wording, and every label it needed is there as a marker.
 */
class DossierLabelsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-zA-Z]+}");

    @Test
    void aDossierDrawnWithOtherLabelsPrintsThoseAndNoneOfTheBuiltInOnes() throws IOException {
        Labels builtIn = new Regimes(Model.load(), "").labels();
        Map<String, String> marked = new HashMap<>();
        for (Labels.Key key : Labels.Key.values()) {
            // the marker keeps the label's placeholders, so that the values it frames are still printed
            List<String> placeholders = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(builtIn.get(key));
            while (m.find()) {
                placeholders.add(m.group());
            }
            marked.put(key.key(), "[" + key.key() + (placeholders.isEmpty() ? "" : " " + String.join(" ", placeholders)) + "]");
        }
        DossierContent content = SyntheticDossier.of(3);
        byte[] pdf = PdfDossierRenderer.render(content, Dossiers.bytes(content), new Labels(marked)).pdf();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertTrue(document.getDocumentInformation().getTitle().startsWith("[pdfTitle "), document.getDocumentInformation().getTitle());
        }
        List<String> hardCoded = new ArrayList<>();
        for (Labels.Key key : Labels.Key.values()) {
            String label = PLACEHOLDER.split(builtIn.get(key), -1)[0].strip();
            // labels of one short word ("Date", "Unit") also occur inside the content's own sentences
            if (label.length() >= 12 && text.contains(label)) {
                hardCoded.add(key.key() + ": " + label);
            }
        }
        assertEquals(List.of(), hardCoded, "printed from code, not from the wording file");
        for (String must : List.of("[requestForDesignation]", "[legalBasis]", "[chartCaption", "[pageOf ", "[footerPosition ",
                "[registerNote]", "[evidenceNumber ", "[strengthTerm ", "[whatHappened]")) {
            assertTrue(text.contains(must), must + " is not printed");
        }
    }
}
