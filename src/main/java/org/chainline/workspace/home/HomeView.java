package org.chainline.workspace.home;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.chainline.cases.Case;
import org.chainline.dossier.Dossier;
import org.chainline.regime.Regime;
import org.chainline.registry.ProtectedNames;
import org.chainline.sanctions.GapReport;
import org.chainline.workspace.shell.Chrome;
import org.chainline.workspace.shell.FieldError;
import org.chainline.workspace.shell.Page;

import java.util.List;

/**
 * The home page: open cases, the latest changes, the stores, the gap report's top rows, the latest dossiers, and for
 * holders of the witness-protection grant the accounts whose text was refused for naming a protected identity and the
 * copies of protected files that arrived.
 */
@Introspected
public record HomeView(Chrome chrome, List<Case> cases, List<Change> changes, @Nullable Status status, List<Regime> regimes,
                       String regime, @Nullable GapReport.Report gaps, List<Dossier> dossiers,
                       List<ProtectedNames.Refusals> refusals, List<org.chainline.evidence.ProtectedCopies.Copy> copies,
                       List<FieldError> errors) implements Page {

    /** One journal entry as the home page lists it: no payload and no reason, which may hold case material. */
    public record Change(long seq, String when, String actor, String kind, String target, @Nullable String link) {
    }

    /**
     * The stores (as the health endpoint reads them): journal head, graph position and lag (null when a store does not
     * answer), rebuild, why projection stopped, the last graph check's status ({@code consistent}, {@code moving},
     * {@code drift}) and time.
     */
    public record Status(@Nullable Long head, @Nullable Long graph, @Nullable Long lag, boolean rebuilding, @Nullable String error,
                         @Nullable String check, @Nullable String checkedAt) {
    }
}
