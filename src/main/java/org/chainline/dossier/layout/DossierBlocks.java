package org.chainline.dossier.layout;

import org.chainline.dossier.content.DossierContent;
import org.chainline.regime.Wording;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chainline.liability.Strength;

/** The structure of a dossier's pages from its content: sections in the regime's order, each as blocks. */
public final class DossierBlocks {

    private static final Style TITLE = new Style(Style.Face.BOLD, 22f, Style.NAVY);
    private static final Style NAME = new Style(Style.Face.BOLD, 17f, Style.INK);
    private static final Style LABEL = Style.SMALL.bold().colored(Style.GREY);

    private final DossierContent c;
    private final Wording w;
    private final List<Block> blocks = new ArrayList<>();

    private DossierBlocks(DossierContent content) {
        this.c = content;
        this.w = content.wording();
    }

    public static List<Block> of(DossierContent content) {
        DossierBlocks b = new DossierBlocks(content);
        b.build();
        return b.blocks;
    }

    private void build() {
        List<Block.Heading> headings = headings();
        cover();
        blocks.add(new Block.PageBreak());
        blocks.add(new Block.Contents(w.contents(), headings));
        for (String section : c.regime().sections()) {
            switch (section) {
                case "summary" -> summary();
                case "subject" -> subject();
                case "allegations" -> allegations();
                case "chain-of-command" -> chains();
                case "criteria" -> criteria();
                case "exculpatory" -> exculpatory();
                case "impact" -> impact();
                case "evidence-register" -> register();
                case "methodology" -> methodology();
                case "glossary" -> glossary();
                default -> { }
            }
        }
    }

    /** The headings the contents lists, in the order the sections will place them. */
    private List<Block.Heading> headings() {
        List<Block.Heading> headings = new ArrayList<>();
        for (String section : c.regime().sections()) {
            if (section.equals("cover")) {
                continue;
            }
            headings.add(section(section));
            if (section.equals("allegations")) {
                for (DossierContent.Allegation a : c.allegations()) {
                    headings.add(new Block.Heading(2, a.title() + " (" + a.start() + ")", "a-" + a.incident()));
                }
            }
        }
        return headings;
    }

    private Block.Heading section(String id) {
        return new Block.Heading(1, w.sections().get(id), "s-" + id);
    }

    private void cover() {
        DossierContent.Cover cover = c.cover();
        blocks.add(new Block.Paragraph(List.of(Span.of(cover.marking(), Style.BODY.bold().colored(0xA8322D))), 0, 18));
        blocks.add(new Block.Paragraph(List.of(Span.of("Request for designation", TITLE)), 0, 4));
        blocks.add(new Block.Paragraph(List.of(Span.of(c.regime().name(), new Style(Style.Face.REGULAR, 13f, Style.NAVY))), 0, 16));
        blocks.add(new Block.Paragraph(List.of(Span.of(cover.subjectName(), NAME)), 0, 2));
        if (cover.subjectLatinName() != null && !cover.subjectLatinName().equals(cover.subjectName())) {
            blocks.add(new Block.Paragraph(List.of(Span.of(cover.subjectLatinName(), new Style(Style.Face.REGULAR, 13f, Style.INK))), 0, 14));
        }
        List<List<Block.Cell>> rows = new ArrayList<>();
        rows.add(row("Regime", c.regime().name() + " (" + c.regime().program() + ")"));
        rows.add(row("Legal basis", String.join("\n", c.regime().legalBasis())));
        rows.add(row("Authority", c.regime().authority()));
        rows.add(row("Addressee", String.join("\n", c.regime().addressee())));
        rows.add(row("Submitted by", cover.organisation() + (cover.contact() == null ? "" : "\n" + cover.contact())));
        rows.add(row("Record as of", cover.dataAsOf() + ", journal entry " + cover.journalPosition()));
        rows.add(List.of(Block.Cell.of(Span.of("Journal hash", LABEL)), Block.Cell.of(Span.of(cover.journalHash(), Style.SMALL.mono()))));
        rows.add(row("Dossier", cover.dossierId() + ", version " + cover.version() + ", " + cover.audience().replace('-', ' ')));
        rows.add(List.of(Block.Cell.of(Span.of("Content hash", LABEL)),
                Block.Cell.of(Span.of("SHA-256 " + cover.contentHash(), Style.SMALL.mono()))));
        blocks.add(new Block.Table(List.of(0.22f, 0.78f), List.of(Block.Cell.of(Span.of("Cover", LABEL)), Block.Cell.of(Span.of("", LABEL))), rows));
        blocks.add(new Block.Paragraph(List.of(Span.of("Confidentiality. ", Style.BODY.bold()), Span.of(cover.request(), Style.BODY)), 0, 6));
        blocks.add(new Block.Paragraph(List.of(Span.of("Standard of proof. ", Style.BODY.bold()), Span.of(c.regime().standardOfProof(), Style.BODY)), 0, 6));
    }

    private static List<Block.Cell> row(String label, String value) {
        return List.of(Block.Cell.of(Span.of(label, LABEL)), Block.Cell.of(Span.of(value, Style.SMALL)));
    }

    private void summary() {
        blocks.add(section("summary"));
        c.summary().paragraphs().forEach(p -> blocks.add(Block.Paragraph.of(Span.of(p, Style.BODY))));
        if (!c.summary().rows().isEmpty()) {
            List<List<Block.Cell>> rows = new ArrayList<>();
            for (DossierContent.SummaryRow r : c.summary().rows()) {
                rows.add(List.of(Block.Cell.of(Span.link(r.title(), Style.SMALL, "a-" + r.incident())), Block.Cell.of(Span.of(r.date(), Style.SMALL)),
                        Block.Cell.of(Span.of(r.mode(), Style.SMALL)), Block.Cell.of(strength(r.strength())),
                        Block.Cell.of(Span.of(r.limbs().isEmpty() ? "none" : String.join("; ", r.limbs()), Style.SMALL))));
            }
            blocks.add(new Block.Table(List.of(0.34f, 0.12f, 0.13f, 0.12f, 0.29f),
                    header("Incident", "Date", "Strongest link", "Strength", "Regime limbs"), rows));
        }
    }

    private void subject() {
        blocks.add(section("subject"));
        DossierContent.Subject s = c.subject();
        List<List<Block.Cell>> names = new ArrayList<>();
        for (DossierContent.Name n : s.names()) {
            names.add(List.of(Block.Cell.of(Span.of(n.value(), Style.BODY)), Block.Cell.of(Span.of(orDash(n.script()), Style.SMALL)),
                    Block.Cell.of(Span.of(orDash(n.lang()), Style.SMALL)), Block.Cell.of(Span.of(n.kind(), Style.SMALL))));
        }
        blocks.add(new Block.Table(List.of(0.5f, 0.15f, 0.15f, 0.2f), header("Name", "Script", "Language", "Kind"), names));
        List<List<Block.Cell>> facts = new ArrayList<>();
        facts.add(row("Patronymic", orDash(s.patronymic())));
        facts.add(row("Date of birth", orDash(s.birthDate())));
        facts.add(row("Place of birth", orDash(s.birthPlace())));
        facts.add(row("Nationality", s.nationalities().isEmpty() ? "-" : String.join(", ", s.nationalities())));
        facts.add(row("Gender", orDash(s.gender())));
        facts.add(row("Identifiers", s.identifiers().isEmpty() ? "none recorded" : String.join("\n",
                s.identifiers().stream().map(i -> i.kind() + ": " + i.value() + (i.country() == null ? "" : " (" + i.country() + ")")).toList())));
        facts.add(row("Existing sanctions", s.sanctions().isEmpty() ? w.noSanctions() : String.join("\n", s.sanctions().stream().map(DossierContent.Designation::line).toList())));
        facts.add(row("Associates", s.associates().isEmpty() ? "none recorded" : String.join("\n",
                s.associates().stream().map(a -> a.name() + ": " + a.relation()).toList())));
        blocks.add(new Block.Table(List.of(0.22f, 0.78f), header("Identification", ""), facts));
        blocks.add(new Block.Heading(2, "Positions held", "s-subject-positions"));
        if (s.positions().isEmpty()) {
            blocks.add(Block.Paragraph.of(Span.of("No position is recorded.", Style.BODY)));
            return;
        }
        List<List<Block.Cell>> rows = new ArrayList<>();
        for (DossierContent.Position p : s.positions()) {
            List<Span> post = new ArrayList<>();
            post.add(Span.of(p.title() != null ? p.title() : p.role(), Style.SMALL.bold()));
            post.add(Span.of("\n" + p.role().replace('-', ' ') + (p.rank() == null ? "" : ", " + p.rank()), Style.SMALL));
            rows.add(List.of(Block.Cell.of(Span.of(p.unitName(), Style.SMALL)), new Block.Cell(post, null),
                    Block.Cell.of(Span.of(orDash(p.start()), Style.SMALL)), Block.Cell.of(Span.of(p.end() == null ? "still held" : p.end(), Style.SMALL)),
                    Block.Cell.of(strength(p.strength())), new Block.Cell(cites(p.citations()), null)));
        }
        blocks.add(new Block.Table(List.of(0.27f, 0.22f, 0.11f, 0.11f, 0.11f, 0.18f),
                header("Unit", "Post", "From", "To", "Strength", "Evidence"), rows));
    }

    private void allegations() {
        blocks.add(section("allegations"));
        if (c.allegations().isEmpty()) {
            blocks.add(Block.Paragraph.of(Span.of(w.noAllegations(), Style.BODY)));
            return;
        }
        if (!c.timeline().isEmpty()) {
            blocks.add(Block.Paragraph.of(Span.of("Timeline of the subject's posts and the incidents below.", Style.NOTE)));
            blocks.add(new Block.Timeline(c.timeline().stream().map(e -> new Block.Event(e.date(), e.label(), e.kind().equals("incident"))).toList()));
        }
        for (DossierContent.Allegation a : c.allegations()) {
            blocks.add(new Block.Heading(2, a.title() + " (" + a.start() + ")", "a-" + a.incident()));
            List<List<Block.Cell>> facts = new ArrayList<>();
            facts.add(row("Date", a.start() + (a.end() == null ? "" : " to " + a.end())));
            facts.add(row("Place", a.place()));
            facts.add(row("Violations", String.join("\n", a.violations().stream().map(v -> words(v.id())
                    + (v.criterion() == null ? " (not covered by this regime)" : ": " + v.criterion())).toList())));
            facts.add(row("Victims", a.victims().isEmpty() ? "none recorded by pseudonym" : String.join("\n", a.victims().stream()
                    .map(v -> v.pseudonym() + ": " + String.join(", ", v.statuses()) + (v.categories().isEmpty() ? "" : " (" + String.join(", ", v.categories()) + ")")).toList())));
            facts.add(row("Casualties", a.casualties().isEmpty() ? "no figures recorded" : String.join("\n", a.casualties().stream()
                    .map(k -> k.category() + ": " + range(k) + (k.source() == null ? "" : ", according to " + k.source())).toList())));
            facts.add(row("Investigation", a.investigation() == null ? "none recorded" : words(a.investigation())));
            blocks.add(new Block.Table(List.of(0.2f, 0.8f), header("Incident", a.incident()), facts));
            if (a.narrative() != null) {
                blocks.add(Block.Paragraph.of(Span.of("What happened. ", Style.BODY.bold()), Span.of(a.narrative(), Style.BODY)));
            }
            if (a.officialResponse() != null) {
                blocks.add(Block.Paragraph.of(Span.of("Official response. ", Style.BODY.bold()), Span.of(a.officialResponse(), Style.BODY)));
            }
            for (DossierContent.Path p : a.paths()) {
                path(p);
            }
        }
    }

    private void path(DossierContent.Path p) {
        blocks.add(new Block.Heading(3, "Link: " + words(p.mode()) + (p.involvement() == null ? "" : " through an involvement as " + words(p.involvement()))
                + ", " + p.strength() + (p.datesCertain() ? "" : " (dates make it only possible)"), null));
        String units = p.units().isEmpty() ? "" : " Units on the path, from the one involved: " + String.join(" \u2192 ", p.units())
                + " (" + p.depth() + (p.depth() == 1 ? " level" : " levels") + " above it).";
        blocks.add(Block.Paragraph.of(Span.of(capital(w.modes().get(p.mode())) + "." + units
                + " Strength " + p.strength() + ": " + p.strengthReason() + "."
                + (p.limbs().isEmpty() ? " No limb of this regime covers this mode." : " Regime limbs: " + String.join("; ", p.limbs()) + "."), Style.BODY)));
        List<List<Block.Cell>> rows = new ArrayList<>();
        for (DossierContent.Step s : p.steps()) {
            rows.add(List.of(new Block.Cell(List.of(Span.of(s.summary(), Style.SMALL), Span.of("\n" + s.claim() + (s.status().equals("accepted") ? "" : ", " + s.status()), Style.SMALL.colored(Style.GREY))), null),
                    Block.Cell.of(Span.of(interval(s.start(), s.end()), Style.SMALL)),
                    Block.Cell.of(Span.of(s.validity(), Style.SMALL)), new Block.Cell(List.of(strength(s.strength()), Span.of("\n" + s.strengthReason(), Style.SMALL.colored(Style.GREY))), null),
                    new Block.Cell(cites(s.citations()), null)));
        }
        blocks.add(new Block.Table(List.of(0.34f, 0.14f, 0.1f, 0.24f, 0.18f), header("Claim", "Dates", "At the date", "Strength", "Evidence"), rows));
        if (!p.elements().isEmpty()) {
            List<List<Block.Cell>> elements = new ArrayList<>();
            for (DossierContent.Element e : p.elements()) {
                elements.add(List.of(Block.Cell.of(Span.of(w.elements().getOrDefault(e.element(), e.element()), Style.SMALL)),
                        Block.Cell.of(Span.of(e.shown() ? "shown" : "not shown", e.shown() ? Style.SMALL.bold() : Style.SMALL)),
                        Block.Cell.of(Span.of(orDash(e.strength() == null ? null : e.strength().word()), Style.SMALL)),
                        Block.Cell.of(Span.of(e.note() + (e.claims().isEmpty() ? "" : " (" + String.join(", ", e.claims()) + ")"), Style.SMALL))));
            }
            blocks.add(new Block.Table(List.of(0.33f, 0.12f, 0.13f, 0.42f), header("Element (Rome Statute art. 28)", "", "Strength", "Basis"), elements));
        }
    }

    private void chains() {
        blocks.add(section("chain-of-command"));
        if (c.charts().isEmpty()) {
            blocks.add(Block.Paragraph.of(Span.of("The subject's links do not pass through a chain of units, so there is no chain of command to draw.", Style.BODY)));
            return;
        }
        blocks.add(Block.Paragraph.of(Span.of("Each diagram shows the units above a unit involved in the incident (the unit that acted, "
                + "unless its heading says it was present or in support), as they stood on the incident date, "
                + "with the persons in command then. Arrows point from a unit up to its superior, labelled with the relation, its strength "
                + "and whether it held for certain on that date; a unit with several superiors that day has an arrow to each, side by side, "
                + "and a unit reached through two branches is drawn once. A box outlined in red is commanded by the subject. Where a diagram "
                + "runs onto another page, the arrows that leave its top row there point at a dashed box that names the superior drawn on the page before.",
                Style.BODY)));
        for (DossierContent.CommandChart chart : c.charts()) {
            String role = chart.involvement() == null || chart.involvement().equals("perpetrated") ? "" : " (" + words(chart.involvement()) + ")";
            blocks.add(new Block.Heading(2, chart.incidentTitle() + ": " + chart.actingUnit() + role + " on " + chart.date(), null));
            List<Block.Box> boxes = new ArrayList<>();
            for (DossierContent.ChartUnit unit : chart.units()) {
                List<Span> lines = new ArrayList<>();
                lines.add(Span.of(unit.unitName(), Style.BODY.bold()));
                if (unit.commanders().isEmpty()) {
                    lines.add(Span.of("\nno commander recorded at this date", Style.NOTE));
                }
                boolean subject = false;
                for (DossierContent.ChartCommander k : unit.commanders()) {
                    subject |= k.subject();
                    lines.add(Span.of("\n" + k.name(), k.subject() ? Style.SMALL.bold().colored(0xA8322D) : Style.SMALL.bold()));
                    lines.add(Span.of(" since " + orDash(k.since()) + (k.until() == null ? "" : " until " + k.until())
                            + "; " + k.strength() + ", " + k.validity(), Style.SMALL));
                }
                boxes.add(new Block.Box(unit.unit(), unit.unitName(), lines, subject));
            }
            List<Block.Arrow> arrows = chart.relations().stream()
                    .map(r -> new Block.Arrow(r.claim(), r.unit(), r.superior(), r.relation() + " \u00b7 " + r.strength() + " \u00b7 " + r.validity()))
                    .toList();
            blocks.add(new Block.Diagram("Chain of command above " + chart.actingUnit() + " on " + chart.date()
                    + " (top: the highest superiors recorded).", boxes, arrows));
            // the same relations in words: what the drawing states, to be read, cited and checked line by line
            if (!chart.relations().isEmpty()) {
                java.util.Map<String, String> names = new java.util.HashMap<>();
                chart.units().forEach(u -> names.put(u.unit(), u.unitName()));
                List<List<Block.Cell>> rows = new ArrayList<>();
                for (DossierContent.ChartRelation r : chart.relations()) {
                    rows.add(List.of(Block.Cell.of(Span.of(names.get(r.unit()), Style.SMALL)),
                            Block.Cell.of(Span.of(r.relation(), Style.SMALL)),
                            Block.Cell.of(Span.of(names.get(r.superior()), Style.SMALL)),
                            new Block.Cell(List.of(strength(r.strength()), Span.of(", " + r.validity(), Style.SMALL)), null),
                            Block.Cell.of(Span.of(r.claim(), Style.SMALL.mono()))));
                }
                blocks.add(new Block.Table(List.of(0.24f, 0.19f, 0.24f, 0.13f, 0.2f),
                        header("Unit", "Relation", "Superior", "On the date", "Claim"), rows));
            }
        }
    }


    private void criteria() {
        blocks.add(section("criteria"));
        blocks.add(Block.Paragraph.of(Span.of("Each row maps a designation limb of the regime and the violations it covers to an incident, "
                + "the subject's link to it, and the claims and evidence the link rests on.", Style.BODY)));
        if (c.criteria().isEmpty()) {
            blocks.add(Block.Paragraph.of(Span.of(w.noAllegations(), Style.BODY)));
            return;
        }
        List<List<Block.Cell>> rows = new ArrayList<>();
        for (DossierContent.CriterionRow r : c.criteria()) {
            List<Span> evidence = new ArrayList<>();
            for (Integer n : r.register()) {
                if (!evidence.isEmpty()) {
                    evidence.add(Span.of(" ", Style.SMALL));
                }
                evidence.add(Span.link("E" + n, Style.SMALL, "ev-" + n));
            }
            rows.add(List.of(new Block.Cell(List.of(Span.of(r.limb(), Style.SMALL.bold()), Span.of("\n" + r.limbText(), Style.SMALL)), null),
                    new Block.Cell(List.of(Span.of(r.incidentTitle(), Style.SMALL), Span.of("\n" + String.join("; ", r.violations().stream().map(DossierContent.Violation::criterion).distinct().toList()), Style.SMALL.colored(Style.GREY))), null),
                    new Block.Cell(List.of(Span.of(r.mode() + ", ", Style.SMALL), strength(r.strength())), null),
                    new Block.Cell(List.of(Span.of(r.met() ? "shown" : "not shown", r.met() ? Style.SMALL.bold() : Style.SMALL),
                            Span.of(r.note() == null ? "" : "\n" + r.note(), Style.SMALL.colored(Style.GREY))), null),
                    new Block.Cell(evidence.isEmpty() ? List.of(Span.of("-", Style.SMALL)) : evidence, null)));
        }
        blocks.add(new Block.Table(List.of(0.3f, 0.27f, 0.14f, 0.17f, 0.12f), header("Limb", "Incident and violation", "Link", "Criterion", "Evidence"), rows));
    }

    private void exculpatory() {
        blocks.add(section("exculpatory"));
        if (c.exculpatory().isEmpty()) {
            blocks.add(Block.Paragraph.of(Span.of(w.noExculpatory(), Style.BODY)));
            return;
        }
        blocks.add(Block.Paragraph.of(Span.of("What in the record speaks against the allegations or weakens them. Contradicting evidence is kept "
                + "and cited, never dropped; official accounts are given as the authorities stated them.", Style.BODY)));
        List<List<Block.Cell>> rows = new ArrayList<>();
        for (DossierContent.ExculpatoryItem e : c.exculpatory()) {
            List<Span> evidence = e.register() == null ? List.of(Span.of("-", Style.SMALL))
                    : List.of(Span.link("E" + e.register(), Style.SMALL, "ev-" + e.register()), Span.of(e.pinpoint() == null ? "" : "\nat " + e.pinpoint(), Style.SMALL));
            rows.add(List.of(Block.Cell.of(Span.of(incidentTitle(e.incident()), Style.SMALL)), Block.Cell.of(Span.of(words(e.kind()), Style.SMALL.bold())),
                    Block.Cell.of(Span.of(e.text(), Style.SMALL)), new Block.Cell(evidence, null)));
        }
        blocks.add(new Block.Table(List.of(0.22f, 0.16f, 0.5f, 0.12f), header("Incident", "Kind", "What", "Evidence"), rows));
    }

    private void impact() {
        blocks.add(section("impact"));
        c.regime().impact().forEach(p -> blocks.add(new Block.Paragraph(List.of(Span.of("\u2022 ", Style.BODY), Span.of(p, Style.BODY)), 8, 4)));
    }

    private void register() {
        blocks.add(section("evidence-register"));
        blocks.add(Block.Paragraph.of(Span.of("Every item cited above, numbered as cited (E1, E2...). Grades: source reliability A-F, "
                + "information credibility 1-6. The SHA-256 is the fingerprint of the file as it arrived; the custody column counts the "
                + "journaled actions on the item up to this dossier's journal position.", Style.BODY)));
        List<List<Block.Cell>> rows = new ArrayList<>();
        for (DossierContent.RegisterEntry e : c.register()) {
            List<Span> item = new ArrayList<>();
            item.add(Span.of(e.title(), Style.SMALL.bold()));
            item.add(Span.of("\n" + words(e.kind()) + (e.date() == null ? "" : ", " + e.date()) + (e.source() == null ? "" : ", source " + e.source())
                    + ", grade " + e.grade() + ", " + e.confidentiality(), Style.SMALL));
            List<Span> claims = new ArrayList<>();
            claims.add(Span.of(e.supports().isEmpty() ? "" : "supports " + String.join(", ", e.supports()), Style.SMALL));
            if (!e.contradicts().isEmpty()) {
                claims.add(Span.of((e.supports().isEmpty() ? "" : "\n") + "contradicts " + String.join(", ", e.contradicts()), Style.SMALL.bold()));
            }
            rows.add(List.of(new Block.Cell(List.of(Span.of("E" + e.number(), Style.SMALL.bold())), "ev-" + e.number()),
                    new Block.Cell(item, null),
                    Block.Cell.of(Span.of(e.sha256() == null ? "no file held" : e.sha256(), Style.SMALL.mono()),
                            Span.of(e.fileStatus() == null || e.sha256() == null ? "" : "\n" + e.fileStatus(), Style.SMALL.colored(Style.GREY))),
                    Block.Cell.of(Span.of(e.custody(), Style.SMALL)), new Block.Cell(claims, null)));
        }
        blocks.add(new Block.Table(List.of(0.06f, 0.3f, 0.22f, 0.2f, 0.22f), header("No.", "Item", "SHA-256", "Custody", "Claims"), rows));
    }

    private void methodology() {
        blocks.add(section("methodology"));
        for (Wording.Paragraph p : w.methodology()) {
            blocks.add(new Block.Heading(3, p.heading(), null));
            blocks.add(Block.Paragraph.of(Span.of(p.text(), Style.BODY)));
        }
    }

    private void glossary() {
        blocks.add(section("glossary"));
        List<List<Block.Cell>> terms = new ArrayList<>();
        w.glossary().forEach(t -> terms.add(row(t.term(), t.text())));
        w.strengths().forEach((k, v) -> terms.add(row("Strength: " + k, v)));
        w.modes().forEach((k, v) -> terms.add(row("Link: " + words(k), v)));
        blocks.add(new Block.Table(List.of(0.25f, 0.75f), header("Term", "Meaning"), terms));
        blocks.add(new Block.Heading(2, "Transliteration", "s-transliteration"));
        blocks.add(Block.Paragraph.of(Span.of(w.transliterationNote(), Style.BODY)));
        List<List<Block.Cell>> letters = new ArrayList<>();
        List<List<String>> pairs = w.transliteration();
        int perRow = 4;
        for (int i = 0; i < pairs.size(); i += perRow) {
            List<Block.Cell> row = new ArrayList<>();
            for (int j = i; j < i + perRow; j++) {
                row.add(Block.Cell.of(Span.of(j < pairs.size() ? pairs.get(j).get(0) + " " + pairs.get(j).get(0).toLowerCase(Locale.ROOT) : "", Style.BODY)));
                row.add(Block.Cell.of(Span.of(j < pairs.size() ? pairs.get(j).get(1) : "", Style.BODY)));
            }
            letters.add(row);
        }
        blocks.add(new Block.Table(List.of(0.125f, 0.125f, 0.125f, 0.125f, 0.125f, 0.125f, 0.125f, 0.125f),
                header("Cyrillic", "Latin", "Cyrillic", "Latin", "Cyrillic", "Latin", "Cyrillic", "Latin"), letters));
        List<List<Block.Cell>> names = new ArrayList<>();
        for (DossierContent.Name n : c.subject().names()) {
            names.add(List.of(Block.Cell.of(Span.of(n.value(), Style.BODY)), Block.Cell.of(Span.of(n.kind() + (n.script() == null ? "" : ", " + n.script()), Style.SMALL))));
        }
        if (!names.isEmpty()) {
            blocks.add(new Block.Table(List.of(0.6f, 0.4f), header("The subject's names", "Kind"), names));
        }
    }

    private String incidentTitle(String id) {
        return c.allegations().stream().filter(a -> a.incident().equals(id)).map(DossierContent.Allegation::title).findFirst().orElse(id);
    }

    private List<Span> cites(List<DossierContent.Cite> cites) {
        List<Span> spans = new ArrayList<>();
        for (DossierContent.Cite cite : cites) {
            if (!spans.isEmpty()) {
                spans.add(Span.of(" ", Style.SMALL));
            }
            String text = "E" + cite.register() + (cite.stance().equals("contradicts") ? " (contra)" : "");
            spans.add(Span.link(text, cite.stance().equals("contradicts") ? Style.SMALL.bold() : Style.SMALL, "ev-" + cite.register()));
            if (cite.pinpoint() != null) {
                spans.add(Span.of(" at " + cite.pinpoint(), Style.SMALL.colored(Style.GREY)));
            }
        }
        return spans.isEmpty() ? List.of(Span.of("none cited", Style.SMALL.italic())) : spans;
    }

    private static Span strength(Strength strength) {
        int color = switch (strength) {
            case ESTABLISHED -> 0x1E6B3A;
            case PROBABLE -> 0x1F4FA8;
            case POSSIBLE -> 0x9A6400;
            case DISPUTED -> 0xA8322D;
        };
        return Span.of(strength.word(), Style.SMALL.bold().colored(color));
    }

    private static List<Block.Cell> header(String... titles) {
        List<Block.Cell> cells = new ArrayList<>();
        for (String t : titles) {
            cells.add(Block.Cell.of(Span.of(t, Style.SMALL.bold())));
        }
        return cells;
    }

    private static String range(DossierContent.Casualty k) {
        String min = k.min() == null ? "?" : k.min().toString();
        String max = k.max() == null ? "" : k.max().toString();
        String text = k.min() != null && k.min().equals(k.max()) ? min : k.max() == null ? "at least " + min : min + " to " + max;
        return text + (k.best() == null ? "" : " (best estimate " + k.best() + ")");
    }

    private static String interval(String start, String end) {
        if (start == null && end == null) {
            return "not dated";
        }
        return start == null ? "until " + end : end == null ? "from " + start : start.equals(end) ? start : start + " to " + end;
    }

    private static String words(String id) {
        return id.replace('-', ' ');
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
