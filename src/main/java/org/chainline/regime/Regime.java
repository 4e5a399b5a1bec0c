package org.chainline.regime;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * A sanctions regime as templates/regimes/&lt;id&gt;.yaml describes it: legal basis, the violations it covers (from
 * the incident vocabulary to the regime's own words), its designation limbs mapped to liability modes, the sections
 * a submission under it holds, its standard of proof and addressee, and how sanctions lists name its designations.
 */
@Serdeable
public record Regime(String id, String name, String shortName, String authority, String program,
                     List<String> legalBasis, List<String> addressee, String standardOfProof,
                     Map<String, String> covers, List<Limb> limbs, @Nullable VictimQualifier victimQualifier,
                     List<String> impact, List<String> sections, Designations designations, Reach reach) {

    /**
     * Where a designation under this regime bites: the countries whose assets, companies, residences and travel the
     * impact section lists (an EU designation: every member state), and what the regime says of family, if anything.
     */
    @Serdeable
    public record Reach(List<String> countries, @Nullable String family) {
    }

    /**
     * How sanctions lists name this regime's designations: the jurisdiction that designates under it (US, EU, GB,
     * CA), the list datasets that are that jurisdiction's (by name or title, as OpenSanctions writes them) and the
     * names of the regime's programme. The gap report and the list import read it.
     */
    @Serdeable
    public record Designations(String jurisdiction, List<String> lists, List<String> programs) {
    }

    /** A designation criterion and the liability modes that meet it. */
    @Serdeable
    public record Limb(String id, String text, List<String> modes) {
    }

    /** A condition on the victims (Canada: people who exposed officials or exercised or defended rights). */
    @Serdeable
    public record VictimQualifier(String text, List<String> categories, List<String> violations) {
    }

    /** The limbs a path of this mode meets. */
    public List<Limb> limbsFor(String mode) {
        return limbs.stream().filter(l -> l.modes().contains(mode)).toList();
    }
}
