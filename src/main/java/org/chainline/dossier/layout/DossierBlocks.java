package org.chainline.dossier.layout;

import org.chainline.dossier.content.DossierContent;
import org.chainline.liability.Strength;
import org.chainline.regime.Labels;
import org.chainline.regime.Labels.Key;
import org.chainline.regime.Wording;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/** The structure of a dossier's pages from its content: sections in the regime's order, each as blocks. */
public final class DossierBlocks {

    private static final Style TITLE = new Style(Style.Face.BOLD, 22f, Style.NAVY);
    private static final Style NAME = new Style(Style.Face.BOLD, 17f, Style.INK);
    private static final Style LABEL = Style.SMALL.bold().colored(Style.GREY);

    private final DossierContent c;
    private final Wording w;
    private final Labels labels;
    private final List<Block> blocks = new ArrayList<>();

    private DossierBlocks(DossierContent content, Labels labels) {
        this.c = content;
        this.w = content.wording();
        this.labels = labels;
    }

    /** The blocks of a dossier, its labels (everything it prints around the content) from {@code labels}. */
    public static List<Block> of(DossierContent content, Labels labels) {
        DossierBlocks b = new DossierBlocks(content, labels);
        b.build();
        return b.blocks;
    }

    private void build() {
        List<Block.Heading> headings = headings();
        cover();
        blocks.add(new Block.PageBreak());
        blocks.add(new Block.Contents(w.contents(), headings));
        letter();
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
        if (c.counsel() != null && c.counsel().letter() != null) {
            headings.add(letterHeading());
        }
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

    private Block.Heading letterHeading() {
        return new Block.Heading(1, t(Key.COUNSEL_LETTER), "s-letter");
    }

    /** Counsel's request letter, before the sections, with who wrote which version. */
    private void letter() {
        if (c.counsel() == null || c.counsel().letter() == null) {
            return;
        }
        blocks.add(letterHeading());
        counselText(c.counsel().letter());
        blocks.add(Block.Paragraph.of(Span.of(t(Key.COUNSEL_VERSION, "version", c.counsel().version(), "author", c.counsel().author(),
                "date", c.counsel().writtenAt()), Style.NOTE)));
    }

    /** Counsel's words, a paragraph per blank-line-separated block. */
    private void counselText(String text) {
        for (String paragraph : text.split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                blocks.add(Block.Paragraph.of(Span.of(paragraph.strip(), Style.BODY)));
            }
        }
    }

    private Block.Heading section(String id) {
        return new Block.Heading(1, w.sections().get(id), "s-" + id);
    }

    private void cover() {
        DossierContent.Cover cover = c.cover();
        if (c.approval() == null) {
            blocks.add(new Block.Paragraph(List.of(Span.of(t(Key.DRAFT_MARK), new Style(Style.Face.BOLD, 16f, 0xA8322D))), 0, 4));
            blocks.add(new Block.Paragraph(List.of(Span.of(t(Key.DRAFT_NOTICE), Style.BODY.colored(0xA8322D))), 0, 12));
        }
        blocks.add(new Block.Paragraph(List.of(Span.of(cover.marking(), Style.BODY.bold().colored(0xA8322D))), 0, 18));
        blocks.add(new Block.Paragraph(List.of(Span.of(t(Key.REQUEST_FOR_DESIGNATION), TITLE)), 0, 4));
        blocks.add(new Block.Paragraph(List.of(Span.of(c.regime().name(), new Style(Style.Face.REGULAR, 13f, Style.NAVY))), 0, 16));
        blocks.add(new Block.Paragraph(List.of(Span.of(cover.subjectName(), NAME)), 0, 2));
        if (cover.subjectLatinName() != null && !cover.subjectLatinName().equals(cover.subjectName())) {
            blocks.add(new Block.Paragraph(List.of(Span.of(cover.subjectLatinName(), new Style(Style.Face.REGULAR, 13f, Style.INK))), 0, 14));
        }
        List<List<Block.Cell>> rows = new ArrayList<>();
        rows.add(row(t(Key.REGIME), c.regime().name() + " (" + c.regime().program() + ")"));
        rows.add(row(t(Key.LEGAL_BASIS), String.join("\n", c.regime().legalBasis())));
        rows.add(row(t(Key.AUTHORITY), c.regime().authority()));
        rows.add(row(t(Key.ADDRESSEE), String.join("\n", c.regime().addressee())));
        rows.add(row(t(Key.SUBMITTED_BY), cover.organisation() + (cover.contact() == null ? "" : "\n" + cover.contact())));
        rows.add(row(t(Key.RECORD_AS_OF), t(Key.RECORD_AS_OF_VALUE, "date", cover.dataAsOf(), "position", cover.journalPosition())));
        rows.add(List.of(Block.Cell.of(Span.of(t(Key.JOURNAL_HASH), LABEL)), Block.Cell.of(Span.of(cover.journalHash(), Style.SMALL.mono()))));
        rows.add(row(t(Key.DOSSIER), t(Key.DOSSIER_VALUE, "id", cover.dossierId(), "version", cover.version(), "audience", cover.audience().replace('-', ' '))));
        rows.add(List.of(Block.Cell.of(Span.of(t(Key.CONTENT_HASH), LABEL)),
                Block.Cell.of(Span.of(t(Key.CONTENT_HASH_VALUE, "hash", cover.contentHash()), Style.SMALL.mono()))));
        DossierContent.Review review = c.review();
        rows.add(row(t(Key.REVIEW), (review.includesProposed()
                ? t(Key.REVIEW_WITH_PROPOSED, "count", review.unreviewed().size())
                : t(Key.REVIEW_ACCEPTED_ONLY, "accepted", review.accepted(), "leftOut", review.leftOut()))
                + (review.fourEyes() ? "" : t(Key.REVIEW_ONE_PERSON))));
        if (c.approval() != null) {
            rows.add(List.of(Block.Cell.of(Span.of(t(Key.APPROVED), LABEL)), Block.Cell.of(Span.of(t(Key.APPROVED_VALUE, "by",
                    c.approval().by(), "date", c.approval().at()), Style.SMALL.bold()))));
        }
        blocks.add(new Block.Table(List.of(0.22f, 0.78f), List.of(Block.Cell.of(Span.of(t(Key.COVER), LABEL)), Block.Cell.of(Span.of("", LABEL))), rows));
        blocks.add(new Block.Paragraph(List.of(Span.of(t(Key.CONFIDENTIALITY), Style.BODY.bold()), Span.of(cover.request(), Style.BODY)), 0, 6));
        blocks.add(new Block.Paragraph(List.of(Span.of(t(Key.STANDARD_OF_PROOF), Style.BODY.bold()), Span.of(c.regime().standardOfProof(), Style.BODY)), 0, 6));
    }

    private static List<Block.Cell> row(String label, String value) {
        return List.of(Block.Cell.of(Span.of(label, LABEL)), Block.Cell.of(Span.of(value, Style.SMALL)));
    }

    private void summary() {
        blocks.add(section("summary"));
        if (c.counsel() != null && c.counsel().summary() != null) {
            blocks.add(new Block.Heading(2, t(Key.COUNSEL_SUMMARY), "s-counsel-summary"));
            counselText(c.counsel().summary());
        }
        c.summary().paragraphs().forEach(p -> blocks.add(Block.Paragraph.of(Span.of(p, Style.BODY))));
        if (!c.summary().rows().isEmpty()) {
            List<List<Block.Cell>> rows = new ArrayList<>();
            for (DossierContent.SummaryRow r : c.summary().rows()) {
                rows.add(List.of(Block.Cell.of(Span.link(r.title(), Style.SMALL, "a-" + r.incident())), Block.Cell.of(Span.of(r.date(), Style.SMALL)),
                        Block.Cell.of(Span.of(r.mode(), Style.SMALL)), Block.Cell.of(strength(r.strength())),
                        Block.Cell.of(Span.of(r.limbs().isEmpty() ? t(Key.NO_LIMBS) : String.join("; ", r.limbs()), Style.SMALL))));
            }
            blocks.add(new Block.Table(List.of(0.34f, 0.12f, 0.13f, 0.12f, 0.29f),
                    header(Key.INCIDENT, Key.DATE, Key.STRONGEST_LINK, Key.STRENGTH, Key.REGIME_LIMBS), rows));
        }
        if (!c.review().unreviewed().isEmpty()) {
            blocks.add(new Block.Heading(2, t(Key.UNREVIEWED_HEADING), "s-unreviewed"));
            blocks.add(Block.Paragraph.of(Span.of(t(Key.UNREVIEWED_NOTE), Style.BODY)));
            List<List<Block.Cell>> rows = new ArrayList<>();
            for (DossierContent.Unreviewed u : c.review().unreviewed()) {
                rows.add(List.of(Block.Cell.of(Span.of(u.claim(), Style.SMALL.mono())), Block.Cell.of(Span.of(u.type(), Style.SMALL)),
                        Block.Cell.of(Span.of(u.summary(), Style.SMALL))));
            }
            blocks.add(new Block.Table(List.of(0.25f, 0.15f, 0.6f), header(Key.CLAIM, Key.KIND, Key.WHAT), rows));
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
        blocks.add(new Block.Table(List.of(0.5f, 0.15f, 0.15f, 0.2f), header(Key.NAME, Key.SCRIPT, Key.LANGUAGE, Key.KIND), names));
        List<List<Block.Cell>> facts = new ArrayList<>();
        facts.add(row(t(Key.PATRONYMIC), orDash(s.patronymic())));
        facts.add(row(t(Key.DATE_OF_BIRTH), orDash(s.birthDate())));
        facts.add(row(t(Key.PLACE_OF_BIRTH), orDash(s.birthPlace())));
        facts.add(row(t(Key.NATIONALITY), s.nationalities().isEmpty() ? "-" : String.join(", ", s.nationalities())));
        facts.add(row(t(Key.GENDER), orDash(s.gender())));
        facts.add(row(t(Key.IDENTIFIERS), s.identifiers().isEmpty() ? t(Key.NONE_RECORDED) : String.join("\n",
                s.identifiers().stream().map(i -> i.kind() + ": " + i.value() + (i.country() == null ? "" : " (" + i.country() + ")")).toList())));
        facts.add(row(t(Key.EXISTING_SANCTIONS), s.sanctions().isEmpty() ? w.noSanctions() : String.join("\n", s.sanctions().stream().map(d -> d.line(labels)).toList())));
        facts.add(row(t(Key.FAMILY), s.family().isEmpty() ? t(Key.NONE_RECORDED) : String.join("\n",
                s.family().stream().map(this::relation).toList())));
        facts.add(row(t(Key.ASSOCIATES), s.associates().isEmpty() ? t(Key.NONE_RECORDED) : String.join("\n",
                s.associates().stream().map(this::relation).toList())));
        blocks.add(new Block.Table(List.of(0.22f, 0.78f), header(t(Key.IDENTIFICATION), ""), facts));
        blocks.add(new Block.Heading(2, t(Key.POSITIONS_HELD), "s-subject-positions"));
        if (s.positions().isEmpty()) {
            blocks.add(Block.Paragraph.of(Span.of(t(Key.NO_POSITION), Style.BODY)));
            return;
        }
        List<List<Block.Cell>> rows = new ArrayList<>();
        for (DossierContent.Position p : s.positions()) {
            List<Span> post = new ArrayList<>();
            post.add(Span.of(p.title() != null ? p.title() : p.role(), Style.SMALL.bold()));
            post.add(Span.of("\n" + p.role().replace('-', ' ') + (p.rank() == null ? "" : ", " + p.rank()), Style.SMALL));
            rows.add(List.of(Block.Cell.of(Span.of(p.unitName(), Style.SMALL)), new Block.Cell(post, null),
                    Block.Cell.of(Span.of(orDash(p.start()), Style.SMALL)), Block.Cell.of(Span.of(p.end() == null ? t(Key.STILL_HELD) : p.end(), Style.SMALL)),
                    Block.Cell.of(strength(p.strength())), new Block.Cell(cites(p.citations()), null)));
        }
        blocks.add(new Block.Table(List.of(0.27f, 0.22f, 0.11f, 0.11f, 0.11f, 0.18f),
                header(Key.UNIT, Key.POST, Key.FROM, Key.TO, Key.STRENGTH, Key.EVIDENCE), rows));
    }

    /** "Name: spouse (since 2010; claim fam-1)". */
    private String relation(DossierContent.Associate a) {
        String dates = a.start() == null && a.end() == null ? "" : interval(a.start(), a.end());
        String claim = a.claim() == null ? "" : a.claim();
        String tail = dates.isEmpty() && claim.isEmpty() ? "" : " (" + dates + (dates.isEmpty() || claim.isEmpty() ? "" : "; ") + claim + ")";
        return a.name() + ": " + a.relation() + tail;
    }

    private void allegations() {
        blocks.add(section("allegations"));
        if (c.allegations().isEmpty()) {
            blocks.add(Block.Paragraph.of(Span.of(w.noAllegations(), Style.BODY)));
            return;
        }
        if (!c.timeline().isEmpty()) {
            blocks.add(Block.Paragraph.of(Span.of(t(Key.TIMELINE_NOTE), Style.NOTE)));
            blocks.add(new Block.Timeline(c.timeline().stream().map(e -> new Block.Event(e.date(), e.label(), e.kind().equals("incident"))).toList()));
        }
        for (DossierContent.Allegation a : c.allegations()) {
            blocks.add(new Block.Heading(2, a.title() + " (" + a.start() + ")", "a-" + a.incident()));
            List<List<Block.Cell>> facts = new ArrayList<>();
            facts.add(row(t(Key.DATE), a.end() == null ? a.start() : t(Key.DATE_RANGE, "start", a.start(), "end", a.end())));
            facts.add(row(t(Key.PLACE), a.place()));
            facts.add(row(t(Key.VIOLATIONS), String.join("\n", a.violations().stream().map(v -> v.criterion() == null
                    ? t(Key.NOT_COVERED, "violation", words(v.id())) : t(Key.VIOLATION_CRITERION, "violation", words(v.id()), "criterion", v.criterion())).toList())));
            facts.add(row(t(Key.VICTIMS), a.victims().isEmpty() ? t(Key.NO_VICTIMS) : String.join("\n", a.victims().stream()
                    .map(v -> v.pseudonym() + ": " + String.join(", ", v.statuses()) + (v.categories().isEmpty() ? "" : " (" + String.join(", ", v.categories()) + ")")).toList())));
            facts.add(row(t(Key.CASUALTIES), a.casualties().isEmpty() ? t(Key.NO_CASUALTIES) : String.join("\n", a.casualties().stream()
                    .map(k -> k.category() + ": " + range(k) + (k.source() == null ? "" : t(Key.CASUALTY_SOURCE, "source", k.source()))).toList())));
            facts.add(row(t(Key.INVESTIGATION), a.investigation() == null ? t(Key.NONE_RECORDED) : words(a.investigation())));
            blocks.add(new Block.Table(List.of(0.2f, 0.8f), header(t(Key.INCIDENT), a.incident()), facts));
            if (a.narrative() != null) {
                blocks.add(Block.Paragraph.of(Span.of(t(Key.WHAT_HAPPENED), Style.BODY.bold()), Span.of(a.narrative(), Style.BODY)));
            }
            if (a.officialResponse() != null) {
                blocks.add(Block.Paragraph.of(Span.of(t(Key.OFFICIAL_RESPONSE), Style.BODY.bold()), Span.of(a.officialResponse(), Style.BODY)));
            }
            if (c.counsel() != null) {
                c.counsel().incidents().stream().filter(n -> n.incident().equals(a.incident())).forEach(n ->
                        blocks.add(Block.Paragraph.of(Span.of(t(Key.COUNSEL_NOTE), Style.BODY.bold()), Span.of(n.text(), Style.BODY))));
            }
            for (DossierContent.Path p : a.paths()) {
                path(p);
            }
        }
    }

    private void path(DossierContent.Path p) {
        blocks.add(new Block.Heading(3, t(Key.LINK_HEADING, "mode", words(p.mode()))
                + (p.involvement() == null ? "" : t(Key.THROUGH_INVOLVEMENT, "role", words(p.involvement())))
                + ", " + p.strength().word() + (p.datesCertain() ? "" : t(Key.DATES_ONLY_POSSIBLE)), null));
        String units = p.units().isEmpty() ? "" : t(Key.UNITS_ON_PATH, "units", String.join(" \u2192 ", p.units()),
                "depth", p.depth(), "levels", p.depth() == 1 ? t(Key.LEVEL) : t(Key.LEVELS));
        blocks.add(Block.Paragraph.of(Span.of(capital(w.modes().get(p.mode())) + "." + units
                + t(Key.PATH_STRENGTH, "strength", p.strength().word(), "reason", p.strengthReason())
                + (p.limbs().isEmpty() ? t(Key.NO_LIMB) : t(Key.PATH_LIMBS, "limbs", String.join("; ", p.limbs()))), Style.BODY)));
        List<List<Block.Cell>> rows = new ArrayList<>();
        for (DossierContent.Step s : p.steps()) {
            String reviewed = switch (s.review()) {
                case "accepted" -> s.reviewedBy() == null ? "" : ", " + t(Key.REVIEWED_BY, "by", s.reviewedBy());
                case "disputed" -> ", " + t(Key.DISPUTED_IN_REVIEW, "claim", s.claim(), "by", String.valueOf(s.reviewedBy()));
                default -> ", " + t(Key.NOT_REVIEWED);
            };
            rows.add(List.of(new Block.Cell(List.of(Span.of(s.summary(), Style.SMALL), Span.of("\n" + s.claim() + (s.research() == null ? "" : ", " + s.research())
                    + reviewed, Style.SMALL.colored(Style.GREY))), null),
                    Block.Cell.of(Span.of(interval(s.start(), s.end()), Style.SMALL)),
                    Block.Cell.of(Span.of(s.validity(), Style.SMALL)), new Block.Cell(List.of(strength(s.strength()), Span.of("\n" + s.strengthReason(), Style.SMALL.colored(Style.GREY))), null),
                    new Block.Cell(cites(s.citations()), null)));
        }
        blocks.add(new Block.Table(List.of(0.34f, 0.14f, 0.1f, 0.24f, 0.18f), header(Key.CLAIM, Key.DATES, Key.AT_THE_DATE, Key.STRENGTH, Key.EVIDENCE), rows));
        if (!p.elements().isEmpty()) {
            List<List<Block.Cell>> elements = new ArrayList<>();
            for (DossierContent.Element e : p.elements()) {
                elements.add(List.of(Block.Cell.of(Span.of(w.elements().getOrDefault(e.element(), e.element()), Style.SMALL)),
                        Block.Cell.of(Span.of(e.shown() ? t(Key.SHOWN) : t(Key.NOT_SHOWN), e.shown() ? Style.SMALL.bold() : Style.SMALL)),
                        Block.Cell.of(Span.of(orDash(e.strength() == null ? null : e.strength().word()), Style.SMALL)),
                        Block.Cell.of(Span.of(e.note() + (e.claims().isEmpty() ? "" : " (" + String.join(", ", e.claims()) + ")"), Style.SMALL))));
            }
            blocks.add(new Block.Table(List.of(0.33f, 0.12f, 0.13f, 0.42f), header(t(Key.ELEMENT), "", t(Key.STRENGTH), t(Key.BASIS)), elements));
        }
    }

    private void chains() {
        blocks.add(section("chain-of-command"));
        if (c.charts().isEmpty()) {
            blocks.add(Block.Paragraph.of(Span.of(t(Key.NO_CHAIN), Style.BODY)));
            return;
        }
        blocks.add(Block.Paragraph.of(Span.of(t(Key.CHARTS_NOTE), Style.BODY)));
        for (DossierContent.CommandChart chart : c.charts()) {
            String role = chart.involvement() == null || chart.involvement().equals("perpetrated") ? "" : t(Key.CHART_ROLE, "role", words(chart.involvement()));
            blocks.add(new Block.Heading(2, t(Key.CHART_HEADING, "incident", chart.incidentTitle(), "unit", chart.actingUnit(), "role", role,
                    "date", chart.date()), null));
            List<Block.Box> boxes = new ArrayList<>();
            for (DossierContent.ChartUnit unit : chart.units()) {
                List<Span> lines = new ArrayList<>();
                lines.add(Span.of(unit.unitName(), Style.BODY.bold()));
                if (unit.commanders().isEmpty()) {
                    lines.add(Span.of("\n" + t(Key.NO_COMMANDER), Style.NOTE));
                }
                boolean subject = false;
                for (DossierContent.ChartCommander k : unit.commanders()) {
                    subject |= k.subject();
                    lines.add(Span.of("\n" + k.name(), k.subject() ? Style.SMALL.bold().colored(0xA8322D) : Style.SMALL.bold()));
                    lines.add(Span.of(t(Key.COMMANDER_SINCE, "since", orDash(k.since())) + (k.until() == null ? "" : t(Key.COMMANDER_UNTIL, "until", k.until()))
                            + "; " + k.strength().word() + ", " + k.validity(), Style.SMALL));
                }
                boxes.add(new Block.Box(unit.unit(), unit.unitName(), lines, subject));
            }
            List<Block.Arrow> arrows = chart.relations().stream()
                    .map(r -> new Block.Arrow(r.claim(), r.unit(), r.superior(), r.relation() + " \u00b7 " + r.strength().word() + " \u00b7 " + r.validity()))
                    .toList();
            blocks.add(new Block.Diagram(t(Key.CHART_CAPTION, "unit", chart.actingUnit(), "date", chart.date()), boxes, arrows));
            // the same relations in words: what the drawing states, to be read, cited and checked line by line
            if (!chart.relations().isEmpty()) {
                Map<String, String> names = new HashMap<>();
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
                        header(Key.UNIT, Key.RELATION, Key.SUPERIOR, Key.ON_THE_DATE, Key.CLAIM), rows));
            }
        }
    }


    private void criteria() {
        blocks.add(section("criteria"));
        blocks.add(Block.Paragraph.of(Span.of(t(Key.CRITERIA_NOTE), Style.BODY)));
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
                evidence.add(Span.link(t(Key.EVIDENCE_NUMBER, "n", n), Style.SMALL, "ev-" + n));
            }
            rows.add(List.of(new Block.Cell(List.of(Span.of(r.limb(), Style.SMALL.bold()), Span.of("\n" + r.limbText(), Style.SMALL)), null),
                    new Block.Cell(List.of(Span.of(r.incidentTitle(), Style.SMALL), Span.of("\n" + String.join("; ", r.violations().stream().map(DossierContent.Violation::criterion).distinct().toList()), Style.SMALL.colored(Style.GREY))), null),
                    new Block.Cell(List.of(Span.of(r.mode() + ", ", Style.SMALL), strength(r.strength())), null),
                    new Block.Cell(List.of(Span.of(r.met() ? t(Key.SHOWN) : t(Key.NOT_SHOWN), r.met() ? Style.SMALL.bold() : Style.SMALL),
                            Span.of(r.note() == null ? "" : "\n" + r.note(), Style.SMALL.colored(Style.GREY))), null),
                    new Block.Cell(evidence.isEmpty() ? List.of(Span.of("-", Style.SMALL)) : evidence, null)));
        }
        blocks.add(new Block.Table(List.of(0.3f, 0.27f, 0.14f, 0.17f, 0.12f), header(Key.LIMB, Key.INCIDENT_AND_VIOLATION, Key.LINK, Key.CRITERION, Key.EVIDENCE), rows));
    }

    private void exculpatory() {
        blocks.add(section("exculpatory"));
        if (c.exculpatory().isEmpty()) {
            blocks.add(Block.Paragraph.of(Span.of(w.noExculpatory(), Style.BODY)));
            return;
        }
        blocks.add(Block.Paragraph.of(Span.of(t(Key.EXCULPATORY_NOTE), Style.BODY)));
        List<List<Block.Cell>> rows = new ArrayList<>();
        for (DossierContent.ExculpatoryItem e : c.exculpatory()) {
            List<Span> evidence = e.register() == null ? List.of(Span.of("-", Style.SMALL))
                    : List.of(Span.link(t(Key.EVIDENCE_NUMBER, "n", e.register()), Style.SMALL, "ev-" + e.register()),
                    Span.of(e.pinpoint() == null ? "" : "\n" + t(Key.AT_PINPOINT, "pinpoint", e.pinpoint()), Style.SMALL));
            rows.add(List.of(Block.Cell.of(Span.of(incidentTitle(e.incident()), Style.SMALL)), Block.Cell.of(Span.of(words(e.kind()), Style.SMALL.bold())),
                    Block.Cell.of(Span.of(e.text(), Style.SMALL)), new Block.Cell(evidence, null)));
        }
        blocks.add(new Block.Table(List.of(0.22f, 0.16f, 0.5f, 0.12f), header(Key.INCIDENT, Key.KIND, Key.WHAT, Key.EVIDENCE), rows));
    }

    private void impact() {
        blocks.add(section("impact"));
        DossierContent.Impact impact = c.impact();
        String jurisdiction = impact.jurisdiction();
        if (c.counsel() != null && c.counsel().impact() != null) {
            blocks.add(new Block.Heading(2, t(Key.COUNSEL_IMPACT), "s-counsel-impact"));
            counselText(c.counsel().impact());
        }
        if (impact.items().isEmpty()) {
            blocks.add(Block.Paragraph.of(Span.of(t(Key.IMPACT_NONE, "jurisdiction", jurisdiction), Style.BODY)));
        } else {
            blocks.add(Block.Paragraph.of(Span.of(t(Key.IMPACT_INTRO, "jurisdiction", jurisdiction), Style.BODY)));
            List<List<Block.Cell>> rows = new ArrayList<>();
            for (DossierContent.ImpactItem i : impact.items()) {
                String how = (i.share() == null ? words(i.how()) : words(i.how()).replaceFirst("owner", "owner"
                        + Matcher.quoteReplacement(t(Key.HOLDS_SHARE, "share", share(i.share())))))
                        + (i.via() == null ? "" : t(Key.IMPACT_HELD_THROUGH, "via", i.via()));
                rows.add(List.of(new Block.Cell(List.of(Span.of(i.name(), Style.SMALL.bold()), Span.of("\n" + words(i.kind()), Style.SMALL)), null),
                        Block.Cell.of(Span.of(orDash(i.country()), Style.SMALL)), Block.Cell.of(Span.of(how, Style.SMALL)),
                        Block.Cell.of(Span.of(interval(i.start(), i.end()), Style.SMALL)),
                        Block.Cell.of(Span.of(String.join(", ", i.claims()), Style.SMALL.mono()))));
            }
            blocks.add(new Block.Table(List.of(0.3f, 0.1f, 0.28f, 0.14f, 0.18f), header(Key.ITEM, Key.WHERE, Key.HOW, Key.DATES, Key.CLAIMS), rows));
        }
        if (impact.familyNote() != null) {
            blocks.add(Block.Paragraph.of(Span.of(impact.familyNote(), Style.BODY)));
        }
        c.regime().impact().forEach(p -> blocks.add(new Block.Paragraph(List.of(Span.of("\u2022 ", Style.BODY), Span.of(p, Style.BODY)), 8, 4)));
    }

    private static String share(double share) {
        return share == Math.rint(share) ? String.valueOf((long) share) : String.valueOf(share);
    }

    private void register() {
        blocks.add(section("evidence-register"));
        blocks.add(Block.Paragraph.of(Span.of(t(Key.REGISTER_NOTE), Style.BODY)));
        List<String> annexed = c.register().stream().filter(DossierContent.RegisterEntry::annexed)
                .map(e -> t(Key.EVIDENCE_NUMBER, "n", e.number())).toList();
        if (!annexed.isEmpty()) {
            blocks.add(Block.Paragraph.of(Span.of(t(Key.ANNEXED_NOTE, "items", String.join(", ", annexed)), Style.BODY.bold())));
        }
        List<List<Block.Cell>> rows = new ArrayList<>();
        for (DossierContent.RegisterEntry e : c.register()) {
            List<Span> item = new ArrayList<>();
            item.add(Span.of(e.title(), Style.SMALL.bold()));
            item.add(Span.of("\n" + words(e.kind()) + (e.date() == null ? "" : ", " + e.date())
                    + (e.source() == null ? "" : t(Key.REGISTER_SOURCE, "source", e.source()))
                    + t(Key.REGISTER_GRADE, "grade", e.grade(), "confidentiality", e.confidentiality()), Style.SMALL));
            List<Span> claims = new ArrayList<>();
            claims.add(Span.of(e.supports().isEmpty() ? "" : t(Key.SUPPORTS, "claims", String.join(", ", e.supports())), Style.SMALL));
            if (!e.contradicts().isEmpty()) {
                claims.add(Span.of((e.supports().isEmpty() ? "" : "\n") + t(Key.CONTRADICTS, "claims", String.join(", ", e.contradicts())), Style.SMALL.bold()));
            }
            rows.add(List.of(new Block.Cell(List.of(Span.of(t(Key.EVIDENCE_NUMBER, "n", e.number()), Style.SMALL.bold())), "ev-" + e.number()),
                    new Block.Cell(item, null),
                    Block.Cell.of(Span.of(e.sha256() == null ? t(Key.NO_FILE) : e.sha256(), Style.SMALL.mono()),
                            Span.of(e.fileStatus() == null || e.sha256() == null ? "" : "\n" + e.fileStatus(), Style.SMALL.colored(Style.GREY)),
                            Span.of(e.annexed() ? "\n" + t(Key.ANNEXED_HASH) : "", Style.SMALL.bold())),
                    Block.Cell.of(Span.of(e.custody(), Style.SMALL)), new Block.Cell(claims, null)));
        }
        blocks.add(new Block.Table(List.of(0.06f, 0.3f, 0.22f, 0.2f, 0.22f), header(Key.NUMBER, Key.ITEM, Key.SHA256, Key.CUSTODY, Key.CLAIMS), rows));
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
        w.strengths().forEach((k, v) -> terms.add(row(t(Key.STRENGTH_TERM, "strength", k), v)));
        w.modes().forEach((k, v) -> terms.add(row(t(Key.LINK_TERM, "mode", words(k)), v)));
        blocks.add(new Block.Table(List.of(0.25f, 0.75f), header(Key.TERM, Key.MEANING), terms));
        blocks.add(new Block.Heading(2, t(Key.TRANSLITERATION), "s-transliteration"));
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
                header(Key.CYRILLIC, Key.LATIN, Key.CYRILLIC, Key.LATIN, Key.CYRILLIC, Key.LATIN, Key.CYRILLIC, Key.LATIN), letters));
        List<List<Block.Cell>> names = new ArrayList<>();
        for (DossierContent.Name n : c.subject().names()) {
            names.add(List.of(Block.Cell.of(Span.of(n.value(), Style.BODY)), Block.Cell.of(Span.of(n.kind() + (n.script() == null ? "" : ", " + n.script()), Style.SMALL))));
        }
        if (!names.isEmpty()) {
            blocks.add(new Block.Table(List.of(0.6f, 0.4f), header(Key.SUBJECTS_NAMES, Key.KIND), names));
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
            String text = t(Key.EVIDENCE_NUMBER, "n", cite.register()) + (cite.stance().equals("contradicts") ? t(Key.CONTRA) : "");
            spans.add(Span.link(text, cite.stance().equals("contradicts") ? Style.SMALL.bold() : Style.SMALL, "ev-" + cite.register()));
            if (cite.pinpoint() != null) {
                spans.add(Span.of(" " + t(Key.AT_PINPOINT, "pinpoint", cite.pinpoint()), Style.SMALL.colored(Style.GREY)));
            }
        }
        return spans.isEmpty() ? List.of(Span.of(t(Key.NONE_CITED), Style.SMALL.italic())) : spans;
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

    private List<Block.Cell> header(Key... titles) {
        return header(Arrays.stream(titles).map(labels::get).toArray(String[]::new));
    }

    private String range(DossierContent.Casualty k) {
        String min = k.min() == null ? "?" : k.min().toString();
        String max = k.max() == null ? "" : k.max().toString();
        String text = k.min() != null && k.min().equals(k.max()) ? min : k.max() == null ? t(Key.AT_LEAST, "min", min)
                : t(Key.COUNT_RANGE, "min", min, "max", max);
        return text + (k.best() == null ? "" : t(Key.BEST_ESTIMATE, "best", k.best()));
    }

    private String interval(String start, String end) {
        if (start == null && end == null) {
            return t(Key.NOT_DATED);
        }
        return start == null ? t(Key.UNTIL_DATE, "end", end) : end == null ? t(Key.FROM_DATE, "start", start)
                : start.equals(end) ? start : t(Key.DATE_RANGE, "start", start, "end", end);
    }

    private String t(Key key) {
        return labels.get(key);
    }

    private String t(Key key, Object... namesAndValues) {
        return labels.get(key, namesAndValues);
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
