package org.chainline.dossier;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.chainline.TestCases;
import org.chainline.ChainlineTest;
import org.chainline.demo.DemoCase;
import org.chainline.dossier.content.DossierContent;
import org.chainline.input.Json;
import org.chainline.registry.Records;
import org.chainline.registry.imports.RecordImport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A team translates a dossier's labels and sentences in its own templates folder, without code, and its dossiers say so. */
@MicronautTest(transactional = false)
class DossierWordingTest extends ChainlineTest {

    /** Under the build folder, not the system's temporary one, and removed after the class. */
    private static final Path TEMPLATES = Path.of("target", "dossier-wording-templates");

    @Inject
    DemoCase demo;
    @Inject
    Dossiers dossiers;
    @Inject
    Records records;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        try {
            delete(TEMPLATES);
            copy(Path.of("templates"), TEMPLATES);
            Path wording = TEMPLATES.resolve("dossier/wording.yaml");
            Files.writeString(wording, Files.readString(wording)
                    .replace("  legalBasis: \"Legal basis\"\n", "  legalBasis: \"Base juridique\"\n")
                    .replace("  summaryLinked: \"{who}, is linked by the record to {count} {incidents} that the {regime} covers.\"\n",
                            "  summaryLinked: \"{who} est lié par le dossier à {count} {incidents} que couvre le {regime}.\"\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("chainline.dossier.templates-dir", TEMPLATES.toAbsolutePath().toString());
        return properties;
    }

    @AfterAll
    void removeTheTemplates() throws IOException {
        delete(TEMPLATES);
    }

    @Test
    void aTranslatedLabelAndATranslatedSentenceAreWhatTheDossierPrints() throws IOException {
        TestCases.load(demo, "tester");
        Dossier dossier = dossiers.generate("tester", dossiers.check("p-abdigaliyev", "eu-ghrsr", "government-confidential"),
                (stage, percent) -> { }).dossier();
        String text = DossierTest.text(dossiers.pdf(dossier.id()));
        assertTrue(text.contains("Base juridique"), "the cover's label");
        assertTrue(text.contains("est lié par le dossier à 1 incident que couvre le EU Global Human Rights Sanctions Regime."),
                "the summary's sentence");
        assertFalse(text.contains("Legal basis"));
        assertFalse(text.contains("is linked by the record to"));
    }

    @Test
    void anArrowSaysTheClaimsRelationWhateverTheUnitsAreCalled() throws IOException {
        TestCases.load(demo, "tester");
        // the platoon is child-of its regiment; a name holding "member of" once made its arrow say so
        records.change(TestCases.OPERATOR, records.model().type("Unit").orElseThrow(), "u-rrr7-sniper",
                Json.MAPPER.readTree("{\"names\": [{\"value\": \"Sniper platoon, member of the Marksmen Union\", \"lang\": \"en\"}]}"),
                "renamed");
        Dossier dossier = dossiers.generate("tester", dossiers.check("p-abdigaliyev", "eu-ghrsr", "government-confidential"),
                (stage, percent) -> { }).dossier();
        var content = Json.MAPPER.readValue(dossiers.content(dossier.id()),
                DossierContent.class);
        var relations = content.charts().stream().flatMap(c -> c.relations().stream())
                .filter(r -> r.claim().equals("rel-sniper-rrr7")).toList();
        assertFalse(relations.isEmpty(), "the platoon's relation is charted");
        relations.forEach(r -> Assertions.assertEquals("child of", r.relation()));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
