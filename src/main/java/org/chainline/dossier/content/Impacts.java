package org.chainline.dossier.content;

import org.chainline.holdings.Holdings;
import org.chainline.regime.Regime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The impact section's facts: of what the record shows the subject to hold, where they live and where they travel,
 * what lies in the countries a designation under the regime reaches. A holding of the subject's through a relative or
 * a company counts (that is how such holdings are kept); one elsewhere does not, however large.
 */
final class Impacts {

    private Impacts() {
    }

    /** One row for a company the subject (or a relative) both owns and directs: "owner and director". */
    private static DossierContent.ImpactItem merged(DossierContent.ImpactItem a, DossierContent.ImpactItem b) {
        if (List.of(a.how().split(" and ")).contains(b.how())) {
            return a; // the same holding reached along another path: one row, on the claims of the first
        }
        List<String> claims = new ArrayList<>(a.claims());
        b.claims().stream().filter(c -> !claims.contains(c)).forEach(claims::add);
        String how = b.how().equals("owner") ? b.how() + " and " + a.how() : a.how() + " and " + b.how();
        return new DossierContent.ImpactItem(a.kind(), a.record(), a.name(), a.country(), how,
                a.share() != null ? a.share() : b.share(), a.via(), a.start(), a.end(), claims);
    }

    static DossierContent.Impact of(Regime regime, Holdings.Reach reach) {
        List<String> countries = regime.reach().countries();
        // a company the subject (or a relative) both owns and directs is one row: "owner and director"
        Map<String, DossierContent.ImpactItem> holdings = new LinkedHashMap<>();
        for (Holdings.Holding h : reach.holdings()) {
            if (h.country() != null && countries.contains(h.country())) {
                DossierContent.ImpactItem item = new DossierContent.ImpactItem(h.type().equals("Company") ? "company" : "asset",
                        h.record(), h.name(), h.country(), h.how(), h.share(), h.viaName(), h.start(), h.end(), h.claims());
                holdings.merge(h.record() + "\n" + h.via(), item, Impacts::merged);
            }
        }
        List<DossierContent.ImpactItem> items = new ArrayList<>(holdings.values());
        for (Holdings.Presence p : reach.presence()) {
            if (countries.contains(p.country())) {
                items.add(new DossierContent.ImpactItem(p.kind(), p.claim(), p.place() == null ? p.country() : p.place(),
                        p.country(), p.kind().equals("residence") ? "lives" : "travelled", null, p.purpose(), p.start(), p.end(),
                        List.of(p.claim())));
            }
        }
        String family = regime.reach().family() != null && !reach.family().isEmpty() ? regime.reach().family() : null;
        return new DossierContent.Impact(regime.designations().jurisdiction(), countries, family, items);
    }
}
