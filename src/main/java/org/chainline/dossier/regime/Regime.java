package org.chainline.dossier.regime;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * A sanctions regime as templates/regimes/&lt;id&gt;.yaml describes it: legal basis, the violations it covers (from
 * the incident vocabulary to the regime's own words), its designation limbs mapped to liability modes, the sections
 * a submission under it holds, its standard of proof and addressee.
 */
@Serdeable
public record Regime(String id, String name, String shortName, String authority, String program,
                     List<String> legalBasis, List<String> addressee, String standardOfProof,
                     Map<String, String> covers, List<Limb> limbs, @Nullable VictimQualifier victimQualifier,
                     List<String> impact, List<String> sections) {

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
