package org.chainline.dossier;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code chainline.dossier}: who submits, printed on every cover, and the PKCS#12 keystore whose key signs every
 * dossier when one is set. (The regimes' folder, {@code templates-dir}, is read by
 * {@link org.chainline.regime.Regimes}.)
 */
@ConfigurationProperties("chainline.dossier")
public record DossierSettings(String organisation, @Nullable String contact, @Nullable String signingKeystore,
                              @Nullable String signingPassword, @Nullable String signingAlias) {

    public DossierSettings {
        if (signingKeystore != null && signingKeystore.isBlank()) {
            signingKeystore = null;
        }
        if (organisation == null || organisation.isBlank()) {
            organisation = "the submitting organisation (set chainline.dossier.organisation)";
        }
        if (contact != null && contact.isBlank()) {
            contact = null;
        }
    }
}
