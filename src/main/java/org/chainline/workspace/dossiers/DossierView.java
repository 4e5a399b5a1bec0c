package org.chainline.workspace.dossiers;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.chainline.dossier.Dossier;
import org.chainline.dossier.DossierJobs;
import org.chainline.regime.Regime;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Page;

import java.util.List;

/** The dossier builder: the order form, a job followed live, a dossier with its versions and the regeneration check. */
@Introspected
public record DossierView(Chrome chrome, Order order, List<FieldError> errors, @Nullable DossierJobs.Job job,
                          @Nullable Shown shown, List<Dossier> latest) implements Page {

    /** The order form as it stands (what was sent, or the defaults) and the choices it offers. */
    public record Order(String subject, String regime, String audience, String annex, List<Regime> regimes,
                        List<String> audiences) {
    }

    /** A dossier shown: its versions for the same regime and audience, and what its check or approval just did. */
    public record Shown(Dossier dossier, List<Dossier> versions, @Nullable String check) {
    }
}
