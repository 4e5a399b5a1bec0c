package org.chainline.dossier.content;

import org.chainline.regime.Regime;
import org.chainline.regime.Wording;
import org.chainline.liability.Views;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.chainline.liability.Strength;

/** The executive summary, written from the assembled sections so that it can say nothing they do not. */
final class Summaries {

    private Summaries() {
    }

    static DossierContent.Summary of(DossierContent.Subject subject, Views.Ref person,
                                     List<DossierContent.Allegation> allegations, List<DossierContent.CriterionRow> criteria,
                                     Regime regime, Wording wording) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder who = new StringBuilder(CommandCharts.display(person));
        if (subject.birthDate() != null) {
            who.append(", born ").append(subject.birthDate());
        }
        if (!subject.nationalities().isEmpty()) {
            who.append(", national of ").append(String.join(", ", subject.nationalities()));
        }
        subject.positions().stream().filter(p -> p.end() == null).findFirst().ifPresent(p ->
                who.append(", ").append(p.title() != null ? p.title() : p.role()).append(" (").append(p.unitName()).append(")"));
        if (allegations.isEmpty()) {
            paragraphs.add(who + ". " + wording.noAllegations());
            return new DossierContent.Summary(paragraphs, List.of());
        }
        paragraphs.add(who + ", is linked by the record to " + allegations.size()
                + (allegations.size() == 1 ? " incident" : " incidents") + " that the " + regime.shortName() + " covers.");
        Set<String> met = new LinkedHashSet<>();
        criteria.stream().filter(DossierContent.CriterionRow::met).forEach(c -> met.add(c.limb()));
        paragraphs.add(met.isEmpty()
                ? "No designation limb is shown to the standard of an established or probable link; the links below are possible or disputed and need further corroboration."
                : "Designation criteria shown by established or probable links: " + String.join("; ", met) + ".");
        if (!subject.sanctions().isEmpty()) {
            paragraphs.add("Existing designations of the subject: " + String.join("; ", subject.sanctions().stream()
                    .map(d -> d.brief() + " (" + d.status() + ")").toList()) + ". The subject identification section gives how "
                    + "each is known.");
        }
        long disputed = allegations.stream().flatMap(a -> a.paths().stream()).filter(p -> p.strength() == Strength.DISPUTED).count();
        if (disputed > 0) {
            paragraphs.add(disputed + (disputed == 1 ? " link is" : " links are")
                    + " disputed by evidence in the record; the exculpatory section sets out what speaks against "
                    + (disputed == 1 ? "it." : "them."));
        }
        List<DossierContent.SummaryRow> rows = new ArrayList<>();
        for (DossierContent.Allegation a : allegations) {
            DossierContent.Path best = a.paths().getFirst();
            rows.add(new DossierContent.SummaryRow(a.incident(), a.title(), a.start(), best.mode(), a.strongest(), best.limbs()));
        }
        return new DossierContent.Summary(paragraphs, rows);
    }
}
