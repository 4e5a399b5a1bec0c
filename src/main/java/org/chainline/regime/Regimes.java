package org.chainline.regime;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import org.chainline.ClasspathFolder;
import org.chainline.liability.Strength;
import org.chainline.refusal.NotFound;
import org.chainline.registry.model.Model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sanctions regimes and the dossier wording, read from templates/ once at start-up and checked against the model:
 * a broken file stops start-up, naming the file and the field. Adding a regime is adding a file to templates/regimes
 * (or to the regimes folder of {@code chainline.dossier.templates-dir}).
 */
@Context
public class Regimes {

    /** The liability modes a limb may name (liability/LiabilityPaths). */
    public static final List<String> MODES = List.of("direct", "ordering", "command", "failure-to-act");
    /** The sections of a dossier, in model.md's order; a regime lists those it wants. */
    public static final List<String> SECTIONS = List.of("cover", "summary", "subject", "allegations", "chain-of-command",
            "criteria", "exculpatory", "impact", "evidence-register", "methodology", "glossary");
    /** What every submission needs, whatever the regime: the exculpatory section above all. */
    static final List<String> REQUIRED_SECTIONS = List.of("cover", "summary", "subject", "allegations", "criteria",
            "exculpatory", "evidence-register");
    public static final List<String> AUDIENCES = List.of("government-confidential", "public");

    private final Map<String, Regime> regimes = new LinkedHashMap<>();
    private final Wording wording;
    private final Labels labels;
    private final Map<String, String> labelsChanged;

    /** The regimes and wording under {@code templatesDir}, or the built-in templates when it is blank. */
    public Regimes(Model model, @Value("${chainline.dossier.templates-dir:}") String templatesDir) {
        Path root = templatesDir == null || templatesDir.isBlank() ? ClasspathFolder.of("templates") : Path.of(templatesDir);
        List<String> violations = model.type("Incident").orElseThrow().property("violations").orElseThrow().values();
        List<String> victimCategories = model.type("Victim").orElseThrow().property("categories").orElseThrow().values();
        try {
            for (Path file : ClasspathFolder.files(root.resolve("regimes"), ".yaml")) {
                Regime regime = regime(YamlMap.load(file, "regimes/" + file.getFileName()), violations, victimCategories);
                regimes.put(regime.id(), regime);
            }
        } catch (IOException e) {
            throw new TemplateException("regimes/", "(folder)", "cannot be read: " + e.getMessage());
        }
        if (regimes.isEmpty()) {
            throw new TemplateException("regimes/", "(folder)", "holds no regime: add at least one <id>.yaml");
        }
        Path wordingFile = root.resolve("dossier").resolve("wording.yaml");
        if (!Files.isRegularFile(wordingFile)) {
            throw new TemplateException("dossier/wording.yaml", "(file)", "is missing");
        }
        YamlMap wordingYaml = YamlMap.load(wordingFile, "dossier/wording.yaml");
        this.wording = wording(wordingYaml);
        this.labels = labels(wordingYaml);
        this.labelsChanged = templatesDir == null || templatesDir.isBlank() ? Map.of()
                : labels.changedFrom(labels(YamlMap.load(ClasspathFolder.of("templates").resolve("dossier").resolve("wording.yaml"),
                "dossier/wording.yaml")));
    }

    public List<Regime> all() {
        return List.copyOf(regimes.values());
    }

    public Regime get(String id) {
        Regime regime = regimes.get(id);
        if (regime == null) {
            throw NotFound.because("no regime " + id + " (known: " + String.join(", ", regimes.keySet()) + ")");
        }
        return regime;
    }

    public Wording wording() {
        return wording;
    }

    /** The labels a dossier prints around its content; they are not part of the content, like its fonts and layout. */
    public Labels labels() {
        return labels;
    }

    /**
     * The labels these templates word otherwise than Chainline's own, sorted by key (empty for the built-in ones). A
     * dossier's id covers them, so that a team's rewording gives a new dossier rather than the one made before it.
     */
    public Map<String, String> labelsChanged() {
        return labelsChanged;
    }

    private static Regime regime(YamlMap y, List<String> violations, List<String> victimCategories) {
        y.allowOnly(Set.of("reach", "id", "name", "shortName", "authority", "program", "legalBasis", "addressee", "standardOfProof",
                "covers", "limbs", "victimQualifier", "impact", "sections", "designations"));
        String id = y.text("id");
        if (!y.file().equals("regimes/" + id + ".yaml")) {
            throw y.broken("id", "must be the file's name without .yaml ('" + id + "' is in " + y.file() + ")");
        }
        Map<String, String> covers = y.textMap("covers");
        for (String violation : covers.keySet()) {
            if (!violations.contains(violation)) {
                throw y.broken("covers." + violation, "is not a violation of the model (known: " + String.join(", ", violations) + ")");
            }
        }
        List<Regime.Limb> limbs = new ArrayList<>();
        for (YamlMap limb : y.maps("limbs")) {
            limb.allowOnly(Set.of("id", "text", "modes"));
            List<String> modes = limb.texts("modes");
            for (String mode : modes) {
                if (!MODES.contains(mode)) {
                    throw limb.broken("modes", "'" + mode + "' is not a liability mode (known: " + String.join(", ", MODES) + ")");
                }
            }
            limbs.add(new Regime.Limb(limb.text("id"), limb.text("text"), modes));
        }
        Regime.VictimQualifier qualifier = null;
        if (y.has("victimQualifier")) {
            YamlMap q = y.map("victimQualifier");
            q.allowOnly(Set.of("text", "categories", "violations"));
            List<String> categories = q.texts("categories");
            for (String c : categories) {
                if (!victimCategories.contains(c)) {
                    throw q.broken("categories", "'" + c + "' is not a victim category (known: " + String.join(", ", victimCategories) + ")");
                }
            }
            List<String> qualifying = q.texts("violations");
            for (String v : qualifying) {
                if (!violations.contains(v)) {
                    throw q.broken("violations", "'" + v + "' is not a violation of the model");
                }
            }
            qualifier = new Regime.VictimQualifier(q.text("text"), categories, qualifying);
        }
        List<String> sections = y.texts("sections");
        for (String section : sections) {
            if (!SECTIONS.contains(section)) {
                throw y.broken("sections", "'" + section + "' is not a dossier section (known: " + String.join(", ", SECTIONS) + ")");
            }
        }
        for (String required : REQUIRED_SECTIONS) {
            if (!sections.contains(required)) {
                throw y.broken("sections", "must include " + required + " (every submission needs " + String.join(", ", REQUIRED_SECTIONS) + ")");
            }
        }
        if (!sections.getFirst().equals("cover")) {
            throw y.broken("sections", "must begin with cover");
        }
        return new Regime(id, y.text("name"), y.text("shortName"), y.text("authority"), y.text("program"),
                y.texts("legalBasis"), y.texts("addressee"), y.text("standardOfProof"), covers, List.copyOf(limbs),
                qualifier, y.texts("impact"), sections, designations(y.map("designations")), reach(y.map("reach")));
    }

    private static Regime.Reach reach(YamlMap r) {
        r.allowOnly(Set.of("countries", "family"));
        List<String> countries = r.texts("countries");
        for (String c : countries) {
            if (!c.matches("[A-Z]{2}")) {
                throw r.broken("countries", "'" + c + "' is not a country code of two capital letters");
            }
        }
        return new Regime.Reach(countries, r.has("family") ? r.text("family") : null);
    }

    private static Regime.Designations designations(YamlMap d) {
        d.allowOnly(Set.of("jurisdiction", "lists", "programs"));
        String jurisdiction = d.text("jurisdiction");
        if (!jurisdiction.matches("[A-Z]{2}")) {
            throw d.broken("jurisdiction", "must be two capital letters (US, EU, GB, CA...), as sanctions lists write it");
        }
        return new Regime.Designations(jurisdiction, d.texts("lists"), d.texts("programs"));
    }

    private static Wording wording(YamlMap y) {
        y.allowOnly(Set.of("sections", "contents", "audiences", "withheld", "protectedItem", "noExculpatory", "noSanctions",
                "noAllegations", "strengths", "modes", "elements", "methodology", "glossary", "transliteration", "labels"));
        Map<String, String> sections = y.textMap("sections");
        for (String section : SECTIONS) {
            if (!sections.containsKey(section)) {
                throw y.broken("sections." + section, "is required (the title of that section)");
            }
        }
        Map<String, Wording.Audience> audiences = new LinkedHashMap<>();
        YamlMap a = y.map("audiences");
        for (String audience : AUDIENCES) {
            YamlMap one = a.map(audience);
            audiences.put(audience, new Wording.Audience(one.text("marking"), one.text("request")));
        }
        Map<String, String> strengths = y.textMap("strengths");
        for (String s : Arrays.stream(Strength.values()).map(Strength::word).toList().reversed()) {
            if (!strengths.containsKey(s)) {
                throw y.broken("strengths." + s, "is required");
            }
        }
        Map<String, String> modes = y.textMap("modes");
        for (String m : MODES) {
            if (!modes.containsKey(m)) {
                throw y.broken("modes." + m, "is required");
            }
        }
        List<Wording.Paragraph> methodology = y.maps("methodology").stream()
                .map(m -> new Wording.Paragraph(m.text("heading"), m.text("text"))).toList();
        List<Wording.Term> glossary = y.maps("glossary").stream().map(m -> new Wording.Term(m.text("term"), m.text("text"))).toList();
        YamlMap t = y.map("transliteration");
        return new Wording(sections, y.text("contents"), audiences, y.text("withheld"), y.text("protectedItem"),
                y.text("noExculpatory"), y.text("noSanctions"), y.text("noAllegations"), strengths, modes,
                y.textMap("elements"), methodology, glossary, t.text("note"), t.pairs("letters"));
    }

    /** Every label Chainline prints, and no other: a missing one and a misspelt one are both named. */
    private static Labels labels(YamlMap y) {
        Map<String, String> labels = y.labelMap("labels");
        Set<String> known = new LinkedHashSet<>();
        for (Labels.Key key : Labels.Key.values()) {
            known.add(key.key());
            if (!labels.containsKey(key.key())) {
                throw y.broken("labels." + key.key(), "is required (a label every dossier prints)");
            }
        }
        for (String key : labels.keySet()) {
            if (!known.contains(key)) {
                throw y.broken("labels." + key, "is not a label Chainline prints");
            }
        }
        return new Labels(Map.copyOf(labels));
    }
}
