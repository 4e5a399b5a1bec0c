package org.chainline.dossier.content;

import org.chainline.liability.Strength;
import org.chainline.liability.Views;
import org.chainline.regime.Labels.Key;
import org.chainline.regime.Labels;
import org.chainline.regime.Regime;
import org.chainline.regime.Wording;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The executive summary, written from the assembled sections so that it can say nothing they do not. */
final class Summaries {

    private Summaries() {
    }

    static DossierContent.Summary of(DossierContent.Subject subject, Views.Ref person,
                                     List<DossierContent.Allegation> allegations, List<DossierContent.CriterionRow> criteria,
                                     Regime regime, Wording wording, Labels labels) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder who = new StringBuilder(CommandCharts.display(person));
        if (subject.birthDate() != null) {
            who.append(labels.get(Key.SUMMARY_BORN, "date", subject.birthDate()));
        }
        if (!subject.nationalities().isEmpty()) {
            who.append(labels.get(Key.SUMMARY_NATIONAL, "countries", String.join(", ", subject.nationalities())));
        }
        subject.positions().stream().filter(p -> p.end() == null).findFirst().ifPresent(p ->
                who.append(labels.get(Key.SUMMARY_POST, "post", p.title() != null ? p.title() : p.role(), "unit", p.unitName())));
        if (allegations.isEmpty()) {
            paragraphs.add(labels.get(Key.SUMMARY_NOTHING, "who", who, "reason", wording.noAllegations()));
            return new DossierContent.Summary(paragraphs, List.of());
        }
        paragraphs.add(labels.get(Key.SUMMARY_LINKED, "who", who, "count", allegations.size(),
                "incidents", labels.get(allegations.size() == 1 ? Key.INCIDENT_ONE : Key.INCIDENT_MANY), "regime", regime.shortName()));
        Set<String> met = new LinkedHashSet<>();
        criteria.stream().filter(DossierContent.CriterionRow::met).forEach(c -> met.add(c.limb()));
        paragraphs.add(met.isEmpty() ? labels.get(Key.SUMMARY_NONE_MET) : labels.get(Key.SUMMARY_MET, "limbs", String.join("; ", met)));
        if (!subject.sanctions().isEmpty()) {
            paragraphs.add(labels.get(Key.SUMMARY_DESIGNATIONS, "designations", String.join("; ", subject.sanctions().stream()
                    .map(d -> d.brief(labels) + " (" + d.status() + ")").toList())));
        }
        long disputed = allegations.stream().flatMap(a -> a.paths().stream()).filter(p -> p.strength() == Strength.DISPUTED).count();
        if (disputed > 0) {
            paragraphs.add(labels.get(disputed == 1 ? Key.SUMMARY_DISPUTED_ONE : Key.SUMMARY_DISPUTED_MANY, "count", disputed));
        }
        List<DossierContent.SummaryRow> rows = new ArrayList<>();
        for (DossierContent.Allegation a : allegations) {
            DossierContent.Path best = a.paths().getFirst();
            rows.add(new DossierContent.SummaryRow(a.incident(), a.title(), a.start(), best.mode(), a.strongest(), best.limbs()));
        }
        return new DossierContent.Summary(paragraphs, rows);
    }
}
