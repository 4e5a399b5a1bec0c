package org.chainline.regime;

import org.chainline.registry.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The regimes in templates/ load and agree with the model; a broken file is refused naming the file and the field. */
class RegimesTest {

    static final Model MODEL = Model.load();

    @Test
    void theFourRegimesLoadWithEveryViolationTheyCoverFromTheModel() {
        Regimes regimes = new Regimes(MODEL, "");
        assertEquals(List.of("ca-jvcfoa", "eu-ghrsr", "uk-ghr", "us-glomag"), regimes.all().stream().map(Regime::id).toList());
        Regime eu = regimes.get("eu-ghrsr");
        assertTrue(eu.covers().get("enforced-disappearance").contains("Art. 2(1)(c)(iv)"));
        assertEquals(List.of("Reg. 2020/1998 Art. 3(3)(b)"), eu.limbsFor("ordering").stream().map(Regime.Limb::id).toList());
        assertTrue(regimes.get("ca-jvcfoa").victimQualifier().categories().contains("human-rights-defender"));
        assertTrue(regimes.all().stream().allMatch(r -> r.sections().contains("exculpatory")), "every regime keeps the exculpatory section");
        assertTrue(regimes.wording().transliteration().stream().anyMatch(p -> p.getFirst().equals("Ң")));
    }

    @Test
    void aRegimeIsAddedByAddingAFile(@TempDir Path dir) throws IOException {
        copyBuiltIn(dir);
        Files.writeString(dir.resolve("regimes/xx-test.yaml"), Files.readString(dir.resolve("regimes/uk-ghr.yaml"))
                .replace("id: uk-ghr", "id: xx-test").replace("name: The Global", "name: A Test Copy of The Global"));
        Regimes regimes = new Regimes(MODEL, dir.toString());
        assertTrue(regimes.get("xx-test").name().startsWith("A Test Copy"));
    }

    @Test
    void aLimbWithAnUnknownModeStopsStartUpNamingFileAndField(@TempDir Path dir) throws IOException {
        copyBuiltIn(dir);
        Path eu = dir.resolve("regimes/eu-ghrsr.yaml");
        Files.writeString(eu, Files.readString(eu).replace("modes: [ordering]", "modes: [ordering, inspiring]"));
        TemplateException e = assertThrows(TemplateException.class, () -> new Regimes(MODEL, dir.toString()));
        assertTrue(e.getMessage().contains("regimes/eu-ghrsr.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("limbs[1].modes"), e.getMessage());
        assertTrue(e.getMessage().contains("'inspiring' is not a liability mode"), e.getMessage());
    }

    @Test
    void aCoveredViolationOutsideTheVocabularyAMissingSectionAndBadYamlAreEachNamed(@TempDir Path dir) throws IOException {
        copyBuiltIn(dir);
        Path us = dir.resolve("regimes/us-glomag.yaml");
        String original = Files.readString(us);
        Files.writeString(us, original.replace("  torture: serious", "  waterboarding: serious"));
        TemplateException unknown = assertThrows(TemplateException.class, () -> new Regimes(MODEL, dir.toString()));
        assertTrue(unknown.getMessage().contains("covers.waterboarding is not a violation of the model"), unknown.getMessage());

        Files.writeString(us, original.replace(" exculpatory,", ""));
        TemplateException section = assertThrows(TemplateException.class, () -> new Regimes(MODEL, dir.toString()));
        assertTrue(section.getMessage().contains("regimes/us-glomag.yaml: sections must include exculpatory"), section.getMessage());

        Files.writeString(us, original + "\n  - [unbalanced\n");
        TemplateException yaml = assertThrows(TemplateException.class, () -> new Regimes(MODEL, dir.toString()));
        assertTrue(yaml.getMessage().contains("regimes/us-glomag.yaml: (syntax) is not valid YAML"), yaml.getMessage());

        Files.writeString(us, original.replace("id: us-glomag", "id: us-other"));
        TemplateException id = assertThrows(TemplateException.class, () -> new Regimes(MODEL, dir.toString()));
        assertTrue(id.getMessage().contains("id must be the file's name"), id.getMessage());
    }

    @Test
    void missingWordingIsNamed(@TempDir Path dir) throws IOException {
        copyBuiltIn(dir);
        Path wording = dir.resolve("dossier/wording.yaml");
        Files.writeString(wording, Files.readString(wording).replace("  exculpatory: Exculpatory and contradicting information\n", ""));
        TemplateException e = assertThrows(TemplateException.class, () -> new Regimes(MODEL, dir.toString()));
        assertTrue(e.getMessage().contains("dossier/wording.yaml: sections.exculpatory is required"), e.getMessage());
    }

    @Test
    void aLabelMissingFromTheWordingAndOneChainlineDoesNotPrintAreEachNamed(@TempDir Path dir) throws IOException {
        copyBuiltIn(dir);
        Path wording = dir.resolve("dossier/wording.yaml");
        String builtIn = Files.readString(wording);
        Files.writeString(wording, builtIn.replace("  chartCaption: \"Chain of command above {unit} on {date} (top: the highest superiors recorded).\"\n", ""));
        TemplateException missing = assertThrows(TemplateException.class, () -> new Regimes(MODEL, dir.toString()));
        assertTrue(missing.getMessage().contains("dossier/wording.yaml: labels.chartCaption is required"), missing.getMessage());
        Files.writeString(wording, builtIn.replace("  cover: \"Cover\"\n", "  cover: \"Cover\"\n  coverPage: \"Cover page\"\n"));
        TemplateException unknown = assertThrows(TemplateException.class, () -> new Regimes(MODEL, dir.toString()));
        assertTrue(unknown.getMessage().contains("labels.coverPage is not a label Chainline prints"), unknown.getMessage());
    }

    @Test
    void everyLabelKeepsItsSpacesAndFillsItsPlaceholdersOnce() {
        Labels labels = new Regimes(MODEL, "").labels();
        assertEquals(" (contra)", labels.get(Labels.Key.CONTRA));
        assertEquals("Page 3 of 12", labels.get(Labels.Key.PAGE_OF, "page", 3, "count", 12));
        assertEquals("Chain of command above {date} on 2025-03-06 (top: the highest superiors recorded).",
                labels.get(Labels.Key.CHART_CAPTION, "unit", "{date}", "date", "2025-03-06"), "a value is never read as a placeholder");
    }

    @Test
    void labelsWordedOtherwiseThanChainlinesOwnAreKnownSoThatTheyMakeANewDossier(@TempDir Path dir) throws IOException {
        assertEquals(Map.of(), new Regimes(MODEL, "").labelsChanged());
        copyBuiltIn(dir);
        assertEquals(Map.of(), new Regimes(MODEL, dir.toString()).labelsChanged(), "a copy of the built-in templates changes nothing");
        Path wording = dir.resolve("dossier/wording.yaml");
        Files.writeString(wording, Files.readString(wording).replace("  legalBasis: \"Legal basis\"\n", "  legalBasis: \"Base juridique\"\n"));
        Regimes translated = new Regimes(MODEL, dir.toString());
        assertEquals(Map.of("legalBasis", "Base juridique"), translated.labelsChanged());
        assertEquals("Base juridique", translated.labels().get(Labels.Key.LEGAL_BASIS));
    }

    private static void copyBuiltIn(Path dir) throws IOException {
        Path templates = Path.of("templates");
        Files.createDirectories(dir.resolve("regimes"));
        Files.createDirectories(dir.resolve("dossier"));
        try (var files = Files.list(templates.resolve("regimes"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve("regimes").resolve(f.getFileName()));
            }
        }
        Files.copy(templates.resolve("dossier/wording.yaml"), dir.resolve("dossier/wording.yaml"));
    }
}
