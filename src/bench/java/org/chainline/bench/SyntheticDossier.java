package org.chainline.bench;

import org.chainline.dossier.content.DossierContent;
import org.chainline.liability.Strength;
import org.chainline.regime.Regime;
import org.chainline.regime.Regimes;
import org.chainline.registry.model.Model;

import java.util.ArrayList;
import java.util.List;

/**
 * The content of a large fictional dossier, made without any store: a subject linked to N incidents, each with two
 * paths of four cited steps, victims, casualty ranges, a chain of four units, criteria rows, and three register
 * entries. Names mix Kazakh Cyrillic and Latin, as real dossiers of this kind do.
 */
public final class SyntheticDossier {

    private SyntheticDossier() {
    }

    public static DossierContent of(int incidents) {
        Regimes regimes = new Regimes(Model.load(), "");
        Regime regime = regimes.get("eu-ghrsr");
        List<DossierContent.Allegation> allegations = new ArrayList<>();
        List<DossierContent.CommandChart> charts = new ArrayList<>();
        List<DossierContent.CriterionRow> criteria = new ArrayList<>();
        List<DossierContent.ExculpatoryItem> exculpatory = new ArrayList<>();
        List<DossierContent.RegisterEntry> register = new ArrayList<>();
        List<DossierContent.TimelineEvent> timeline = new ArrayList<>();
        int evidence = 0;
        for (int i = 1; i <= incidents; i++) {
            String incident = "i-" + i;
            String date = "2025-%02d-%02d".formatted(1 + (i / 28) % 12, 1 + i % 28);
            List<DossierContent.Path> paths = new ArrayList<>();
            for (String mode : List.of("command", "ordering")) {
                List<DossierContent.Step> steps = new ArrayList<>();
                for (int s = 1; s <= 4; s++) {
                    List<DossierContent.Cite> cites = new ArrayList<>();
                    for (int c = 0; c < 3; c++) {
                        int n = 1 + (evidence + c) % Math.max(3, incidents * 3);
                        cites.add(new DossierContent.Cite("ev-" + n, n, c == 2 && s == 4 ? "contradicts" : "supports",
                                c == 0 ? "00:0" + s + ":1" + c : null, "B2"));
                    }
                    steps.add(new DossierContent.Step("claim-" + i + "-" + mode + "-" + s, s == 4 ? "Posting" : "UnitRelation",
                            "Ротa " + i + "-" + s + " (Company " + i + "-" + s + ") child of Батальон " + i + " (Battalion " + i + ")",
                            "accepted", s == 4 ? Strength.PROBABLE : Strength.ESTABLISHED, "2 independent well-graded sources", "certain",
                            "2024-0" + (1 + s) + "-01", null, cites, "accepted", "reviewer"));
                }
                paths.add(new DossierContent.Path(mode, "perpetrated", Strength.PROBABLE, "its weakest claim, claim-" + i + "-" + mode + "-4, is probable", true, 3, List.of("Рота " + i, "Батальон " + i, "Полк " + i),
                        steps, mode.equals("command") ? List.of(
                        new DossierContent.Element("effective-control", true, List.of("claim-" + i + "-command-1"), Strength.ESTABLISHED, "postings and unit relations at the incident date"),
                        new DossierContent.Element("knowledge", true, List.of("know-" + i), Strength.PROBABLE, "knew or should have known"),
                        new DossierContent.Element("failure-to-prevent-or-punish", true, List.of(), null, "official investigation: none")) : List.of(),
                        regime.limbsFor(mode).stream().map(Regime.Limb::id).toList()));
                criteria.add(new DossierContent.CriterionRow(regime.limbsFor(mode).getFirst().id(), regime.limbsFor(mode).getFirst().text(),
                        incident, "Incident " + i, List.of(new DossierContent.Violation("extrajudicial-killing", regime.covers().get("extrajudicial-killing"))),
                        mode, Strength.PROBABLE, true, null, List.of("claim-" + i + "-" + mode + "-1"), List.of(evidence + 1, evidence + 2)));
            }
            allegations.add(new DossierContent.Allegation(incident, "Shooting of protesters at site " + i + " (Қала алаңы)", date, null,
                    "Site " + i + ", Akkala, XT", List.of(new DossierContent.Violation("extrajudicial-killing", regime.covers().get("extrajudicial-killing")),
                    new DossierContent.Violation("freedom-of-assembly", regime.covers().get("freedom-of-assembly"))),
                    List.of(new DossierContent.VictimRef("V-" + (100 + i), List.of("killed"), List.of("protester"))),
                    List.of(new DossierContent.Casualty("killed", 2, 9, 4, "TG channel " + i)),
                    "Around noon, shots were fired into a crowd of protesters at site " + i + "; witnesses describe uniformed men on a roof "
                            + "and an armoured vehicle of the battalion blocking the exit of the square. The dead were taken away before dusk.",
                    "The ministry denied that its units were present.", "none", Strength.PROBABLE, paths));
            charts.add(new DossierContent.CommandChart(incident, "Incident " + i, date, "Рота " + i, "perpetrated", List.of(
                    new DossierContent.ChartUnit("u-r" + i, "Рота " + i, 0, List.of()),
                    new DossierContent.ChartUnit("u-b" + i, "Батальон " + i, 1, List.of()),
                    new DossierContent.ChartUnit("u-p" + i, "Полк " + i, 2, List.of()),
                    new DossierContent.ChartUnit("u-ng", "Ұлттық ұлан (National Guard)", 3,
                            List.of(new DossierContent.ChartCommander("p-1", "Ғалым Өтеғұлов (Galym Otegulov)", "2024-05-02", null, Strength.PROBABLE, "certain", true)))),
                    List.of(new DossierContent.ChartRelation("rel-r" + i, "u-r" + i, "u-b" + i, "child of", Strength.PROBABLE, "certain"),
                            new DossierContent.ChartRelation("rel-b" + i, "u-b" + i, "u-p" + i, "child of", Strength.ESTABLISHED, "certain"),
                            new DossierContent.ChartRelation("rel-p" + i, "u-p" + i, "u-ng", "child of", Strength.ESTABLISHED, "certain"))));
            exculpatory.add(new DossierContent.ExculpatoryItem("official-account", incident, null, "The ministry denied that its units were present.", null, null));
            timeline.add(new DossierContent.TimelineEvent(date, "Shooting of protesters at site " + i, "incident"));
            for (int e = 0; e < 3; e++) {
                evidence++;
                register.add(new DossierContent.RegisterEntry(evidence, "ev-" + evidence, "video", "Video " + evidence + " of the shooting at site " + i,
                        date, "TG channel " + i, "C2", 2, "%064x".formatted(evidence * 7919L), "stored", "public", false,
                        "received " + date + " via telegram export; 3 events to journal entry 1000", List.of("claim-" + i + "-command-1"), List.of(), false));
            }
        }
        DossierContent.Subject subject = new DossierContent.Subject("p-1", List.of(new DossierContent.Name("Ғалым Өтеғұлов", "Cyrl", "kk", "primary"),
                new DossierContent.Name("Galym Otegulov", "Latn", null, "transliteration")), "Нұрғалиұлы", "1970-02-14", null, List.of("XT"), "male",
                List.of(), List.of(new DossierContent.Position("post-1", "u-ng", "Ұлттық ұлан (National Guard)", "commander", "Commander of the National Guard",
                "Major General", "2024-05-02", null, Strength.ESTABLISHED, List.of(new DossierContent.Cite("ev-1", 1, "supports", "art. 2", "B2")), "accepted")),
                List.of(), List.of(), List.of());
        DossierContent.Summary summary = new DossierContent.Summary(List.of("Ғалым Өтеғұлов (Galym Otegulov) is linked by the record to "
                + incidents + " incidents that the EU Global Human Rights Sanctions Regime covers."), allegations.stream()
                .map(a -> new DossierContent.SummaryRow(a.incident(), a.title(), a.start(), "command", Strength.PROBABLE, List.of("Reg. 2020/1998 Art. 3(3)(a)"))).toList());
        DossierContent.Cover cover = new DossierContent.Cover("dos-bench", "government-confidential",
                regimes.wording().audiences().get("government-confidential").marking(), regimes.wording().audiences().get("government-confidential").request(),
                "p-1", "Ғалым Өтеғұлов", "Galym Otegulov", "A fictional organisation", null, 1000, "0".repeat(64), "2026-11-29T00:00:00Z", 1, "1".repeat(64));
        return new DossierContent(DossierContent.FORMAT, cover, regime, regimes.wording(), summary, subject, allegations, charts, criteria,
                exculpatory, timeline, register, new DossierContent.Review(true, false, incidents * 10, 0, List.of()),
                new DossierContent.Impact("EU", regime.reach().countries(), null, List.of()), null, null);
    }
}
