package org.chainline.dossier.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One criteria row per regime limb and incident: the strongest of the paths that meet it, with all they rest on. */
final class CriteriaRows {

    private CriteriaRows() {
    }

    static List<DossierContent.CriterionRow> grouped(List<DossierContent.CriterionRow> rows) {
        Map<String, List<DossierContent.CriterionRow>> byLimbAndIncident = new LinkedHashMap<>();
        for (DossierContent.CriterionRow r : rows) {
            byLimbAndIncident.computeIfAbsent(r.limb() + "\n" + r.incident(), k -> new ArrayList<>()).add(r);
        }
        List<DossierContent.CriterionRow> grouped = new ArrayList<>();
        for (List<DossierContent.CriterionRow> group : byLimbAndIncident.values()) {
            DossierContent.CriterionRow best = group.getFirst();
            Set<String> modes = new LinkedHashSet<>();
            Set<String> claims = new LinkedHashSet<>();
            Set<Integer> register = new TreeSet<>();
            boolean met = false;
            for (DossierContent.CriterionRow r : group) {
                if (r.strength().compareTo(best.strength()) > 0 || (r.met() && !best.met())) {
                    best = r;
                }
                modes.add(r.mode());
                claims.addAll(r.claims());
                register.addAll(r.register());
                met |= r.met();
            }
            grouped.add(new DossierContent.CriterionRow(best.limb(), best.limbText(), best.incident(), best.incidentTitle(),
                    best.violations(), String.join(", ", modes), best.strength(), met, met ? null : best.note(),
                    List.copyOf(claims), List.copyOf(register)));
        }
        return grouped;
    }
}
