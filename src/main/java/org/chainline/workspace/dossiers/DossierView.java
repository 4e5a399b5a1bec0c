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
public record DossierView(Chrome chrome, String subject, String regime, String audience, String annex, List<Regime> regimes,
                         List<String> audiences, List<FieldError> errors, @Nullable DossierJobs.Job job,
                         @Nullable Dossier dossier, List<Dossier> versions, @Nullable String check, List<Dossier> latest) implements Page {
}
