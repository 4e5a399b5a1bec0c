package org.chainline.dossier;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code chainline.dossier}: who submits, printed on every cover. (The regimes' folder, {@code templates-dir}, is
 * read by {@link org.chainline.dossier.regime.Regimes}.)
 */
@ConfigurationProperties("chainline.dossier")
public record DossierSettings(String organisation, @Nullable String contact) {

    public DossierSettings {
        if (organisation == null || organisation.isBlank()) {
            organisation = "the submitting organisation (set chainline.dossier.organisation)";
        }
        if (contact != null && contact.isBlank()) {
            contact = null;
        }
    }
}
